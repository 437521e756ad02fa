import type { JobLensDb } from './db';
import type { JobRecord, JobStatus } from './schema';

/**
 * The list's reads, from indexes: the order of every job id for a sort (keys only, no posting is
 * read), the ids with given statuses, and the facets for search, read in small chunks. Nothing is
 * scored here: "best match" is the order of the stored summaries' `match.rank` index.
 */

export const SORT_KEYS = ['lastSeen', 'score', 'applied'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const INDEX_OF: Record<Exclude<SortKey, 'lastSeen'>, string> = { score: 'match.rank', applied: 'appliedAt' };

/**
 * Every job id in the sort's order. A row without the sorted value (no summary yet, not applied)
 * has no key in that index: those follow, most recently viewed first.
 */
export async function orderedIds(db: JobLensDb, sort: SortKey): Promise<string[]> {
  return db.transaction('r', db.jobs, async () => {
    const byLastSeen = ((await db.jobs.orderBy('lastSeenAt').primaryKeys()) as string[]).reverse();
    if (sort === 'lastSeen') return byLastSeen;
    const first = ((await db.jobs.orderBy(INDEX_OF[sort]).primaryKeys()) as string[]).reverse();
    if (first.length === byLastSeen.length) return first;
    const seen = new Set(first);
    for (const id of byLastSeen) if (!seen.has(id)) first.push(id);
    return first;
  });
}

/** The first `limit` rows of a sort, from its index alone (jobs without the sorted value are not among them). */
export function headRows(db: JobLensDb, sort: SortKey, limit: number): Promise<JobRecord[]> {
  const index = sort === 'lastSeen' ? 'lastSeenAt' : INDEX_OF[sort];
  return db.jobs.orderBy(index).reverse().limit(limit).toArray();
}

export async function idsWithStatus(db: JobLensDb, statuses: readonly JobStatus[]): Promise<Set<string>> {
  return new Set(
    (await db.jobs
      .where('status')
      .anyOf([...statuses])
      .primaryKeys()) as string[],
  );
}

/** Jobs whose stored summary says they are eligible (rank 200 and above, see lib/match/summary.ts). */
export async function eligibleIds(db: JobLensDb): Promise<Set<string>> {
  return new Set((await db.jobs.where('match.rank').aboveOrEqual(200).primaryKeys()) as string[]);
}

/** The rows with these ids, in their order (undefined where a job is gone): the rows on screen. */
export function jobsByIds(db: JobLensDb, ids: readonly string[]): Promise<(JobRecord | undefined)[]> {
  return db.jobs.bulkGet([...ids]);
}

/**
 * Reads every job's facet (what `facetOf` keeps of a row), `chunk` rows per transaction in
 * primary-key order, calling `onChunk` after each so the list can search what has arrived;
 * `cancelled` stops it between chunks.
 */
export async function loadFacets<Facet>(
  db: JobLensDb,
  facetOf: (job: JobRecord) => Facet,
  onChunk: (facets: Facet[]) => void,
  {
    chunk = 500,
    cancelled = () => false,
    pause = () => new Promise<void>((r) => setTimeout(r, 0)),
  }: { chunk?: number; cancelled?: () => boolean; pause?: () => Promise<void> } = {},
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    if (cancelled()) return;
    const rows: JobRecord[] = await (after === null ? db.jobs.orderBy(':id') : db.jobs.where(':id').above(after)).limit(chunk).toArray();
    if (rows.length === 0) return;
    onChunk(rows.map(facetOf));
    after = rows[rows.length - 1]!.jobId;
    if (rows.length < chunk) return;
    await pause();
  }
}
