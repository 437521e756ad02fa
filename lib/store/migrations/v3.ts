import { z } from 'zod';
import { JobPostingSchema, SiteSchema } from '../../posting/schema';
import { V2_STORES } from './v2';

/**
 * Version 3: applications the site shows that have no saved job (made on another device, or
 * through a form whose job page Job Lens never read), kept so the count is right. No row upgrade:
 * the table starts empty. Frozen once shipped.
 */
export const V3_VERSION = 3;

export const V3_STORES = {
  ...V2_STORES,
  // `key` is `<site>:<jobId>` when the site named the job, else `<site>:title:<title>`.
  siteApplications: 'key, site, jobId, appliedAt',
} as const;

const isoDateTime = z.iso.datetime();

export const V3SiteApplicationRowSchema = z.object({
  key: z.string().min(1).max(700),
  /** The account it was read from: the TikTok and the ByteDance careers accounts are separate. */
  site: SiteSchema,
  jobId: JobPostingSchema.shape.jobId.nullable(),
  /** As the site words it; null when only the job id is known (a confirmation for a job never read). */
  title: z.string().min(1).max(500).nullable(),
  /** When it was submitted; the day it was first seen when the site gave no date (then `appliedDateUnknown`). */
  appliedAt: isoDateTime,
  appliedDateUnknown: z.boolean(),
  /** The site's status text ("Resume screening"), when the history showed one. */
  status: z.string().max(200).nullable(),
  viaReferral: z.boolean(),
  /** What told us: the history page, the confirmation page, or the "already applied" dialog. */
  source: z.enum(['history', 'confirmation', 'duplicate']),
  firstReadAt: isoDateTime,
  readAt: isoDateTime,
});
export type V3SiteApplicationRow = z.infer<typeof V3SiteApplicationRowSchema>;
