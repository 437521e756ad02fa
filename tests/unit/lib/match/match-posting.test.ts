import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchPosting } from '../../../../lib/match/match';
import { MatchReportSchema } from '../../../../lib/match/report';
import { JobPostingSchema, type JobPosting } from '../../../../lib/posting/schema';
import { ProfileSchema, type Profile } from '../../../../lib/profile/schema';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8'));
const posting = (name: string): JobPosting => JobPostingSchema.parse(read(`postings/${name}.json`));
const profile = (name: string): Profile => ProfileSchema.parse(read(`profiles/${name}.json`));
const NOW = new Date('2025-10-01T00:00:00Z');

afterEach(() => {
  vi.useRealTimers();
});

describe('matchPosting on saved postings', () => {
  it('every fixture posting validates against the posting schema', () => {
    for (const name of [
      'seed-000-algorithm-phd',
      'seed-002-data-scientist-bsms',
      'seed-003-big-data-bsms',
      'us-summer-2026-swe-bsms',
      'sydney-grad-onsite-bsms',
      'london-research-phd',
    ]) {
      expect(JobPostingSchema.safeParse(read(`postings/${name}.json`)).success, name).toBe(true);
    }
  });

  it("keeps the posting's order and text, and returns a report that passes its schema", () => {
    const p = posting('seed-000-algorithm-phd');
    const report = matchPosting(p, profile('phd-researcher'), NOW);
    expect(MatchReportSchema.safeParse(report).success).toBe(true);
    expect(report.minimum.map((l) => l.text)).toEqual(p.minimumQualifications);
    expect(report.preferred.map((l) => l.text)).toEqual(p.preferredQualifications);
  });

  it("seed 000 (PhD intern, Singapore): the PhD researcher fits; the master's student is blocked on degree level", () => {
    const p = posting('seed-000-algorithm-phd');
    const phd = matchPosting(p, profile('phd-researcher'), NOW);
    expect(phd.blockers).toEqual([]);
    expect(phd.score).toBeGreaterThanOrEqual(85);
    const ms = matchPosting(p, profile('masters-student'), NOW);
    expect(ms.minimum[0]).toMatchObject({ kind: 'degree-field', verdict: 'unmet' });
    expect(ms.blockers).toHaveLength(1);
    expect(ms.blockers[0]).toBe(
      "Needs a PhD in progress; you have Master's in Data Science, graduating Dec 2026; Bachelor's in Statistics, graduated Jun 2024",
    );
  });

  it('reads eligibility stated outside the qualification lists: commitment, periods, location', () => {
    const report = matchPosting(posting('seed-000-algorithm-phd'), profile('bachelors-student'), NOW);
    expect(report.eligibility.map((e) => [e.source, e.kind, e.verdict])).toEqual([
      ['commitment', 'duration', 'partial'],
      // 17 days late for May to August: more than the two weeks' allowance.
      ['internshipPeriods', 'internship-window', 'unmet'],
      ['locations', 'location', 'unmet'],
    ]);
    // The title's (PhD) is not checked twice: the first minimum line already asks for it.
    expect(report.eligibility.some((e) => e.source === 'degreeLevels')).toBe(false);
    expect(report.blockers.some((b) => /Singapore/.test(b) && /London, Dublin, Sydney/.test(b))).toBe(true);
  });

  it("uses the posting's start dates with its commitment", () => {
    const report = matchPosting(posting('us-summer-2026-swe-bsms'), profile('masters-student'), NOW);
    const starts = report.eligibility.find((e) => e.source === 'startDates')!;
    // Available until 2026-06-30: no listed start leaves 12 weeks.
    expect(starts).toMatchObject({ kind: 'start-dates', verdict: 'unmet' });
    expect(report.blockers.some((b) => b.includes('12 weeks'))).toBe(true);
  });

  it('a graduation window in a degree line is a blocker when it is missed', () => {
    const report = matchPosting(posting('sydney-grad-onsite-bsms'), profile('bachelors-student'), NOW);
    expect(report.minimum[0]!.verdict).toBe('unmet');
    expect(report.blockers.some((b) => /graduation between Jan 2025 and Dec 2026/.test(b))).toBe(true);
  });

  it('a graduate posting asks for a degree finished by the end of its start year, from the title tag too', () => {
    // The Sydney graduate posting without its degree line: the (BS/MS) tag is then checked.
    const p = {
      ...posting('sydney-grad-onsite-bsms'),
      minimumQualifications: ['Solid programming skills in at least one of Java, Go, C++ or Python'],
    };
    const bs = matchPosting(p, profile('bachelors-student'), NOW);
    expect(bs.eligibility.find((e) => e.source === 'degreeLevels')).toMatchObject({ kind: 'degree-field', verdict: 'unmet' });
    expect(bs.blockers).toContain(
      "Needs a Bachelor's or Master's degree completed by Dec 2026, when this graduate role starts; you have Bachelor's in Computer Engineering, graduating May 2027",
    );
    // Graduating in December 2026 is in time; a PhD in progress until 2027 does not count, the held bachelor's does.
    expect(matchPosting(p, profile('masters-student'), NOW).eligibility.find((e) => e.source === 'degreeLevels')!.verdict).toBe('met');
    const phd = matchPosting(p, profile('phd-researcher'), NOW).eligibility.find((e) => e.source === 'degreeLevels')!;
    expect(phd.verdict).toBe('met');
    expect(phd.evidence.matched[0]!.profile).toBe("Bachelor's in Mathematics, graduated Jun 2021");
    // The same tag on an internship asks for the degree in progress, as before.
    const intern = { ...p, title: 'Software Engineer Intern (Trust and Safety) - 2026 Start (BS/MS)', employmentType: 'Intern' };
    expect(matchPosting(intern, profile('bachelors-student'), NOW).eligibility.find((e) => e.source === 'degreeLevels')!.verdict).toBe(
      'met',
    );
  });

  it('never hides a blocker behind a high score', () => {
    const p = {
      minimumQualifications: ['Proficient in Python and SQL', "Currently pursuing a Master's degree in Data Science or Statistics"],
      preferredQualifications: ['Experience with Tableau'],
      locations: ['London'],
      degreeLevels: [],
      onsiteDaysPerWeek: 3,
      internshipPeriods: [],
      startDates: [],
      commitment: null,
      cohort: '2026 Start',
    } satisfies Parameters<typeof matchPosting>[0];
    const report = matchPosting(p, profile('masters-student'), NOW);
    expect(report.score).toBeGreaterThanOrEqual(70);
    expect(report.blockers).toHaveLength(1);
    expect(report.blockers[0]).toMatch(/London/);
  });
});

