import { describe, expect, it } from 'vitest';
import { filterJobs, locationOptions, NO_FILTERS, sortJobs } from '../../../components/jobs/query';
import type { JobPosting } from '../../../lib/posting/schema';
import type { JobRecord } from '../../../lib/store/schema';
import { records } from './helpers';

type Spec = Partial<JobPosting> & Partial<JobRecord>;

const specs: Spec[] = [
  { title: 'Data Scientist Intern - 2026 Start (BS/MS)', site: 'tiktok', locations: ['Singapore'], degreeLevels: ['Bachelor', 'Master'], status: 'saved' },
  { title: 'Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)', site: 'tiktok', locations: ['Singapore'], degreeLevels: ['PhD'], status: 'applied', appliedAt: '2025-10-02T12:00:00.000Z' },
  { title: 'Backend Engineer Intern (Douyin) - 2026 Start', site: 'bytedance', locations: ['Beijing'], degreeLevels: ['Bachelor'], status: 'seen', notes: 'ask Wei about the team' },
  { title: 'Software Engineer Intern (Live Infrastructure)', site: 'tiktok', locations: ['San Jose', 'Seattle'], degreeLevels: ['Bachelor', 'Master'], status: 'applied', appliedAt: '2025-11-01T12:00:00.000Z' },
  { title: 'Machine Learning Engineer Graduate (Search)', site: 'bytedance', locations: ['Singapore'], degreeLevels: ['Master', 'PhD'], status: 'rejected', appliedAt: '2025-09-20T12:00:00.000Z' },
  { title: 'Big Data Engineer Intern (TikTok Live Recommendation Architecture)', site: 'tiktok', locations: ['Singapore'], degreeLevels: ['Bachelor', 'Master'], status: 'seen' },
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

  it('filters by status, site, degree and location together', () => {
    expect(titles(filterJobs(rows, { ...NO_FILTERS, status: 'applied' }))).toEqual(['Algorithm', 'Software']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, site: 'bytedance' }))).toEqual(['Backend', 'Machine']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, degree: 'PhD' }))).toEqual(['Algorithm', 'Machine']);
    expect(titles(filterJobs(rows, { ...NO_FILTERS, location: 'Singapore', degree: 'Master', site: 'tiktok' }))).toEqual([
      'Data',
      'Big',
    ]);
  });
});

describe('sortJobs', () => {
  it('sorts by last seen, newest first', () => {
    expect(titles(sortJobs(rows, 'lastSeen'))).toEqual(['Big', 'Machine', 'Software', 'Backend', 'Algorithm', 'Data']);
  });

  it('sorts by applied date, newest first, jobs never applied to last', () => {
    expect(titles(sortJobs(rows, 'applied'))).toEqual(['Software', 'Algorithm', 'Machine', 'Big', 'Backend', 'Data']);
  });

  it('sorts by score, best first, unscored last', () => {
    const scores = new Map([[rows[0]!, 40], [rows[1]!, 90], [rows[2]!, null], [rows[3]!, 65], [rows[4]!, 90], [rows[5]!, 10]]);
    expect(titles(sortJobs(rows, 'score', (job) => scores.get(job) ?? null))).toEqual([
      'Machine',
      'Algorithm',
      'Software',
      'Data',
      'Big',
      'Backend',
    ]);
  });
});

describe('locationOptions', () => {
  it('lists each place once, most common first', () => {
    expect(locationOptions(rows)).toEqual(['Singapore', 'Beijing', 'San Jose', 'Seattle']);
    expect(locationOptions(rows, 2)).toEqual(['Singapore', 'Beijing']);
  });
});
