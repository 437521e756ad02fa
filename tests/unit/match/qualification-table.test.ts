import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchLine } from '../../../lib/match/match';
import { ProfileSchema } from '../../../lib/profile/schema';
import { ROWS } from './qualification-table';

const profile = (name: string) =>
  ProfileSchema.parse(JSON.parse(readFileSync(new URL(`../../fixtures/profiles/${name}.json`, import.meta.url), 'utf8')));
const PROFILES = { phd: profile('phd-researcher'), ms: profile('masters-student'), bs: profile('bachelors-student') };
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
