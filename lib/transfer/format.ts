import { z } from 'zod';
import { JobPostingSchema } from '../posting/schema';
import { ProfileSchema } from '../profile/schema';
import { JobRecordSchema, SettingRowSchema } from '../store/schema';

/**
 * The export file. Its name and version are checked before anything else, so a file from another
 * program or a newer Job Lens gets a plain answer instead of a list of schema errors.
 */
export const EXPORT_FORMAT = 'job-lens-export';
export const EXPORT_VERSION = 1;

/**
 * Limits against hostile or runaway files. Real exports are far below them: a job is a few
 * kilobytes, and a season of searching is hundreds of jobs, not tens of thousands.
 */
export const IMPORT_LIMITS = {
  maxChars: 100_000_000,
  maxJobs: 50_000,
  maxVersions: 200_000,
  maxSettings: 100,
} as const;

export const ExportedVersionSchema = z.object({
  jobId: JobPostingSchema.shape.jobId,
  savedAt: z.iso.datetime(),
  posting: JobPostingSchema,
});
export type ExportedVersion = z.infer<typeof ExportedVersionSchema>;

export const ExportedProfileSchema = z.object({
  id: z.literal('me'),
  data: ProfileSchema,
  updatedAt: z.iso.datetime(),
});

export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

export function exportFileSchema(limits: ImportLimits = IMPORT_LIMITS) {
  return z.strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.iso.datetime(),
    jobs: z.array(JobRecordSchema).max(limits.maxJobs),
    versions: z.array(ExportedVersionSchema).max(limits.maxVersions),
    settings: z.array(SettingRowSchema).max(limits.maxSettings),
    profile: ExportedProfileSchema.nullable(),
  });
}

export const ExportFileSchema = exportFileSchema();
export type ExportFile = z.infer<typeof ExportFileSchema>;
