import { localDay } from '../date';
import { matchPosting } from '../match';
import { summarizeMatch, type MatchSummary } from '../match/summary';
import type { Profile } from '../profile/schema';
import { loadProfile } from '../profile/store';
import type { JobLensDb } from './db';
import type { JobRecord } from './schema';

/**
 * Keeps every job's stored match summary (`job.match`) true for the current profile and the local
 * day, so the popup never matches postings when it opens. The background calls `refresh` at start
 * and after each message; it is cheap when nothing is stale (index keys only, once per start), and
 * otherwise works in small transactions with a pause between them, so messages are answered while
 * 100,000 jobs are rescored.
 */

/** What the summaries are computed against; `null` when there is nothing to match with. */
export interface SummaryTarget {
  profile: Profile;
  profileUpdatedAt: string;
  day: string;
}

/** A profile with nothing in it gives "unknown" everywhere: no summary then, as the popup shows no score. */
export function isEmptyProfile(profile: Profile): boolean {
  return (
    profile.education.length === 0 &&
    profile.skills.length === 0 &&
    profile.languages.length === 0 &&
    profile.availability.length === 0 &&
    profile.locations.length === 0 &&
    profile.publications.length === 0 &&
    profile.workAuthorization.length === 0
  );
}

export async function summaryTarget(db: JobLensDb, now: Date): Promise<SummaryTarget | null> {
  const loaded = await loadProfile(db);
  if (!loaded.ok || loaded.updatedAt === null || isEmptyProfile(loaded.profile)) return null;
  return { profile: loaded.profile, profileUpdatedAt: loaded.updatedAt, day: localDay(now) };
}

function summaryFor(job: JobRecord, target: SummaryTarget, now: Date): MatchSummary {
  return summarizeMatch(matchPosting(job, target.profile, now), target);
}

function isFresh(match: MatchSummary | null | undefined, target: SummaryTarget | null): boolean {
  if (target === null) return match == null;
  return !!match && match.profileUpdatedAt === target.profileUpdatedAt && match.day === target.day;
}

/** The index of each summary's profile and day: a fresh summary is at [profileUpdatedAt, day]. */
const SUMMARY_INDEX = '[match.profileUpdatedAt+match.day]';

const keyOfTarget = (target: SummaryTarget) => [target.profileUpdatedAt, target.day];

/**
 * Up to `limit` jobs whose summary is for another profile or day (with no profile: any summary),
 * from the index alone. Rescoring them takes them out of this range, so asking again gives the next.
 */
export async function staleSummaryIds(db: JobLensDb, target: SummaryTarget | null, limit?: number): Promise<string[]> {
  const found = target === null ? db.jobs.orderBy(SUMMARY_INDEX) : db.jobs.where(SUMMARY_INDEX).notEqual(keyOfTarget(target));
  return (await (limit === undefined ? found : found.limit(limit)).primaryKeys()) as string[];
}

/**
 * Jobs with no summary for `target`: a stale one, or none at all (a row imported, restored or
 * saved before the profile existed, which no index range finds). Keys only, from the table and
 * the summary index, but every key of both: the refresher asks once per start, when the
 * background is quiet.
 */
export async function unscoredJobIds(db: JobLensDb, target: SummaryTarget): Promise<string[]> {
  return db.transaction('r', db.jobs, async () => {
    const fresh = new Set(await db.jobs.where(SUMMARY_INDEX).equals(keyOfTarget(target)).primaryKeys());
    const all = (await db.jobs.toCollection().primaryKeys()) as string[];
    return fresh.size === all.length ? [] : all.filter((id) => !fresh.has(id));
  });
}

/** Every job whose summary is missing or stale (or, with no profile, present), from indexes only. */
export async function staleJobIds(db: JobLensDb, target: SummaryTarget | null): Promise<string[]> {
  return target === null ? staleSummaryIds(db, null) : unscoredJobIds(db, target);
}

/**
 * Recomputes the given jobs in one read-write transaction: the rows are read and written inside
 * it, so a status or note saved meanwhile is never overwritten with an older copy.
 */
export async function updateSummaries(
  db: JobLensDb,
  ids: readonly string[],
  target: SummaryTarget | null,
  now: Date,
  { force = false } = {},
): Promise<number> {
  return db.transaction('rw', db.jobs, async () => {
    const rows = await db.jobs.bulkGet([...ids]);
    const changed: JobRecord[] = [];
    for (const row of rows) {
      // `force`: the posting's text changed, so a summary for the same profile and day is stale too.
      if (!row || (!force && isFresh(row.match, target))) continue;
      if (target === null && row.match == null) continue;
      changed.push({ ...row, match: target === null ? null : summaryFor(row, target, now) });
    }
    await db.jobs.bulkPut(changed);
    return changed.length;
  });
}

