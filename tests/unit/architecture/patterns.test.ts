import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lib/extract/node';
import { parseProfile } from '../../../lib/match/match';
import { nodeCorpus } from '../support/patterns-corpus';
import { PENDING, PENDING_AREAS } from '../support/patterns-pending';
import {
  attackPattern,
  blackBoxCases,
  collectPatterns,
  exerciseEverything,
  SIZE,
  timeCases,
  type HarnessEnv,
} from '../support/patterns-harness';

// Every pattern the code runs on page or pasted text, on 64k-character adversarial strings, with
// a time budget per pattern; then the public entry points themselves on hostile 64k inputs.
// Budgets are generous (the machine is shared): a linear pattern takes a few ms at 64k, a
// quadratic one seconds. `npm run -s bench:patterns` prints the figures, in Node and both browsers.

const PATTERN_BUDGET_MS = 200;
const CASE_BUDGET_MS = 2000;

const { patterns: PENDING_PATTERNS, cases: PENDING_CASES } = PENDING.node;

const env: HarnessEnv = { parseHtml: parseDocument, now: new Date('2026-11-01T10:00:00Z') };
const corpus = nodeCorpus();
const patterns = collectPatterns(() => exerciseEverything(env, corpus));
const keyOf = (p: { source: string; flags: string }) => `/${p.source}/${p.flags}`;

describe('patterns on page and pasted text', () => {
  it('finds the patterns of every area the text reaches', () => {
    expect(patterns.length).toBeGreaterThan(150);
    for (const area of [
      'lib/extract/',
      'lib/match/',
      'lib/skills/',
      'lib/resume/',
      'lib/sites/urls.ts',
      'lib/transfer/csv.ts',
      'components/profile/',
      'node_modules/zod/',
    ]) {
      expect(
        patterns.some((p) => p.where.startsWith(area)),
        area,
      ).toBe(true);
    }
    expect(patterns.some((p) => p.where.startsWith('node_modules/linkedom'))).toBe(false);
  });

  it('lists as pending only patterns the code runs, in the areas being fixed elsewhere', () => {
    for (const key of PENDING_PATTERNS) {
      const pattern = patterns.find((p) => keyOf(p) === key);
      expect(pattern, `${key} is no longer run: remove it from the pending list`).toBeDefined();
      expect(pattern!.where).toMatch(PENDING_AREAS);
    }
  });

  it.each(patterns.map((p) => [`${p.where} ${keyOf(p)}`, p] as const))(
    '%s',
    (_name, pattern) => {
      const key = keyOf(pattern);
      const timing = attackPattern(pattern, { stopAboveMs: PATTERN_BUDGET_MS });
      const within = !timing.error && timing.size === SIZE && timing.worstMs <= PATTERN_BUDGET_MS;
      const report = `${timing.worstMs.toFixed(1)} ms at ${timing.size} characters of ${timing.input}${timing.error ? ` (${timing.error})` : ''}`;
      // A pending entry must stay clearly slow (over half its budget at 64k, or stopped earlier): noise cannot flip it.
      const wellWithin = !timing.error && timing.size === SIZE && timing.worstMs <= PATTERN_BUDGET_MS / 2;
      if (PENDING_PATTERNS.includes(key)) expect(wellWithin, `now within budget (${report}): remove it from the pending list`).toBe(false);
      else expect(within, report).toBe(true);
    },
    60_000,
  );
});

describe('entry points on hostile 64k inputs', () => {
  const profiles = corpus.profiles.map((p) => parseProfile(p));
  const cases = blackBoxCases(env, profiles);

  it('lists as pending only cases that exist', () => {
    for (const name of PENDING_CASES) expect(cases.map((c) => c.name)).toContain(name);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    (name, c) => {
      const [timing] = timeCases([c], { stopAboveMs: CASE_BUDGET_MS });
      const within = !timing!.error && timing!.size === SIZE && timing!.ms <= CASE_BUDGET_MS;
      const report = `${timing!.ms.toFixed(1)} ms at ${timing!.size} characters${timing!.error ? ` (${timing!.error})` : ''}`;
      const wellWithin = !timing!.error && timing!.size === SIZE && timing!.ms <= CASE_BUDGET_MS / 2;
      if (PENDING_CASES.includes(name)) expect(wellWithin, `now within budget (${report}): remove it from the pending list`).toBe(false);
      else expect(within, report).toBe(true);
    },
    60_000,
  );
});
