import { computeLimitState, type LimitJob, type LimitState } from '../limit/limit';
import type { JobLensDb } from './db';
import { getSettings } from './settings';

/**
 * Gathers what `computeLimitState` needs without reading every job: the applied jobs come from
 * the `appliedAt` index, and, for when none of them states a limit, the one posting with the
 * smallest stated limit comes from the `applicationLimit.max` index. The result is the same as
 * passing every job.
 */
export async function loadLimitInputs(db: JobLensDb): Promise<LimitJob[]> {
  return db.transaction('r', db.jobs, db.siteApplications, async () => {
    const applied: LimitJob[] = await db.jobs.orderBy('appliedAt').toArray();
    const smallest = await db.jobs.orderBy('applicationLimit.max').first();
    // Applications the site showed for jobs never saved count too (they state no limit of their own).
    for (const row of await db.siteApplications.toArray()) {
      applied.push({
        jobId: row.jobId ?? row.key,
        title: row.title ?? `Job ${row.jobId ?? ''}`.trim(),
        site: row.site,
        appliedAt: row.appliedAt,
        applicationLimit: null,
      });
    }
    return smallest && !applied.some((job) => job.jobId === smallest.jobId) ? [...applied, smallest] : applied;
  });
}

export async function loadLimitState(db: JobLensDb, now: Date): Promise<LimitState> {
  const [jobs, settings] = await Promise.all([loadLimitInputs(db), getSettings(db)]);
  return computeLimitState({ jobs, settings, now });
}
