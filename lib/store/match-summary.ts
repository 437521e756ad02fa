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
 * and after each message; it is cheap when nothing is stale (index keys only), and otherwise works
 * in small transactions with a pause between them, so messages are answered while 100,000 jobs
 * are rescored.
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

/** Ids of the jobs whose summary is missing or stale (or, with no profile, present), from indexes only. */
export async function staleJobIds(db: JobLensDb, target: SummaryTarget | null): Promise<string[]> {
  return db.transaction('r', db.jobs, async () => {
    if (target === null) return (await db.jobs.orderBy('match.rank').primaryKeys()) as string[];
    const fresh = new Set(
      await db.jobs.where('[match.profileUpdatedAt+match.day]').equals([target.profileUpdatedAt, target.day]).primaryKeys(),
    );
    const all = (await db.jobs.toCollection().primaryKeys()) as string[];
    return fresh.size === all.length ? [] : all.filter((id) => !fresh.has(id));
  });
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
  /** Jobs per transaction: small enough that a message waits at most a few tens of ms. */
  chunk?: number;
  /** Lets the caller's other work run between chunks (a macrotask by default). */
  pause?: () => Promise<void>;
  /** Called after a refresh that rewrote any summary (what the careers pages' marks show changed). */
  onChange?: () => void;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One refresher per background. `refresh()` brings every summary up to date; a call while a
 * refresh runs makes it look again once done (the profile may have changed meanwhile), and the
 * returned promise settles when everything is fresh. `markJob` rescores one job at once (a
 * posting just saved) without a full look.
 */
export function createSummaryRefresher(db: JobLensDb, now: () => Date, options: RefreshOptions = {}) {
  const chunk = options.chunk ?? 250;
  const pause = options.pause ?? macrotask;
  /** The target of the last complete refresh, as `profileUpdatedAt|day`; a cheap "still fresh". */
  let cleanFor: string | null = null;
  /** Bumped by `invalidate`: a run that saw an older generation must not call the database clean. */
  let generation = 0;
  let running: Promise<void> | null = null;
  let again = false;

  const keyOf = (target: SummaryTarget | null) => (target ? `${target.profileUpdatedAt}|${target.day}` : 'none');

  async function runOnce(): Promise<void> {
    const at = now();
    const startedIn = generation;
    const target = await summaryTarget(db, at);
    if (keyOf(target) === cleanFor) return;
    const ids = await staleJobIds(db, target);
    let changed = 0;
    try {
      for (let start = 0; start < ids.length; start += chunk) {
        changed += await updateSummaries(db, ids.slice(start, start + chunk), target, at);
        await pause();
        // Only a newer profile or another day starts over; messages asking for a refresh meanwhile
        // (every message does) must not, or a busy background would never finish.
        if (keyOf(await summaryTarget(db, now())) !== keyOf(target)) {
          again = true;
          return;
        }
      }
      if (generation === startedIn) cleanFor = keyOf(target);
      else again = true;
    } finally {
      if (changed > 0) options.onChange?.();
    }
  }

  function refresh(): Promise<void> {
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

  return {
    refresh,
    /** Rescores one job now (a posting just read: its text may have changed). */
    async markJob(jobId: string): Promise<void> {
      const at = now();
      const target = await summaryTarget(db, at);
      await updateSummaries(db, [jobId], target, at, { force: true });
    },
    /** After an import or anything else that may bring rows with foreign summaries. */
    invalidate(): void {
      cleanFor = null;
      generation += 1;
    },
  };
}

export type SummaryRefresher = ReturnType<typeof createSummaryRefresher>;
