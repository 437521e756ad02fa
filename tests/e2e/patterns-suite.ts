import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../lib/extract/node';
import { nodeCorpus } from '../unit/support/patterns-corpus';
import { collectPatterns, exerciseEverything, SIZE, type CollectedPattern } from '../unit/support/patterns-harness';
import { PENDING, type Platform } from '../unit/support/patterns-pending';
import { placeFromNode, runHarnessInPage, type BrowserReport, type PageRunner } from './patterns-driver';

/** Browsers are slower than Node and the machine is shared: budgets twice and a half Node's. */
const BROWSER_PATTERN_BUDGET_MS = 500;
const BROWSER_CASE_BUDGET_MS = 2500;

/**
 * The pattern harness in a real browser page: every pattern the code runs, collected there on the
 * browser's own engine, on 64k adversarial strings, and the entry points on hostile 64k inputs,
 * each within its budget (or listed as pending on this branch, and then still over it).
 */
export function definePatternSuite(platform: Platform, open: () => Promise<{ page: PageRunner; close: () => Promise<void> }>): void {
  describe(`${platform}: patterns on 64k adversarial strings`, () => {
    let report: BrowserReport;
    let nodePatterns: CollectedPattern[];
    let close: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const corpus = nodeCorpus();
      nodePatterns = collectPatterns(() => exerciseEverything({ parseHtml: parseDocument, now: new Date('2026-11-01T10:00:00Z') }, corpus));
      const opened = await open();
      close = opened.close;
      const raw = await runHarnessInPage(
        opened.page,
        corpus,
        { stopAboveMs: BROWSER_PATTERN_BUDGET_MS },
        {
          caseOptions: { stopAboveMs: BROWSER_CASE_BUDGET_MS },
          log: process.env.E2E_DEBUG ? (l) => console.log(`[${platform}] ${l}`) : undefined,
        },
      );
      report = { patterns: placeFromNode(raw.patterns, nodePatterns), cases: raw.cases };
    }, 1_200_000);
    afterAll(async () => {
      await close?.();
    });

    it('runs the same patterns as Node', () => {
      expect(report.patterns.length).toBeGreaterThan(150);
      const missing = nodePatterns.filter((p) => !report.patterns.some((b) => b.source === p.source && b.flags === p.flags));
      // Node's own (the CLI's document wrapper) is the only one the page does not run.
      expect(missing.map((p) => p.where).filter((w) => !w.startsWith('lib/extract/node.ts'))).toEqual([]);
    });

    it('keeps every pattern within its budget at 64k characters', () => {
      const pending = PENDING[platform].patterns;
      const over = report.patterns
        .filter((t) => t.error || t.size !== SIZE || t.worstMs > BROWSER_PATTERN_BUDGET_MS)
        .map((t) => ({
          key: `/${t.source}/${t.flags}`,
          line: `${t.where} /${t.source.slice(0, 60)}/${t.flags}: ${t.worstMs.toFixed(0)} ms at ${t.size} of ${t.input}${t.error ? ` ${t.error}` : ''}`,
        }));
      expect(over.filter((o) => !pending.includes(o.key)).map((o) => o.line)).toEqual([]);
      // Pending entries must stay clearly slow (over half the budget, or stopped earlier), so noise cannot flip them.
      const wellWithin = (key: string) =>
        report.patterns.some(
          (t) => `/${t.source}/${t.flags}` === key && !t.error && t.size === SIZE && t.worstMs <= BROWSER_PATTERN_BUDGET_MS / 2,
        );
      expect(pending.filter(wellWithin), 'pending patterns now within budget: remove them').toEqual([]);
      expect(
        pending.filter((key) => !report.patterns.some((t) => `/${t.source}/${t.flags}` === key)),
        'pending patterns no longer run',
      ).toEqual([]);
    });

    it('keeps every entry point within its budget on hostile 64k inputs', () => {
      const pending = PENDING[platform].cases;
      const over = report.cases.filter((c) => c.error || c.size !== SIZE || c.ms > BROWSER_CASE_BUDGET_MS);
      expect(
        over
          .filter((c) => !pending.includes(c.name))
          .map((c) => `${c.name}: ${c.ms.toFixed(0)} ms at ${c.size}${c.error ? ` ${c.error}` : ''}`),
      ).toEqual([]);
      const wellWithin = (name: string) =>
        report.cases.some((c) => c.name === name && !c.error && c.size === SIZE && c.ms <= BROWSER_CASE_BUDGET_MS / 2);
      expect(pending.filter(wellWithin), 'pending cases now within budget: remove them').toEqual([]);
    });
  });
}
