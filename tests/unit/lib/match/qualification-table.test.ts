import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchLine } from '../../../../lib/match/match';
import { ProfileSchema } from '../../../../lib/profile/schema';
import { GRADUATE_CONTEXT, GRADUATE_ROWS, ROWS } from '../../support/qualification-table';

const profile = (name: string) =>
  ProfileSchema.parse(JSON.parse(readFileSync(new URL(`../../../fixtures/profiles/${name}.json`, import.meta.url), 'utf8')));
const PROFILES = {
  grad: profile('recent-graduate'),
  phd: profile('phd-researcher'),
  ms: profile('masters-student'),
  bs: profile('bachelors-student'),
};
const NOW = new Date('2025-10-01T00:00:00Z');
const CONTEXT = { cohort: '2026 Start', locations: ['Singapore'] };

describe('qualification table', () => {
  it('has at least 60 lines', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(ROWS)('%s: %s', (_source, line, kind, phd, ms, bs) => {
    it.each([
      ['phd', phd],
      ['ms', ms],
      ['bs', bs],
    ] as const)('%s → %s', (who, verdict) => {
      const result = matchLine(line, PROFILES[who], NOW, CONTEXT);
      expect({ kind: result.kind, verdict: result.verdict }, JSON.stringify(result.evidence)).toEqual({ kind, verdict });
    });

    it('an empty profile gets unknown, not unmet', () => {
      expect(matchLine(line, ProfileSchema.parse({}), NOW, CONTEXT).verdict).toBe('unknown');
    });
  });
});

describe('qualification table on a graduate posting', () => {
  describe.each(GRADUATE_ROWS)('%s: %s', (_source, line, kind, grad, phd, ms, bs) => {
    it.each([
      ['grad', grad],
      ['phd', phd],
      ['ms', ms],
      ['bs', bs],
    ] as const)('%s → %s', (who, verdict) => {
      const result = matchLine(line, PROFILES[who], NOW, GRADUATE_CONTEXT);
      expect({ kind: result.kind, verdict: result.verdict }, JSON.stringify(result.evidence)).toEqual({ kind, verdict });
    });

    it('an empty profile gets unknown, not unmet', () => {
      expect(matchLine(line, ProfileSchema.parse({}), NOW, GRADUATE_CONTEXT).verdict).toBe('unknown');
    });
  });

  it('every class of line has a met and an unmet case somewhere in the tables', () => {
    const seen = new Map<string, Set<string>>();
    for (const [, , kind, ...verdicts] of [...ROWS, ...GRADUATE_ROWS]) {
      const set = seen.get(kind) ?? new Set<string>();
      for (const v of verdicts) set.add(v);
      seen.set(kind, set);
    }
    for (const [kind, verdicts] of seen) {
      if (kind === 'soft') continue;
      expect([...verdicts], kind).toEqual(expect.arrayContaining(['met', 'unmet']));
    }
  });
});
