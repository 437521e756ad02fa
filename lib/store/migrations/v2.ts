import { z } from 'zod';
import type { Transaction } from 'dexie';
import { JobPostingSchema } from '../../posting/schema';
import { V1_STATUSES, type V1JobRow } from './v1';

/**
 * Version 2: applications and their history. Adds to every job the status history, the
 * application date, the pending "started applying" mark and the times of the user's last edits
 * (import merges by them); adds the `settings` table; indexes what the popup and the limit query.
 * Frozen once shipped: a version 3 gets its own file and copies what it changes.
 */
export const V2_VERSION = 2;

export const V2_STORES = {
  // `applicationLimit.max` lets the limit find the smallest stated limit without scanning every job;
  // jobs whose posting states no limit have no key there and cost nothing.
  jobs: 'jobId, lastSeenAt, status, appliedAt, applyStartedAt, applicationLimit.max',
  versions: '++id, jobId',
  profile: 'id',
  settings: 'key',
} as const;

const isoDateTime = z.iso.datetime();

export const V2StatusSchema = z.enum(V1_STATUSES);

/** Statuses that only make sense once the application was submitted; each needs `appliedAt`. */
export const V2_APPLIED_STATUSES = ['applied', 'interviewing', 'offer', 'rejected', 'withdrawn'] as const;

export const V2StatusChangeSchema = z.object({ status: V2StatusSchema, at: isoDateTime });

export const V2JobRowSchema = JobPostingSchema.extend({
  status: V2StatusSchema,
  statusHistory: z.array(V2StatusChangeSchema).max(500),
  notes: z.string().max(20_000),
  notesUpdatedAt: isoDateTime.nullable(),
  /** When the user submitted the application (they confirm it; we never guess from a click). */
  appliedAt: isoDateTime.nullable(),
  /** The user opened the application form; waiting for them to confirm. Never counted. */
  applyStartedAt: isoDateTime.nullable(),
  /** Last change to status or application by the user; the newer side wins on import. */
  userUpdatedAt: isoDateTime.nullable(),
  firstSeenAt: isoDateTime,
  lastSeenAt: isoDateTime,
  changedAt: isoDateTime.nullable(),
  changedFields: z.array(z.string().max(100)).max(50),
}).refine(
  (row) => row.appliedAt !== null || !(V2_APPLIED_STATUSES as readonly string[]).includes(row.status),
  { message: 'a submitted status needs appliedAt', path: ['appliedAt'] },
);
export type V2JobRow = z.infer<typeof V2JobRowSchema>;

export const V2VersionRowSchema = z.object({
  id: z.number().int().positive(),
  jobId: JobPostingSchema.shape.jobId,
  savedAt: isoDateTime,
  posting: JobPostingSchema,
});

export const V2SettingRowSchema = z.discriminatedUnion('key', [
  z.object({
    key: z.literal('cycleStart'),
    value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)').nullable(),
    updatedAt: isoDateTime,
  }),
]);

/**
 * Version 1 had a status but no dates for it. A row already marked as applied (or later) gets
 * `firstSeenAt` as its application date: the user applied after first seeing the job, and an
 * early date keeps the application counted rather than silently dropped from the limit.
 */
export function upgradeJobRowV1toV2(row: V1JobRow): V2JobRow {
  const submitted = (V2_APPLIED_STATUSES as readonly string[]).includes(row.status);
  return V2JobRowSchema.parse({
    ...row,
    statusHistory: row.status === 'seen' ? [] : [{ status: row.status, at: row.lastSeenAt }],
    notesUpdatedAt: row.notes === '' ? null : row.lastSeenAt,
    appliedAt: submitted ? row.firstSeenAt : null,
    applyStartedAt: null,
    userUpdatedAt: row.status === 'seen' ? null : row.lastSeenAt,
  });
}

/**
 * Rows are parsed again with the version 2 schema; one bad row throws, which aborts the whole
 * upgrade and leaves the database at version 1, untouched, rather than half-migrated.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const jobs = tx.table('jobs');
  const rows = (await jobs.toArray()) as V1JobRow[];
  const upgraded = rows.map((row) => {
    try {
      return upgradeJobRowV1toV2(row);
    } catch (error) {
      throw new Error(`upgrade to version 2 failed for job ${String(row.jobId)}: ${(error as Error).message}`);
    }
  });
  await jobs.bulkPut(upgraded);
}
