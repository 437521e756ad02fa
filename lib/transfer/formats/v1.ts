import { z } from '../../zod';
import { V2JobRowSchema, V2PostingSchema, V2ProfileSchema, V2SettingRowSchema } from '../../store/migrations/v2';

/**
 * Export format version 1, frozen: the file as the first release wrote it. Its rows are the rows of
 * database version 2 (frozen in lib/store/migrations/v2.ts, posting and profile spelt out there),
 * so nothing here comes from lib/posting or lib/profile: when today's posting gains a field, files
 * already on users' disks must still read.
 */
export const VERSION = 1;
export const FORMAT = 'job-lens-export';

export interface Limits {
  maxJobs: number;
  maxVersions: number;
  maxSettings: number;
}

export const VersionSchema = z.object({
  jobId: V2PostingSchema.shape.jobId,
  savedAt: z.iso.datetime(),
  posting: V2PostingSchema,
});

export const ProfileSchema = z.object({
  id: z.literal('me'),
  data: V2ProfileSchema,
  updatedAt: z.iso.datetime(),
});

export function fileSchema(limits: Limits) {
  return z.strictObject({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    exportedAt: z.iso.datetime(),
    jobs: z.array(V2JobRowSchema).max(limits.maxJobs),
    versions: z.array(VersionSchema).max(limits.maxVersions),
    settings: z.array(V2SettingRowSchema).max(limits.maxSettings),
    profile: ProfileSchema.nullable(),
  });
}
export type File = z.infer<ReturnType<typeof fileSchema>>;
