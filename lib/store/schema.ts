import { z } from 'zod';
import { JobPostingSchema, type JobPosting } from '../posting/schema';
import {
  V2_APPLIED_STATUSES,
  V2JobRowSchema,
  V2SettingRowSchema,
  V2StatusChangeSchema,
  V2StatusSchema,
  V2VersionRowSchema,
} from './migrations/v2';
import { V3SiteApplicationRowSchema } from './migrations/v3';

/**
 * What the database holds today: the latest migration's row schemas under stable names. Rows are
 * the posting's own fields, as the extractor names them, plus what the user adds. Types come from
 * these schemas; every write and every upgraded row is parsed with them.
 */

export const JobStatusSchema = V2StatusSchema;
export type JobStatus = z.infer<typeof JobStatusSchema>;
export const JOB_STATUSES = JobStatusSchema.options;
export const APPLIED_STATUSES: readonly JobStatus[] = V2_APPLIED_STATUSES;

export const StatusChangeSchema = V2StatusChangeSchema;
export type StatusChange = z.infer<typeof StatusChangeSchema>;

/** What the site itself last showed for the application, from the history page. */
export const SiteStatusSchema = z.object({
  text: z.string().max(200).nullable(),
  /** The site's date and time of the application, when it showed one. */
  appliedAt: z.iso.datetime().nullable(),
  readAt: z.iso.datetime(),
});
export type SiteStatus = z.infer<typeof SiteStatusSchema>;

/**
 * Fields added since version 2, each with the value a row written before them gets (Dexie hands
 * rows back unparsed, so readers also treat a missing one as its default).
 */
export const JobRecordSchema = V2JobRowSchema.safeExtend({
  /** The user came to the job or its form through a referral link (the token itself is never kept). */
  viaReferral: z.boolean().default(false),
  /** Recorded as applied without knowing when (the site's "already applied" dialog): the popup asks. */
  appliedDateUnknown: z.boolean().default(false),
  /** "Not yet" to "did you submit?": the question comes back after this time. */
  applyAskAgainAt: z.iso.datetime().nullable().default(null),
  siteStatus: SiteStatusSchema.nullable().default(null),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

export const SiteApplicationRowSchema = V3SiteApplicationRowSchema;
export type SiteApplicationRow = z.infer<typeof SiteApplicationRowSchema>;

export const PostingVersionSchema = V2VersionRowSchema;
export type PostingVersion = z.infer<typeof PostingVersionSchema>;

export const SettingRowSchema = V2SettingRowSchema;
export type SettingRow = z.infer<typeof SettingRowSchema>;

/** Settings as the rest of the code sees them, defaults filled in. */
export const SettingsSchema = z.object({
  /** First day of the recruiting cycle (YYYY-MM-DD); null = the last 12 months. */
  cycleStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)').nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = { cycleStart: null };

/**
 * The profile's shape belongs to lib/profile (the matcher); the store keeps it as given and
 * validates it there. `updatedAt` decides which copy wins on import.
 */
export interface ProfileRow {
  id: 'me';
  data: unknown;
  updatedAt: string;
}

/** The posting fields whose change we show the user; identity and timestamps are not "text". */
export const TRACKED_FIELDS = (Object.keys(JobPostingSchema.shape) as (keyof JobPosting)[]).filter(
  (key) => key !== 'jobId' && key !== 'url' && key !== 'site' && key !== 'extractedAt',
);

export const POSTING_FIELDS = Object.keys(JobPostingSchema.shape) as (keyof JobPosting)[];

/** The posting part of a stored job, for version snapshots and comparisons. */
export function postingOf(record: JobPosting): JobPosting {
  const posting = {} as Record<string, unknown>;
  for (const key of POSTING_FIELDS) posting[key] = record[key];
  return posting as JobPosting;
}
