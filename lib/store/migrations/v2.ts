import { z } from '../../zod';
import type { Transaction } from 'dexie';
import { V1_STATUSES, V1PostingSchema, type V1JobRow } from './v1';

/**
 * Version 2: applications and their history. Adds to every job the status history, the
 * application date, the pending "started applying" mark and the times of the user's last edits
 * (import merges by them); adds the `settings` table; indexes what the popup and the limit query.
 *
 * Frozen once shipped, and spelt out here: it imports only from v1.ts (frozen too), never from
 * lib/posting or lib/profile. A version 3 gets its own file and copies what it changes.
 *
 * A bound here is never stricter than version 1's for the same field: a row that version 1
 * accepted must upgrade, or the database stops opening and the user's data is locked in it. Where
 * version 2's code writes less (notes the user types are capped at 20,000 characters by the
 * message and by `setNotes`), the row schema still reads what version 1 kept.
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

/** The posting fields did not change from version 1. */
export const V2PostingSchema = V1PostingSchema;
export type V2Posting = z.infer<typeof V2PostingSchema>;

export const V2StatusSchema = z.enum(V1_STATUSES);

/** Statuses that only make sense once the application was submitted; each needs `appliedAt`. */
export const V2_APPLIED_STATUSES = ['applied', 'interviewing', 'offer', 'rejected', 'withdrawn'] as const;

export const V2StatusChangeSchema = z.object({ status: V2StatusSchema, at: isoDateTime });

export const V2JobRowSchema = V2PostingSchema.extend({
  status: V2StatusSchema,
  // At most 500 changes are kept; an upgraded version 1 row has at most one.
  statusHistory: z.array(V2StatusChangeSchema).max(500),
  // Unbounded like version 1's: see the file's introduction.
  notes: z.string(),
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
  // Version 2's code writes at most 50 field names; version 1's rows had no bound.
  changedFields: z.array(z.string()),
}).refine((row) => row.appliedAt !== null || !(V2_APPLIED_STATUSES as readonly string[]).includes(row.status), {
  message: 'a submitted status needs appliedAt',
  path: ['appliedAt'],
});
export type V2JobRow = z.infer<typeof V2JobRowSchema>;

export const V2VersionRowSchema = z.object({
  id: z.number().int().positive(),
  jobId: V2PostingSchema.shape.jobId,
  savedAt: isoDateTime,
  posting: V2PostingSchema,
});
export type V2VersionRow = z.infer<typeof V2VersionRowSchema>;

export const V2SettingRowSchema = z.discriminatedUnion('key', [
  z.object({
    key: z.literal('cycleStart'),
    value: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)')
      .nullable(),
    updatedAt: isoDateTime,
  }),
]);
export type V2SettingRow = z.infer<typeof V2SettingRowSchema>;

const profileDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected an ISO date (YYYY-MM-DD)');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a year and month (YYYY-MM)');
const entry = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** The profile as version 2's options page saved it (the first version with a profile). */
export const V2ProfileSchema = z.strictObject({
  education: z
    .array(
      z.strictObject({
        level: z.enum(['Bachelor', 'Master', 'PhD']),
        field: entry(200),
        status: z.enum(['pursuing', 'completed']),
        graduation: yearMonth,
      }),
    )
    .max(10)
    .default([]),
  skills: z.array(entry(100)).max(500).default([]),
  languages: z.array(entry(100)).max(50).default([]),
  availability: z
    .array(
      z
        .strictObject({ from: profileDate, to: profileDate })
        .refine((period) => period.from <= period.to, { message: '`from` must not be after `to`', path: ['to'] }),
    )
    .max(20)
    .default([]),
  locations: z.array(entry(100)).max(50).default([]),
  publications: z
    .array(z.strictObject({ venue: entry(200), year: z.number().int().min(1950).max(2100), firstAuthor: z.boolean() }))
    .max(200)
    .default([]),
  workAuthorization: z
    .array(
      z.strictObject({
        country: entry(100),
        status: z.enum(['citizen', 'permanent-resident', 'work-permit', 'student-visa', 'needs-sponsorship']),
      }),
    )
    .max(20)
    .default([]),
});
export type V2Profile = z.infer<typeof V2ProfileSchema>;

export const V2ProfileRowSchema = z.object({ id: z.literal('me'), data: V2ProfileSchema, updatedAt: isoDateTime });
export type V2ProfileRow = z.infer<typeof V2ProfileRowSchema>;

/**
 * Version 1 had a status but no dates for it. A row already marked as applied (or later) gets
 * `firstSeenAt` as its application date: the user applied after first seeing the job, and an
 * early date keeps the application counted rather than silently dropped from the limit.
 * Everything version 1 kept is carried over as it was.
 */
export function upgradeJobRowV1toV2(row: V1JobRow): V2JobRow {
  const submitted = (V2_APPLIED_STATUSES as readonly string[]).includes(row.status);
  return {
    ...row,
    statusHistory: row.status === 'seen' ? [] : [{ status: row.status, at: row.lastSeenAt }],
    notesUpdatedAt: row.notes === '' ? null : row.lastSeenAt,
    appliedAt: submitted ? row.firstSeenAt : null,
    applyStartedAt: null,
    userUpdatedAt: row.status === 'seen' ? null : row.lastSeenAt,
  };
}

/**
 * Never throws on a row: an upgrade that fails aborts the whole transaction, the database then no
 * longer opens at any version the code knows, and nothing (not even an export) can reach the
 * data. A row that is not even a valid version 1 row (written by hand, say) still gets the new
 * fields and is kept as it was otherwise; the user's data is never dropped here.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('jobs')
    .toCollection()
    .modify((row: V1JobRow) => {
      Object.assign(row, upgradeJobRowV1toV2(row));
    });
}