export interface RefreshOptions {
  /**
   * Jobs rescored per transaction: a message waits for one such transaction at most. Under 50,
   * too: Dexie tells live queries exactly which rows a write of fewer than 50 changed, and "the
   * whole table" for a larger one, which makes every open popup read its list again.
   */
  chunk?: number;
  /**
   * How long the background must have had no message before the look for rows with no summary at
   * all, which reads every key: not while a popup that just opened reads its first screen.
   */
  quietMs?: number;
  /** Lets the caller's other work run between chunks (a macrotask by default). */
  pause?: () => Promise<void>;
  /** The quiet wait's clock and timer (`Date.now` and `setTimeout` by default; the tests drive both). */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after a refresh that rewrote any summary (what the careers pages' marks show changed). */
  onChange?: () => void;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One refresher per background. `refresh()` brings every summary up to date; a call while a
 * refresh runs makes it look again once done (the profile may have changed meanwhile), and the
 * returned promise settles when everything is fresh. `markJob` rescores one job at once (a
 * posting just saved) without a full look. Stale summaries come from the index a chunk at a time,
 * rows with none from one keys-only look once the background is quiet, and every chunk is its own
 * transaction with a pause after it, so messages are answered meanwhile.
 */
export function createSummaryRefresher(db: JobLensDb, now: () => Date, options: RefreshOptions = {}) {
  const chunk = options.chunk ?? 40;
  const quietMs = options.quietMs ?? 1000;
  const pause = options.pause ?? macrotask;
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** When `refresh` was last asked for (every message asks). */
  let askedAt = 0;
  const quiet = async () => {
    for (let wait = quietMs; wait > 0; wait = askedAt + quietMs - clock()) await sleep(wait);
  };
  /** The target of the last complete refresh, as `profileUpdatedAt|day`; a cheap "still fresh". */
  let cleanFor: string | null = null;
  /** Bumped by `invalidate`: a run that saw an older generation must not call the database clean. */
  let generation = 0;
  let running: Promise<void> | null = null;
  let again = false;
  /** Set by `rescoreAll`: the next run rescores every job, fresh or not. */
  let everything = false;

  const keyOf = (target: SummaryTarget | null) => (target ? `${target.profileUpdatedAt}|${target.day}` : 'none');

  /** Rescores `ids` a chunk per transaction; false when the profile or the day changed meanwhile. */
  async function rescore(
    ids: readonly string[],
    target: SummaryTarget | null,
    at: Date,
    counted: { changed: number },
    force = false,
  ): Promise<boolean> {
    for (let start = 0; start < ids.length; start += chunk) {
      counted.changed += await updateSummaries(db, ids.slice(start, start + chunk), target, at, { force });
      await pause();
      // Only a newer profile or another day starts over; messages asking for a refresh meanwhile
      // (every message does) must not, or a busy background would never finish.
      if (keyOf(await summaryTarget(db, now())) !== keyOf(target)) return false;
    }
    return true;
  }

  async function runOnce(): Promise<void> {
    const at = now();
    const startedIn = generation;
    const target = await summaryTarget(db, at);
    if (keyOf(target) === cleanFor) return;
    // Told once the refresh ends, whatever it rewrote (what the careers pages' marks show changed).
    const counted = { changed: 0 };
    try {
      // A new version of the matcher: every summary, the fresh-keyed ones too, is computed again.
      // (With no profile there are no summaries to compute.)
      if (everything) {
        everything = false;
        const all = target === null ? [] : ((await db.jobs.toCollection().primaryKeys()) as string[]);
        if (!(await rescore(all, target, at, counted, true))) {
          everything = true;
          again = true;
          return;
        }
      }
      // Summaries for another profile or day: rescored rows leave the range, so each look is the next chunk.
      for (;;) {
        const ids = await staleSummaryIds(db, target, chunk);
        if (ids.length === 0) break;
        if (!(await rescore(ids, target, at, counted))) {
          again = true;
          return;
        }
      }
      // Rows with no summary at all (imported, restored, or saved before the profile existed).
      if (target !== null) {
        await quiet();
        if (!(await rescore(await unscoredJobIds(db, target), target, at, counted))) {
          again = true;
          return;
        }
      }
      if (generation === startedIn) cleanFor = keyOf(target);
      else again = true;
    } finally {
      if (counted.changed > 0) options.onChange?.();
    }
  }

  function refresh(): Promise<void> {
    askedAt = clock();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  /** After an import or anything else that may bring rows with foreign summaries. */
  function invalidate(): void {
    cleanFor = null;
    generation += 1;
  }

  return {
    refresh,
    /** Rescores one job now (a posting just read: its text may have changed). */
    async markJob(jobId: string): Promise<void> {
      const at = now();
      const target = await summaryTarget(db, at);
      await updateSummaries(db, [jobId], target, at, { force: true });
    },
    invalidate,
    /**
     * Every summary computed again, whatever its profile and day: the extension was updated, and
     * its matcher may read lines differently. Chunked like `refresh`, which it runs.
     */
    rescoreAll(): Promise<void> {
      everything = true;
      invalidate();
      return refresh();
    },
  };
}

export type SummaryRefresher = ReturnType<typeof createSummaryRefresher>;
