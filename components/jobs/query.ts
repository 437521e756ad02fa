import type { DegreeLevel, Site } from '../../lib/posting/schema';
import type { JobRecord, JobStatus } from '../../lib/store/schema';

/**
 * Search, filters and sort for the saved-jobs list. Pure: the list view and its tests run the
 * same code, and it works on whatever rows the view has loaded.
 */

export interface JobFilters {
  text: string;
  status: JobStatus | 'all';
  site: Site | 'all';
  degree: DegreeLevel | 'all';
  location: string | 'all';
}

export const NO_FILTERS: JobFilters = { text: '', status: 'all', site: 'all', degree: 'all', location: 'all' };

export const SORT_KEYS = ['lastSeen', 'score', 'applied'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_LABELS: Record<SortKey, string> = {
  lastSeen: 'Last seen',
  score: 'Match score',
  applied: 'Applied date',
};

export function hasFilters(filters: JobFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.status !== 'all' ||
    filters.site !== 'all' ||
    filters.degree !== 'all' ||
    filters.location !== 'all'
  );
}

// Rows are immutable snapshots from Dexie, so a row's search text can be kept as long as the row lives.
const haystacks = new WeakMap<JobRecord, string>();

function haystackOf(job: JobRecord): string {
  let text = haystacks.get(job);
  if (text === undefined) {
    text = [job.title, job.jobCode, job.category, job.team, job.cohort, job.employmentType, job.notes, ...job.locations]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    haystacks.set(job, text);
  }
  return text;
}

/** Every word typed must occur somewhere (title, code, team, category, cohort, location, notes). */
export function matchesText(job: JobRecord, text: string): boolean {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = haystackOf(job);
  return terms.every((term) => haystack.includes(term));
}

export function filterJobs(jobs: readonly JobRecord[], filters: JobFilters): JobRecord[] {
  if (!hasFilters(filters)) return [...jobs];
  return jobs.filter(
    (job) =>
      (filters.status === 'all' || job.status === filters.status) &&
      (filters.site === 'all' || job.site === filters.site) &&
      (filters.degree === 'all' || job.degreeLevels.includes(filters.degree)) &&
      (filters.location === 'all' || job.locations.includes(filters.location)) &&
      matchesText(job, filters.text),
  );
}

const byLastSeenDesc = (a: JobRecord, b: JobRecord) =>
  a.lastSeenAt === b.lastSeenAt ? (a.jobId < b.jobId ? -1 : 1) : a.lastSeenAt > b.lastSeenAt ? -1 : 1;

/**
 * Newest first for dates, best first for scores; rows without the sorted value (not applied,
 * not scorable) go last, in last-seen order, so they never hide the ones that have it.
 */
export function sortJobs(
  jobs: readonly JobRecord[],
  key: SortKey,
  scoreOf: (job: JobRecord) => number | null = () => null,
): JobRecord[] {
  const rows = [...jobs];
  if (key === 'lastSeen') return rows.sort(byLastSeenDesc);
  if (key === 'applied') {
    return rows.sort((a, b) => {
      if (a.appliedAt === b.appliedAt) return byLastSeenDesc(a, b);
      if (a.appliedAt === null) return 1;
      if (b.appliedAt === null) return -1;
      return a.appliedAt > b.appliedAt ? -1 : 1;
    });
  }
  const scores = new Map(rows.map((job) => [job, scoreOf(job)]));
  return rows.sort((a, b) => {
    const sa = scores.get(a) ?? null;
    const sb = scores.get(b) ?? null;
    if (sa === sb) return byLastSeenDesc(a, b);
    if (sa === null) return 1;
    if (sb === null) return -1;
    return sb - sa;
  });
}

/** Locations to offer in the filter, most common first; capped so the select stays usable. */
export function locationOptions(jobs: readonly JobRecord[], max = 60): string[] {
  const counts = new Map<string, number>();
  for (const job of jobs) for (const place of job.locations) counts.set(place, (counts.get(place) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([place]) => place);
}
