import { z } from '../../zod';
import type { Transaction } from 'dexie';
import {
  V3JobRowSchema,
  V3MatchSummarySchema,
  V3PostingSchema,
  V3ProfileSchema,
  V3SettingRowSchema,
  V3SiteApplicationRowSchema,
  V3SiteStatusSchema,
  V3StatusChangeSchema,
  V3StatusSchema,
  V3VersionRowSchema,
  V3_APPLIED_STATUSES,
  V3_STORES,
  type V3JobRow,
} from './v3';

/**
 * Version 4: the `applications` table, one small row per job with an application date.
 *
 * The limit is counted from every application ever made (a program with an intake counts
 * whatever the date), and it is what the popup shows first. Read from `jobs`, that was every
 * applied job's whole row, posting text and all: at a few hundred applications among 100,000 jobs,
 * most of the popup's first screen. This table holds only what the count needs, and the program's
 * inputs rather than the program itself, so a later change in how programs are read applies to
 * every stored application at once.
 *
 * The table is derived: a database middleware (lib/store/applications.ts) rewrites a job's row
 * here in the same transaction as every write of the job, and this upgrade fills it once. Nothing
 * else writes it; it is not exported (an import rebuilds it through the same middleware).
 *
 * Frozen once shipped, and spelt out here: it imports only from the frozen v3.ts.
 */
export const V4_VERSION = 4;

export const V4_STORES = {
  ...V3_STORES,
  applications: 'jobId, appliedAt',
} as const;

// Every other row is as version 3 wrote it.
export const V4StatusSchema = V3StatusSchema;
export const V4_APPLIED_STATUSES = V3_APPLIED_STATUSES;
export const V4StatusChangeSchema = V3StatusChangeSchema;
export const V4PostingSchema = V3PostingSchema;
export const V4SiteStatusSchema = V3SiteStatusSchema;
export const V4MatchSummarySchema = V3MatchSummarySchema;
export const V4JobRowSchema = V3JobRowSchema;
export const V4VersionRowSchema = V3VersionRowSchema;
export const V4SiteApplicationRowSchema = V3SiteApplicationRowSchema;
export const V4SettingRowSchema = V3SettingRowSchema;
export const V4ProfileSchema = V3ProfileSchema;

/** A job's fields the limit reads: who, when, the status since, and what decides its program. */
const job = V3JobRowSchema.shape;
export const V4ApplicationRowSchema = z.object({
  jobId: job.jobId,
  site: job.site,
  title: job.title,
  cohort: job.cohort,
  employmentType: job.employmentType,
  degreeLevels: job.degreeLevels,
  applicationLimit: job.applicationLimit,
  programOverride: job.programOverride,
  status: job.status,
  appliedDateUnknown: job.appliedDateUnknown,
  appliedAt: job.appliedAt.unwrap(),
});
export type V4ApplicationRow = z.infer<typeof V4ApplicationRowSchema>;

/** The job's row in `applications`, or null for a job not applied to (it has none). */
export function applicationRowV4(job: V3JobRow): V4ApplicationRow | null {
  if (job.appliedAt === null) return null;
  return {
    jobId: job.jobId,
    site: job.site,
    title: job.title,
    cohort: job.cohort,
    employmentType: job.employmentType,
    degreeLevels: job.degreeLevels,
    applicationLimit: job.applicationLimit,
    programOverride: job.programOverride,
    status: job.status,
    appliedDateUnknown: job.appliedDateUnknown,
    appliedAt: job.appliedAt,
  };
}

/**
 * Fills the new table from the jobs as upgraded so far (the earlier upgrades run first, in the
 * same transaction). The middleware stays out of upgrades, so this is the table's only source here.
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const applied = (await tx.table('jobs').where('appliedAt').above('').toArray()) as V3JobRow[];
  const rows = applied.map(applicationRowV4).filter((row): row is V4ApplicationRow => row !== null);
  await tx.table('applications').bulkPut(rows);
}
