import { z } from 'zod';
import { JobPostingSchema } from '../../posting/schema';

/**
 * Version 1 of the database, frozen: the first layout ever shipped. Later versions build on it
 * and the upgrade tests open a database at exactly this version, so nothing here may change.
 */
export const V1_VERSION = 1;

export const V1_STORES = {
  jobs: 'jobId, lastSeenAt, status',
  versions: '++id, jobId',
  profile: 'id',
} as const;

export const V1_STATUSES = ['seen', 'saved', 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn'] as const;

export const V1JobRowSchema = JobPostingSchema.extend({
  status: z.enum(V1_STATUSES),
  notes: z.string(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  changedAt: z.iso.datetime().nullable(),
  changedFields: z.array(z.string()),
});
export type V1JobRow = z.infer<typeof V1JobRowSchema>;

export const V1VersionRowSchema = z.object({
  id: z.number().int().positive(),
  jobId: JobPostingSchema.shape.jobId,
  savedAt: z.iso.datetime(),
  posting: JobPostingSchema,
});
export type V1VersionRow = z.infer<typeof V1VersionRowSchema>;
