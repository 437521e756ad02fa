import { describe, expect, it } from 'vitest';
import { facetOf, filterJobs, locationOptions, NO_FILTERS, sortJobs } from '../../../../components/saved-jobs/query';
import { rankOf, type MatchSummary } from '../../../../lib/match/summary';
import type { JobPosting } from '../../../../lib/posting/schema';
import type { JobRecord } from '../../../../lib/store/schema';
import { records } from '../../support/popup-page';

type Spec = Partial<JobPosting> & Partial<JobRecord>;

const specs: Spec[] = [
  {
    title: 'Data Scientist Intern - 2026 Start (BS/MS)',
    site: 'tiktok',
    locations: ['Singapore'],
    degreeLevels: ['Bachelor', 'Master'],
    status: 'saved',
  },
  {
    title: 'Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)',
    site: 'tiktok',
    locations: ['Singapore'],
    degreeLevels: ['PhD'],
    status: 'applied',
    appliedAt: '2025-10-02T12:00:00.000Z',
  },
  {
    title: 'Backend Engineer Intern (Douyin) - 2026 Start',
    site: 'bytedance',
    locations: ['Beijing'],
    degreeLevels: ['Bachelor'],
    status: 'seen',
    notes: 'ask Wei about the team',
  },
  {
    title: 'Software Engineer Intern (Live Infrastructure)',
    site: 'tiktok',
    locations: ['San Jose', 'Seattle'],
    degreeLevels: ['Bachelor', 'Master'],
    status: 'applied',
    appliedAt: '2025-11-01T12:00:00.000Z',
  },
  {
    title: 'Machine Learning Engineer Graduate (Search)',
    site: 'bytedance',
    locations: ['Singapore'],
    degreeLevels: ['Master', 'PhD'],
    status: 'rejected',
    appliedAt: '2025-09-20T12:00:00.000Z',
  },
  {
    title: 'Big Data Engineer Intern (TikTok Live Recommendation Architecture)',
    site: 'tiktok',
    locations: ['Singapore'],
    degreeLevels: ['Bachelor', 'Master'],
    status: 'seen',
  },
];
const rows = records(specs.length, (i) => specs[i]!);
const titles = (list: { title: string }[]) => list.map((r) => r.title.split(' ')[0]);

describe('filterJobs', () => {
  it('keeps everything without filters', () => {
    expect(filterJobs(rows, NO_FILTERS)).toHaveLength(6);
  });

  it('needs every typed word, in any field, case-insensitively', () => {
    expect(titles(filterJobs(rows, { ...NO_FILTERS, text: 'engineer INTERN live' }))).toEqual(['Algorithm', 'Software', 'Big']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, text: 'seattle' }))).toEqual(['Software']);
    // Notes are the user's own words and are searched too.
    expect(titles(filterJobs(rows, { ...NO_FILTERS, text: 'wei' }))).toEqual(['Backend']);
    expect(filterJobs(rows, { ...NO_FILTERS, text: 'kotlin' })).toEqual([]);
  });

  it('finds a job by its site’s name or host', () => {
    expect(titles(filterJobs(rows, { ...NO_FILTERS, text: 'bytedance' }))).toEqual(['Backend', 'Machine']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, text: 'joinbytedance' }))).toEqual(['Backend', 'Machine']);
    expect(filterJobs(rows, { ...NO_FILTERS, text: 'tiktok' })).toHaveLength(4);
  });

  it('filters by status, site, degree and location together', () => {
    // "Applied" is applied at any later stage: the rejected application is one.
    expect(titles(filterJobs(rows, { ...NO_FILTERS, status: 'applied' }))).toEqual(['Algorithm', 'Software', 'Machine']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, status: 'rejected' }))).toEqual(['Machine']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, status: 'viewed' }))).toEqual(['Backend', 'Big']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, site: 'bytedance' }))).toEqual(['Backend', 'Machine']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, degree: 'PhD' }))).toEqual(['Algorithm', 'Machine']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, location: 'Singapore', degree: 'Master', site: 'tiktok' }))).toEqual(['Data', 'Big']);
  });
});

describe('sortJobs', () => {
  it('sorts by last seen, newest first', () => {
    expect(titles(sortJobs(rows, 'lastSeen'))).toEqual(['Big', 'Machine', 'Software', 'Backend', 'Algorithm', 'Data']);
  });

  it('sorts by applied date, newest first, jobs never applied to last', () => {
    expect(titles(sortJobs(rows, 'applied'))).toEqual(['Software', 'Algorithm', 'Machine', 'Big', 'Backend', 'Data']);
  });

  it('sorts by best match: every eligible job first, then by score, unscored last', () => {
    const summary = (eligible: boolean, score: number | null): MatchSummary => ({
      score,
      eligible,
      blockerCount: eligible ? 0 : 1,
      firstBlocker: eligible ? null : 'needs a PhD in progress',
      minimum: { met: 0, partial: 0, unmet: 0, unknown: 0 },
      preferred: { met: 0, partial: 0, unmet: 0, unknown: 0 },
      eligibility: { met: 0, partial: 0, unmet: 0, unknown: 0 },
      rank: rankOf(eligible, score),
      profileUpdatedAt: '2025-11-01T00:00:00.000Z',
      day: '2025-11-15',
      skillListVersion: 1,
    });
    const scored = rows.map((row, i) => ({
      ...row,
      match: [summary(true, 40), summary(false, 95), null, summary(true, 65), summary(true, null), summary(false, 10)][i]!,
    }));
    // A 95 with a blocker ranks below a 40 without; an eligible job with nothing to score ranks
    // above every blocked one; no summary at all goes last.
    expect(titles(sortJobs(scored, 'score'))).toEqual(['Software', 'Data', 'Machine', 'Algorithm', 'Big', 'Backend']);
  });
});

describe('locationOptions', () => {
  it('lists each place once, most common first', () => {
    expect(locationOptions(rows.map(facetOf))).toEqual(['Singapore', 'Beijing', 'San Jose', 'Seattle']);
    expect(locationOptions(rows.map(facetOf), 2)).toEqual(['Singapore', 'Beijing']);
  });
});
