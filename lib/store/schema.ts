import { z } from 'zod';
import { JobPostingSchema, type JobPosting } from '../posting/schema';
import { V1_STATUSES } from './migrations/v1';

/**
 * What the database holds today. Rows are the posting's own fields, as the extractor names them,
 * plus what the user adds. Types come from these schemas; every write and every upgraded row is
 * parsed with them.
 */

export const JOB_STATUSES = V1_STATUSES;
export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobRecordSchema = JobPostingSchema.extend({
  status: JobStatusSchema,
  notes: z.string().max(20_000),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** When the posting's text last differed from the copy we held; the earlier copy is in `versions`. */
  changedAt: z.iso.datetime().nullable(),
  changedFields: z.array(z.string().max(100)).max(50),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

export const PostingVersionSchema = z.object({
  id: z.number().int().positive(),
  jobId: JobPostingSchema.shape.jobId,
  /** When this copy was replaced by a newer, different one. */
  savedAt: z.iso.datetime(),
  posting: JobPostingSchema,
});
export type PostingVersion = z.infer<typeof PostingVersionSchema>;

export interface ProfileRow {
  id: 'me';
  data: unknown;
  updatedAt: string;
}

/** The posting fields whose change we show the user; identity and timestamps are not "text". */
export const TRACKED_FIELDS = (Object.keys(JobPostingSchema.shape) as (keyof JobPosting)[]).filter(
  (key) => key !== 'jobId' && key !== 'url' && key !== 'site' && key !== 'extractedAt',
);
