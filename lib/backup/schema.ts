import { z } from '../zod';

/**
 * The second copy of what cannot be found again (applications, statuses, notes, settings, the
 * profile), kept in `storage.local` next to the database. Its shape is spelt out here, literally,
 * and imports nothing from the store or the posting: a copy written today must still read after
 * the database's own rows change. A new small per-job field goes into `BackupJobSchema` with a
 * default for copies written before it; `jobEntryOf` copies every field listed here from the row.
 */

export const BACKUP_KEY = 'jobLensBackup';
const BACKUP_FORMAT = 'job-lens-backup';
const BACKUP_VERSION = 1;

const iso = z.iso.datetime();
const jobId = z.string().regex(/^\d{6,25}$/);
const status = z.enum(['seen', 'saved', 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn']);

export const BackupJobSchema = z.object({
  jobId,
  site: z.enum(['tiktok', 'bytedance']),
  // Bounded like the database's own fields, but never tighter: the copy must take every row the
  // database accepted, or the one write that matters would be refused.
  title: z.string().min(1).max(500),
  status,
  statusHistory: z.array(z.object({ status, at: iso })),
  notes: z.string(),
  notesUpdatedAt: iso.nullable(),
  appliedAt: iso.nullable(),
  applyStartedAt: iso.nullable(),
  userUpdatedAt: iso.nullable(),
  /** The posting's stated limit, so the applications count the same before the job is seen again. */
  applicationLimit: z
    .object({ max: z.number().int().positive(), scope: z.enum(['affiliates-global', 'company']), inOrder: z.boolean() })
    .nullable(),
  firstSeenAt: iso,
  lastSeenAt: iso,
  /** Came through a referral link (the token itself is never kept anywhere). */
  viaReferral: z.boolean().default(false),
  /** Recorded as applied from the site's "already applied" dialog, date not known. */
  appliedDateUnknown: z.boolean().default(false),
  applyAskAgainAt: iso.nullable().default(null),
  /** What the site's history page last showed, as the database keeps it. */
  siteStatus: z.unknown().default(null),
  /** The user's correction of the job's program, as the database keeps it. */
  programOverride: z.unknown().default(null),
});
export type BackupJob = z.infer<typeof BackupJobSchema>;
export const BACKUP_JOB_FIELDS = Object.keys(BackupJobSchema.shape) as (keyof BackupJob)[];

const BackupProfileSchema = z.object({ data: z.unknown(), updatedAt: iso });

/**
 * Entries are kept as written and read one by one on restore: one entry a later release cannot
 * read must not take the others with it.
 */
export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** When the copy was last written. */
  writtenAt: iso,
  jobs: z.record(jobId, z.unknown()),
  /** Setting rows as the database keeps them (`{ key, value, updatedAt }`). */
  settings: z.array(z.object({ key: z.string(), value: z.unknown(), updatedAt: iso })),
  profile: BackupProfileSchema.nullable(),
  /** Applications the site showed for jobs never viewed, as the database keeps them. */
  siteApplications: z.array(z.unknown()).default([]),
});
export type Backup = z.infer<typeof BackupSchema>;

export function emptyBackup(at: string): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, writtenAt: at, jobs: {}, settings: [], profile: null, siteApplications: [] };
}

export function isEmptyBackup(backup: Backup): boolean {
  return (
    Object.keys(backup.jobs).length === 0 && backup.profile === null && backup.settings.length === 0 && backup.siteApplications.length === 0
  );
}
