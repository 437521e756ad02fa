import { z } from '../../zod';
import {
  V3JobRowSchema,
  V3PostingSchema,
  V3ProfileSchema,
  V3SettingRowSchema,
  V3SiteApplicationRowSchema,
  upgradeJobRowV2toV3,
  upgradeProfileV2toV3,
} from '../../store/migrations/v3';
import type * as v1 from './v1';

/**
 * Export format version 2, frozen once released: the rows of database version 3 (spelt out in
 * lib/store/migrations/v3.ts), plus the applications read from the site that have no saved job.
 */
export const VERSION = 2;
export const FORMAT = 'job-lens-export';

export interface Limits {
  maxJobs: number;
  maxVersions: number;
  maxSettings: number;
}

export const VersionSchema = z.object({
  jobId: V3PostingSchema.shape.jobId,
  savedAt: z.iso.datetime(),
  posting: V3PostingSchema,
});

export const ProfileSchema = z.object({
  id: z.literal('me'),
  data: V3ProfileSchema,
  updatedAt: z.iso.datetime(),
});

export function fileSchema(limits: Limits) {
  return z.strictObject({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    exportedAt: z.iso.datetime(),
    jobs: z.array(V3JobRowSchema).max(limits.maxJobs),
    versions: z.array(VersionSchema).max(limits.maxVersions),
    settings: z.array(V3SettingRowSchema).max(limits.maxSettings),
    profile: ProfileSchema.nullable(),
    siteApplications: z.array(V3SiteApplicationRowSchema).max(limits.maxJobs),
  });
}
export type File = z.infer<ReturnType<typeof fileSchema>>;

/** A version 1 file gets what the database upgrade gives version 2 rows; it had no site rows. */
export function fromV1(file: v1.File): File {
  return {
    ...file,
    version: VERSION,
    jobs: file.jobs.map(upgradeJobRowV2toV3),
    profile: file.profile && { ...file.profile, data: upgradeProfileV2toV3(file.profile.data) },
    siteApplications: [],
  };
}
