import { z } from 'zod';
import { JobPostingSchema, type JobPosting } from '../posting/schema';
import { MatchSummarySchema } from '../match/summary';
import {
  V2_APPLIED_STATUSES,
  V2JobRowSchema,
  V2SettingRowSchema,
  V2StatusChangeSchema,
  V2StatusSchema,
  V2VersionRowSchema,
} from './migrations/v2';

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

// PROVISIONAL, for the lead's version 3: fields added to the job row since version 2, each with the
// value a version 2 row gets when it lacks it. `match` is the stored match summary (kept fresh by the
// background); `closedAt` is when a job page was last found showing the site's not-found view.
export const JobRecordSchema = V2JobRowSchema.safeExtend({
  match: MatchSummarySchema.nullable().default(null),
  closedAt: z.iso.datetime().nullable().default(null),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

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
