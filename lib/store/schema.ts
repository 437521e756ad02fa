import { z } from '../zod';
import type { JobPosting } from '../posting/schema';
import type { MatchSummary } from '../match/summary';
import type { Profile } from '../profile/schema';
// The latest database version. A new version changes these imports (and db.ts's list), nothing else here.
import * as latest from './migrations/v4';

/**
 * What the database holds today: the latest migration's row schemas under stable names. Rows are
 * the posting's own fields, as the extractor names them, plus what the user adds. Types come from
 * these schemas; every write and every upgraded row is parsed with them.
 */

export const JobStatusSchema = latest.V4StatusSchema;
export type JobStatus = z.infer<typeof JobStatusSchema>;
export const JOB_STATUSES = JobStatusSchema.options;
export const APPLIED_STATUSES: readonly JobStatus[] = latest.V4_APPLIED_STATUSES;

export type StatusChange = z.infer<typeof latest.V4StatusChangeSchema>;

/** The posting fields of a stored job, as the latest version spells them out. */
const StoredPostingSchema = latest.V4PostingSchema;

export const JobRecordSchema = latest.V4JobRowSchema;
export type JobRecord = z.infer<typeof JobRecordSchema>;

export const SiteStatusSchema = latest.V4SiteStatusSchema;

export const SiteApplicationRowSchema = latest.V4SiteApplicationRowSchema;
export type SiteApplicationRow = z.infer<typeof SiteApplicationRowSchema>;

export const PostingVersionSchema = latest.V4VersionRowSchema;
export type PostingVersion = z.infer<typeof PostingVersionSchema>;

export const SettingRowSchema = latest.V4SettingRowSchema;

/** An applied job as the limit reads it (the `applications` table, kept by lib/store/applications.ts). */
export type ApplicationRow = z.infer<typeof latest.V4ApplicationRowSchema>;
export type SettingRow = z.infer<typeof SettingRowSchema>;

/**
 * Compile-time guards: the latest version must spell out exactly today's posting and profile.
 * Adding a field to `JobPostingSchema` or `ProfileSchema` fails to compile here until a new
 * database version (and a new export format version) is written: see migrations/README.md.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const postingIsLatest: Equal<z.infer<typeof StoredPostingSchema>, JobPosting> = true;
const profileIsLatest: Equal<z.infer<typeof latest.V4ProfileSchema>, Profile> = true;
const summaryIsLatest: Equal<z.infer<typeof latest.V4MatchSummarySchema>, MatchSummary> = true;
void postingIsLatest;
void profileIsLatest;
void summaryIsLatest;

/** Settings as the rest of the code sees them, defaults filled in. */
export const SettingsSchema = z.object({
  /** First day of the recruiting cycle (YYYY-MM-DD); null = the last 12 months. */
  cycleStart: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)')
    .nullable(),
  /** Count every early-career application against one limit, whatever its program. */
  strictLimit: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = { cycleStart: null, strictLimit: false };

/**
 * The profile's shape belongs to lib/profile (the matcher); the store keeps it as given and
 * validates it there. `updatedAt` decides which copy wins on import.
 */
export interface ProfileRow {
  id: 'me';
  data: unknown;
  updatedAt: string;
}

const POSTING_FIELDS = Object.keys(StoredPostingSchema.shape) as (keyof JobPosting)[];

/** The posting fields whose change we show the user; identity and timestamps are not "text". */
export const TRACKED_FIELDS = POSTING_FIELDS.filter((key) => key !== 'jobId' && key !== 'url' && key !== 'site' && key !== 'extractedAt');

/** The posting part of a stored job, for version snapshots and comparisons. */
export function postingOf(record: JobPosting): JobPosting {
  const posting = {} as Record<string, unknown>;
  for (const key of POSTING_FIELDS) posting[key] = record[key];
  return posting as JobPosting;
}
