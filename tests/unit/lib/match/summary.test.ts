import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchLine, matchPosting } from '../../../../lib/match/match';
import { MatchReportSchema, type MatchReport } from '../../../../lib/match/report';
import {
  minimumLine,
  ReportSummarySchema,
  reportSummaryOf,
  requirementsLine,
  summarizeMatch,
  summarizeReport,
} from '../../../../lib/match/summary';
import { JobPostingSchema } from '../../../../lib/posting/schema';
import { ProfileSchema } from '../../../../lib/profile/schema';
import { GRADUATE_CONTEXT, GRADUATE_ROWS, ROWS } from '../../support/qualification-table';

const dir = (name: string) => new URL(`../../../fixtures/${name}/`, import.meta.url);
const json = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));
const POSTINGS = readdirSync(dir('postings'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JobPostingSchema.parse(json(new URL(f, dir('postings'))))] as const);
const PROFILES = readdirSync(dir('profiles'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, ProfileSchema.parse(json(new URL(f, dir('profiles'))))] as const);
const NOW = new Date('2025-10-01T00:00:00Z');

const reports: [string, MatchReport][] = [];
for (const [p, posting] of POSTINGS)
  for (const [q, profile] of PROFILES) reports.push([`${p} × ${q}`, matchPosting(posting, profile, NOW)]);
// Every table line as a one-line posting, for every table profile.
for (const [, profile] of PROFILES) {
  for (const [, line] of ROWS)
    reports.push([
      line,
      matchPosting(
        { minimumQualifications: [line], preferredQualifications: [], cohort: '2026 Start', locations: ['Singapore'] },
        profile,
        NOW,
      ),
    ]);
  for (const [, line] of GRADUATE_ROWS)
    reports.push([line, matchPosting({ ...GRADUATE_CONTEXT, minimumQualifications: [line], preferredQualifications: [] }, profile, NOW)]);
}

describe('summarizeReport', () => {
  it("has the report's score, eligibility and first blocker, and passes its schema", () => {
    for (const [name, report] of reports) {
      const summary = summarizeReport(report);
      expect(ReportSummarySchema.safeParse(summary).success, name).toBe(true);
      expect(summary.score, name).toBe(report.score);
      expect(summary.eligible, name).toBe(report.blockers.length === 0);
      expect(summary.blockerCount, name).toBe(report.blockers.length);
      expect(summary.firstBlocker, name).toBe(report.blockers[0] ?? null);
      const { met, partial, unmet, unknown } = summary.required;
      expect(met + partial + unmet + unknown, name).toBe(report.minimum.length + report.eligibility.length);
    }
  });

  it('a score of 100 means every checked requirement is met, and the requirements line says so', () => {
    let full = 0;
    let short = 0;
    for (const [name, report] of reports) {
      const s = summarizeReport(report);
      const checked = s.required.met + s.required.partial + s.required.unmet;
      const allRequired = s.required.met === checked;
      const allPreferred = s.preferred.partial + s.preferred.unmet === 0;
      if (s.score === 100) {
        full++;
        expect(allRequired && allPreferred, name).toBe(true);
      } else if (s.score !== null) {
        if (!allRequired) short++;
        expect(allRequired && allPreferred, name).toBe(false);
      }
      if (checked > 0) expect(requirementsLine(s), name).toMatch(new RegExp(`^${s.required.met} of ${checked} requirements? met`));
    }
    // Both sides of the rule occur in what was checked.
    expect(full).toBeGreaterThan(0);
    expect(short).toBeGreaterThan(0);
  });

  it('words the requirements line for what could not be checked', () => {
    expect(requirementsLine({ required: { met: 2, partial: 0, unmet: 0, unknown: 2 } })).toBe(
      '2 of 2 requirements met · 2 cannot be checked',
    );
    expect(requirementsLine({ required: { met: 1, partial: 1, unmet: 1, unknown: 0 } })).toBe('1 of 3 requirements met (1 partly)');
    expect(requirementsLine({ required: { met: 0, partial: 0, unmet: 0, unknown: 3 } })).toBe('3 cannot be checked');
    expect(requirementsLine({ required: { met: 1, partial: 0, unmet: 0, unknown: 0 } })).toBe('1 of 1 requirement met');
    expect(requirementsLine({ required: { met: 0, partial: 0, unmet: 0, unknown: 0 } })).toBe('No requirement could be checked');
  });

  it('is the stored summary, read for the CLI: the same score, blocker and counts, in the popup’s words', () => {
    const computedFor = { profileUpdatedAt: NOW.toISOString(), day: '2025-10-01' };
    for (const [name, report] of reports) {
      const stored = summarizeMatch(report, computedFor);
      const summary = summarizeReport(report);
      expect(summary, name).toEqual(reportSummaryOf(stored));
      expect(summary.firstBlocker, name).toBe(stored.firstBlocker);
      // On the minimum lines alone the two lines are one wording, "minimum" aside.
      expect(requirementsLine({ required: stored.minimum }), name).toBe(
        minimumLine(stored.minimum).replace(/minimum requirement/, 'requirement') || 'No requirement could be checked',
      );
    }
  });
});

