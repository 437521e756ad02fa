import { PROFILE_ROW_ID } from '../profile/schema';
import type { HasProfileTable } from '../profile/store';
import type { JobLensDb } from './db';
import type { JobRecord, ProfileRow } from './schema';

/**
 * The pages' small reads, named, so the components (which observe them with `useLiveQuery`) hold
 * no Dexie calls of their own.
 */

/** One job, or null when it is not saved. */
export async function savedJob(db: JobLensDb, jobId: string): Promise<JobRecord | null> {
  return (await db.jobs.get(jobId)) ?? null;
}

export function countJobs(db: JobLensDb): Promise<number> {
  return db.jobs.count();
}

/** Jobs whose title, company or job code contains the text, most recently seen first. */
export async function findJobs(db: JobLensDb, text: string, max: number): Promise<JobRecord[]> {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  return db.jobs
    .orderBy('lastSeenAt')
    .reverse()
    .filter((job) => `${job.title} ${job.site === 'tiktok' ? 'tiktok' : 'bytedance'} ${job.jobCode ?? ''}`.toLowerCase().includes(needle))
    .limit(max)
    .toArray();
}

/** The stored profile row as it is, whether or not it passes the schema. */
export function getProfileRow(db: HasProfileTable): Promise<ProfileRow | undefined> {
  return db.profile.get(PROFILE_ROW_ID);
}
