import type { DegreeLevel, Site } from '../../lib/posting/schema';
import { APPLIED_STATUSES, type JobRecord, type JobStatus } from '../../lib/store/schema';
import type { SortKey } from '../../lib/store/saved-list';
import { SITE_NAMES } from '../shared/format';

/**
 * Search, filters and sort for the saved-jobs list. Pure: the list view and its tests run the
 * same code. The view sorts from the database's indexes (see lib/store/saved-list.ts); `sortJobs` is the same
 * order over rows in memory, and the tests hold the two to each other.
 */

/**
 * "Applied" means applied at any later stage too: a job now interviewing or rejected was still
 * applied to, and still counts against the limit.
 */
export const STATUS_FILTERS = ['all', 'viewed', 'saved', 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  all: 'All',
  viewed: 'Viewed only',
  saved: 'Saved',
  applied: 'Applied (any stage)',
  interviewing: 'Interviewing',
  offer: 'Offer',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** The stored statuses a filter stands for; null for every job. */
export function statusesFor(filter: StatusFilter): readonly JobStatus[] | null {
  if (filter === 'all') return null;
  if (filter === 'viewed') return ['seen'];
  if (filter === 'applied') return APPLIED_STATUSES;
  return [filter];
}

export interface JobFilters {
  text: string;
  status: StatusFilter;
  site: Site | 'all';
  degree: DegreeLevel | 'all';
  location: string | 'all';
  /** Only jobs with no hard blocker (by the stored match summary). */
  eligibleOnly: boolean;
}

export const NO_FILTERS: JobFilters = { text: '', status: 'all', site: 'all', degree: 'all', location: 'all', eligibleOnly: false };

export { SORT_KEYS, type SortKey } from '../../lib/store/saved-list';
export const SORT_LABELS: Record<SortKey, string> = {
  lastSeen: 'Last viewed',
  score: 'Best match (eligible first)',
  applied: 'Applied date',
};

export function hasFilters(filters: JobFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.status !== 'all' ||
    filters.site !== 'all' ||
    filters.degree !== 'all' ||
    filters.location !== 'all' ||
    filters.eligibleOnly
  );
}

/** Filters that need each row's posting fields (the status and eligibility come from indexes). */
export function needsFacets(filters: JobFilters): boolean {
  return filters.text.trim() !== '' || filters.site !== 'all' || filters.degree !== 'all' || filters.location !== 'all';
}

/**
 * The little of a row that search and the posting filters read: kept for every job in memory
 * (100,000 rows of it are a few MB), where the postings themselves would be hundreds.
 */
export interface Facet {
  jobId: string;
  site: Site;
  degrees: readonly DegreeLevel[];
  locations: readonly string[];
  haystack: string;
}

/** The site's name and its host words are searchable: "bytedance" finds every ByteDance job. */
export function facetOf(job: JobRecord): Facet {
  let host = '';
  try {
    host = new URL(job.url).hostname.replace(/^www\./, '');
  } catch {
    // A stored URL always parses; an unreadable one only loses its host words.
  }
  const haystack = [
    SITE_NAMES[job.site],
    host,
    job.title,
    job.jobCode,
    job.category,
    job.team,
    job.cohort,
    job.employmentType,
    job.notes,
    ...job.locations,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return { jobId: job.jobId, site: job.site, degrees: job.degreeLevels, locations: job.locations, haystack };
}

/** The words typed, as search compares them. */
function termsOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The posting filters and the search as one test, its words split once for every facet it is given:
 * every word typed must occur somewhere (site, title, code, team, category, cohort, location, notes).
 */
export function facetFilter(filters: JobFilters): (facet: Facet) => boolean {
  const terms = termsOf(filters.text);
  return (facet) =>
    (filters.site === 'all' || facet.site === filters.site) &&
    (filters.degree === 'all' || facet.degrees.includes(filters.degree)) &&
    (filters.location === 'all' || facet.locations.includes(filters.location)) &&
    terms.every((term) => facet.haystack.includes(term));
}

function facetMatches(facet: Facet, filters: JobFilters): boolean {
  return facetFilter(filters)(facet);
}

function jobMatches(job: JobRecord, filters: JobFilters): boolean {
  const statuses = statusesFor(filters.status);
  return (
    (statuses === null || statuses.includes(job.status)) &&
    (!filters.eligibleOnly || job.match?.eligible === true) &&
    facetMatches(facetOf(job), filters)
  );
}

export function filterJobs(jobs: readonly JobRecord[], filters: JobFilters): JobRecord[] {
  return hasFilters(filters) ? jobs.filter((job) => jobMatches(job, filters)) : [...jobs];
}

const byLastSeenDesc = (a: JobRecord, b: JobRecord) =>
  a.lastSeenAt === b.lastSeenAt ? (a.jobId < b.jobId ? 1 : -1) : a.lastSeenAt > b.lastSeenAt ? -1 : 1;
const byIdDesc = (a: JobRecord, b: JobRecord) => (a.jobId === b.jobId ? 0 : a.jobId < b.jobId ? 1 : -1);

/**
 * Newest first for dates; for "best match", every eligible job above every blocked one, then by
 * score (the stored summary's rank). Rows without the sorted value (not applied, not scored) go
 * last, in last-viewed order. Ties keep the index's order (job id, descending).
 */
export function sortJobs(jobs: readonly JobRecord[], key: SortKey): JobRecord[] {
  const rows = [...jobs];
  if (key === 'lastSeen') return rows.sort(byLastSeenDesc);
  const value = (job: JobRecord) => (key === 'applied' ? job.appliedAt : (job.match?.rank ?? null));
  const having = rows.filter((j) => value(j) !== null);
  const without = rows.filter((j) => value(j) === null).sort(byLastSeenDesc);
  having.sort((a, b) => {
    const va = value(a)!;
    const vb = value(b)!;
    return va === vb ? byIdDesc(a, b) : va > vb ? -1 : 1;
  });
  return [...having, ...without];
}

/** Locations to offer in the filter, most common first; capped so the select stays usable. */
export function locationOptions(facets: Iterable<Facet>, max = 60): string[] {
  const counts = new Map<string, number>();
  for (const facet of facets) for (const place of facet.locations) counts.set(place, (counts.get(place) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([place]) => place);
}
