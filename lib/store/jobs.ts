import { JobPostingSchema, type JobPosting } from '../posting/schema';
import type { JobLensDb } from './db';
import { TRACKED_FIELDS, type JobRecord } from './schema';

/** Earlier copies kept per job; a page that keeps changing must not grow the database without end. */
export const MAX_VERSIONS_PER_JOB = 20;

export type SeenOutcome =
  /** First time this job is seen. */
  | 'created'
  /** Seen again, text unchanged. */
  | 'updated'
  /** Seen again and the text differs: the earlier copy went to `versions`. */
  | 'changed'
  /** An extraction older than the stored one (tabs racing): only `lastSeenAt` moves. */
  | 'stale';

export type SeenResult =
  | { ok: true; outcome: SeenOutcome; job: JobRecord }
  | { ok: false; reason: string };

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields whose value differs between two copies of the same posting. */
export function changedFieldsBetween(before: JobPosting, after: JobPosting): string[] {
  return TRACKED_FIELDS.filter((key) => !sameValue(before[key], after[key]));
}

function postingOf(record: JobRecord): JobPosting {
  const posting = {} as Record<string, unknown>;
  for (const key of Object.keys(JobPostingSchema.shape)) {
    posting[key] = record[key as keyof JobRecord];
  }
  return posting as JobPosting;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * What the background calls when a posting arrives from a tab. A new job is kept as "seen"; a
 * re-visit refreshes the extracted fields and `lastSeenAt` and never touches the user's own data.
 * Runs in one read-write transaction so that many tabs saving at once serialise instead of
 * overwriting each other.
 */
export async function recordPostingSeen(db: JobLensDb, input: JobPosting, now: Date): Promise<SeenResult> {
  const parsed = JobPostingSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid posting at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  const posting = parsed.data;
  const seenAt = now.toISOString();

  return db.transaction('rw', db.jobs, db.versions, async (): Promise<SeenResult> => {
    const existing = await db.jobs.get(posting.jobId);
    if (!existing) {
      const job: JobRecord = {
        ...posting,
        status: 'seen',
        notes: '',
        firstSeenAt: seenAt,
        lastSeenAt: seenAt,
        changedAt: null,
        changedFields: [],
      };
      await db.jobs.add(job);
      return { ok: true, outcome: 'created', job };
    }

    const lastSeenAt = later(existing.lastSeenAt, seenAt);
    if (posting.extractedAt < existing.extractedAt) {
      const job = { ...existing, lastSeenAt };
      await db.jobs.put(job);
      return { ok: true, outcome: 'stale', job };
    }

    const before = postingOf(existing);
    const changed = changedFieldsBetween(before, posting);
    const job: JobRecord = {
      ...existing,
      ...posting,
      lastSeenAt,
      changedAt: changed.length > 0 ? seenAt : existing.changedAt,
      changedFields: changed.length > 0 ? changed : existing.changedFields,
    };
    await db.jobs.put(job);
    if (changed.length > 0) {
      await db.versions.add({ jobId: posting.jobId, savedAt: seenAt, posting: before });
      await pruneVersions(db, posting.jobId);
    }
    return { ok: true, outcome: changed.length > 0 ? 'changed' : 'updated', job };
  });
}

async function pruneVersions(db: JobLensDb, jobId: string): Promise<void> {
  const ids = (await db.versions.where('jobId').equals(jobId).primaryKeys()).sort((a, b) => a - b);
  const excess = ids.length - MAX_VERSIONS_PER_JOB;
  if (excess > 0) await db.versions.bulkDelete(ids.slice(0, excess));
}

export function getJob(db: JobLensDb, jobId: string): Promise<JobRecord | undefined> {
  return db.jobs.get(jobId);
}

/** Earlier copies of a posting, oldest first. */
export function getVersions(db: JobLensDb, jobId: string) {
  return db.versions.where('jobId').equals(jobId).sortBy('id');
}