describe('plain words in reasons and evidence', () => {
  const texts = (report: MatchReport) =>
    [...report.minimum, ...report.preferred, ...report.eligibility].flatMap((l) => [
      ...l.evidence.notes,
      ...l.evidence.missing,
      ...l.evidence.matched.map((m) => m.profile),
    ]);

  it('blockers start with what is needed, name months in words, quote nothing and never repeat', () => {
    let seen = 0;
    for (const [name, report] of reports) {
      expect(MatchReportSchema.safeParse(report).success, name).toBe(true);
      expect(new Set(report.blockers).size, name).toBe(report.blockers.length);
      for (const b of report.blockers) {
        seen++;
        expect(b, name).toMatch(/^Needs /);
        expect(b, name).not.toMatch(/["“”]|\\b|\(\?|\b20\d\d-\d\d\b|pursuing|needs-sponsorship|student-visa/);
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('evidence has no pattern vocabulary, no raw enum values and no ISO months', () => {
    for (const [name, report] of reports) {
      for (const t of texts(report)) {
        expect(t, name).not.toMatch(/\("or"|"\/"|e\.g\."|\(\?|\\b|needs-sponsorship|student-visa|permanent-resident|\b20\d\d-\d\d\b(?!-)/);
        expect(t, name).not.toMatch(/\b(?:pursuing|completed),/);
      }
    }
  });

  it('says why a line that names a skill was not counted: it only hopes for it', () => {
    const bs = PROFILES.find(([f]) => f === 'bachelors-student.json')![1];
    for (const line of ['Willingness to learn Go and Kubernetes', 'Knowledge of Kafka or Flink is nice to have']) {
      expect(matchLine(line, bs, NOW).evidence.notes, line).toEqual([
        'an interest, attitude or nice-to-have, not a requirement; never counted against you',
      ]);
    }
  });

  it('says by how much a commitment falls short and what allowance made it partly met', () => {
    const bs = PROFILES.find(([f]) => f === 'bachelors-student.json')![1];
    const partial = matchLine('Able to commit to 13 weeks starting in June 2026', bs, NOW);
    expect(partial.verdict).toBe('partial');
    expect(partial.evidence.notes.join(' ')).toMatch(/\d+ days short; up to 21 days short counts as partly met/);
    const unmet = matchLine(
      'Must be able to commit to 12 weeks during Summer 2026',
      PROFILES.find(([f]) => f === 'masters-student.json')![1],
      NOW,
    );
    expect(unmet.verdict).toBe('unmet');
    expect(unmet.evidence.notes.join(' ')).toMatch(/8 weeks of it, 23 days short/);
  });
});

describe('the line cache against the plain path', () => {
  it('gives the same report on every fixture and table line, with postings of both programs interleaved', () => {
    for (const [q, fixture] of PROFILES) {
      // One profile object for the whole run, so cached lines meet postings whose facts differ.
      const profile = ProfileSchema.parse(structuredClone(fixture));
      const postings = [
        ...POSTINGS.map(([, p]) => p),
        ...[...ROWS, ...GRADUATE_ROWS].flatMap(([, line]) => [
          { minimumQualifications: [line], preferredQualifications: [line], cohort: '2026 Start', locations: ['Singapore'] },
          { ...GRADUATE_CONTEXT, minimumQualifications: [line], preferredQualifications: [] },
        ]),
      ];
      for (const p of postings) expect(matchPosting(p, profile, NOW), q).toEqual(matchPosting(p, fixture, NOW, { cache: false }));
    }
  });
});