describe('score', () => {
  const base = {
    degreeLevels: [],
    locations: [],
    onsiteDaysPerWeek: null,
    internshipPeriods: [],
    startDates: [],
    commitment: null,
    cohort: null,
  };
  const ms = () => profile('masters-student');

  it('weighs a minimum line more than a preferred one', () => {
    const minMet = matchPosting(
      { ...base, minimumQualifications: ['Proficient in SQL'], preferredQualifications: ['Experience with Kubernetes'] },
      ms(),
      NOW,
    );
    const prefMet = matchPosting(
      { ...base, minimumQualifications: ['Experience with Kubernetes'], preferredQualifications: ['Proficient in SQL'] },
      ms(),
      NOW,
    );
    expect(minMet.score).toBe(75);
    expect(prefMet.score).toBe(25);
  });

  it('does not count unknown lines against the candidate', () => {
    const plain = matchPosting({ ...base, minimumQualifications: ['Proficient in SQL'], preferredQualifications: [] }, ms(), NOW);
    const withSoft = matchPosting(
      {
        ...base,
        minimumQualifications: ['Proficient in SQL', 'Strong communication skills', 'A passion for short video'],
        preferredQualifications: ['Previous internship experience'],
      },
      ms(),
      NOW,
    );
    expect(plain.score).toBe(100);
    expect(withSoft.score).toBe(100);
  });

  it('gives partial lines half credit', () => {
    const report = matchPosting(
      { ...base, minimumQualifications: ['Experience with SQL and Kubernetes'], preferredQualifications: [] },
      ms(),
      NOW,
    );
    expect(report.minimum[0]!.verdict).toBe('partial');
    expect(report.score).toBe(50);
  });
});

describe('empty profile', () => {
  it('is unknown everywhere: no score, no blockers, no unmet line', () => {
    for (const name of ['seed-000-algorithm-phd', 'seed-002-data-scientist-bsms', 'us-summer-2026-swe-bsms', 'london-research-phd']) {
      const report = matchPosting(posting(name), ProfileSchema.parse({}), NOW);
      const all = [...report.minimum, ...report.preferred, ...report.eligibility];
      expect(
        all.every((l) => l.verdict === 'unknown'),
        name,
      ).toBe(true);
      expect(report.blockers, name).toEqual([]);
      expect(report.score, name).toBeNull();
    }
  });
});

describe('line cache', () => {
  it('gives the same report with and without it, and freezes what it shares', () => {
    const p = posting('seed-002-data-scientist-bsms');
    const student = profile('masters-student');
    const uncached = matchPosting(p, student, NOW, { cache: false });
    const first = matchPosting(p, student, NOW);
    const second = matchPosting(p, student, NOW);
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
    expect(second.minimum[0]).toBe(first.minimum[0]);
    expect(Object.isFrozen(second.minimum[0]!.evidence.matched)).toBe(true);
  });

  it('does not reuse a line across postings whose facts differ', () => {
    const student = profile('bachelors-student');
    const base = {
      degreeLevels: [],
      onsiteDaysPerWeek: null,
      internshipPeriods: [],
      startDates: [],
      commitment: null,
      cohort: null,
      preferredQualifications: [],
    };
    const line = ['Must be able to work on-site three days a week'];
    const london = matchPosting({ ...base, locations: ['London'], minimumQualifications: line }, student, NOW);
    const singapore = matchPosting({ ...base, locations: ['Singapore'], minimumQualifications: line }, student, NOW);
    expect(london.minimum[0]!.verdict).toBe('met');
    expect(singapore.minimum[0]!.verdict).toBe('unmet');
  });
});

describe('determinism', () => {
  it('gives the same report for the same input, whatever the clock says', () => {
    const p = posting('us-summer-2026-swe-bsms');
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    const first = matchPosting(p, profile('phd-researcher'), NOW);
    vi.setSystemTime(new Date('2031-06-15T12:00:00Z'));
    const second = matchPosting(p, profile('phd-researcher'), NOW);
    expect(second).toEqual(first);
  });

  it('follows the `now` it is given (a pursuing degree whose graduation has passed counts as completed)', () => {
    const line = {
      ...{
        degreeLevels: [],
        locations: [],
        onsiteDaysPerWeek: null,
        internshipPeriods: [],
        startDates: [],
        commitment: null,
        cohort: null,
      },
      minimumQualifications: ['Currently enrolled in a university degree program'],
      preferredQualifications: [],
    };
    const student = profile('masters-student');
    expect(matchPosting(line, student, NOW).minimum[0]!.verdict).toBe('met');
    expect(matchPosting(line, student, new Date('2027-03-01T00:00:00Z')).minimum[0]!.verdict).toBe('unmet');
  });
});
