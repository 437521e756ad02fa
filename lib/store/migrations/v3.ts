import { z } from '../../zod';
import type { Transaction } from 'dexie';
import {
  V2_APPLIED_STATUSES,
  V2StatusChangeSchema,
  V2StatusSchema,
  V2_STORES,
  V2JobRowSchema,
  V2PostingSchema,
  V2ProfileSchema,
  V2SettingRowSchema,
  type V2JobRow,
  type V2Profile,
} from './v2';

/**
 * Version 3: what Job Lens learns from the site itself and from the user's corrections.
 * - jobs: the referral flag, an application whose date is unknown (the site's "already applied"
 *   dialog), when to ask again about an unconfirmed form, what the site's history page last showed;
 * - siteApplications: applications the site shows that have no saved job (made on another device,
 *   or through a form whose job page was never read), kept so the count is right;
 * - jobs: the user's correction of a job's program, the stored match summary (indexed by rank),
 *   when the posting was found taken down;
 * - settings: the strict reading of the limit, the page banners the user closed, whether private
 *   windows are recorded;
 * - postings: which fields the extractor had to shorten;
 * - profile: work experience.
 *
 * Frozen once shipped, and spelt out here: it imports only from the frozen v2.ts, never from
 * lib/posting, lib/profile or lib/match. Every bound is at least as wide as version 2's.
 */
export const V3_VERSION = 3;

export const V3_STORES = {
  ...V2_STORES,
  // `key` is `<site>:<jobId>` when the site named the job, else `<site>:title:<title>`.
  // The stored match summary: the list sorts by "best match" from `match.rank`, and the background
  // finds summaries computed for another profile or day without reading any posting.
  jobs: `${V2_STORES.jobs}, match.rank, [match.profileUpdatedAt+match.day]`,
  siteApplications: 'key, site, jobId, appliedAt',
} as const;

const isoDateTime = z.iso.datetime();
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a year and month (YYYY-MM)');
const entry = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const V3StatusSchema = V2StatusSchema;
export const V3_APPLIED_STATUSES = V2_APPLIED_STATUSES;
export const V3StatusChangeSchema = V2StatusChangeSchema;

export const V3PostingSchema = V2PostingSchema.extend({
  /** The fields the extractor cut to the limits (a page over them is trimmed, never lost); absent when none. */
  shortened: z.array(z.string().max(40)).max(20).optional(),
});
export type V3Posting = z.infer<typeof V3PostingSchema>;

export const V3SiteStatusSchema = z.object({
  /** The site's status text ("Resume screening"). */
  text: z.string().max(200).nullable(),
  /** The site's date and time of the application, when it showed one. */
  appliedAt: isoDateTime.nullable(),
  readAt: isoDateTime,
});

/** A program as the user names it when correcting a job: `<track>:<intake>` and what they read. */
export const V3ProgramSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9-]+:[a-z0-9-]+$/, 'expected a program key like intern-bsms:2026-start')
    .max(80),
  label: z.string().min(1).max(120),
});

const verdictCount = z.number().int().min(0);
const V3VerdictCountsSchema = z.object({ met: verdictCount, partial: verdictCount, unmet: verdictCount, unknown: verdictCount });

/** What the list needs of a match report, kept with the job so the popup never matches at open. */
export const V3MatchSummarySchema = z.object({
  score: z.number().int().min(0).max(100).nullable(),
  eligible: z.boolean(),
  blockerCount: verdictCount,
  firstBlocker: z.string().max(500).nullable(),
  minimum: V3VerdictCountsSchema,
  preferred: V3VerdictCountsSchema,
  eligibility: V3VerdictCountsSchema,
  /** Every eligible job above every blocked one, then by score. */
  rank: z.number().int().min(0),
  /** The profile's `updatedAt` and the local day it was computed for: either changing makes it stale. */
  profileUpdatedAt: isoDateTime,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  skillListVersion: z.number().int(),
});

export const V3JobRowSchema = V2JobRowSchema.safeExtend({
  shortened: V3PostingSchema.shape.shortened,
  /** The user came to the job or its form through a referral link (the token itself is never kept). */
  viaReferral: z.boolean(),
  /** Recorded as applied without knowing when (the site's "already applied" dialog): the popup asks. */
  appliedDateUnknown: z.boolean(),
  /** "Not yet" to "did you submit?": the question comes back after this time. */
  applyAskAgainAt: isoDateTime.nullable(),
  /** What the site's history page last showed for this application. */
  siteStatus: V3SiteStatusSchema.nullable(),
  /** The user's correction of the job's program: another program, "none" (no limit), or null (as the posting says). */
  programOverride: z.union([V3ProgramSchema, z.literal('none'), z.null()]),
  /** The match summary, computed by the background; null until the job is first scored. */
  match: V3MatchSummarySchema.nullable(),
  /** When the job's page was found showing the site's not-found view (the posting was taken down). */
  closedAt: isoDateTime.nullable(),
});
export type V3JobRow = z.infer<typeof V3JobRowSchema>;

export const V3VersionRowSchema = z.object({
  id: z.number().int().positive(),
  jobId: V3PostingSchema.shape.jobId,
  savedAt: isoDateTime,
  posting: V3PostingSchema,
});
export type V3VersionRow = z.infer<typeof V3VersionRowSchema>;

export const V3SiteApplicationRowSchema = z.object({
  key: z.string().min(1).max(700),
  /** The account it was read from: the TikTok and the ByteDance careers accounts are separate. */
  site: z.enum(['tiktok', 'bytedance']),
  jobId: V3PostingSchema.shape.jobId.nullable(),
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

export const V3SettingRowSchema = z.discriminatedUnion('key', [
  ...V2SettingRowSchema.options,
  /** The strict reading of the limit: every early-career application against one limit. */
  z.object({ key: z.literal('strictLimit'), value: z.boolean(), updatedAt: isoDateTime }),
  /** Page banners the user closed, one `<program key>@<used>/<limit>` each, newest last. */
  z.object({
    key: z.literal('bannerDismissed'),
    value: z.array(z.string().max(200)).max(100),
    updatedAt: isoDateTime,
  }) /** Whether job pages seen in private windows are recorded (no row: off). */,
  z.object({ key: z.literal('recordPrivateWindows'), value: z.boolean(), updatedAt: isoDateTime }),
]);
export type V3SettingRow = z.infer<typeof V3SettingRowSchema>;

export const V3ExperienceSchema = z
  .strictObject({
    title: entry(200),
    organization: z.string().trim().max(200).default(''),
    from: yearMonth,
    to: yearMonth.nullable().default(null),
    internship: z.boolean().default(false),
  })
  .refine((role) => role.to === null || role.from <= role.to, { message: '`from` must not be after `to`', path: ['to'] });

export const V3ProfileSchema = V2ProfileSchema.extend({
  /** Work experience, internships included; a version 2 profile has none. */
  experience: z.array(V3ExperienceSchema).max(50).default([]),
});
export type V3Profile = z.infer<typeof V3ProfileSchema>;

export const V3ProfileRowSchema = z.object({ id: z.literal('me'), data: V3ProfileSchema, updatedAt: isoDateTime });
export type V3ProfileRow = z.infer<typeof V3ProfileRowSchema>;

/** Each new job field gets the value that says "nothing known yet"; everything else is kept. */
export function upgradeJobRowV2toV3(row: V2JobRow): V3JobRow {
  return {
    ...row,
    viaReferral: false,
    appliedDateUnknown: false,
    applyAskAgainAt: null,
    siteStatus: null,
    programOverride: null,
    match: null,
    closedAt: null,
  };
}

export function upgradeProfileV2toV3(profile: V2Profile): V3Profile {
  return { ...profile, experience: [] };
}

/**
 * Never throws on a row (see v2.ts): a row of any shape gets the new fields and keeps the rest.
 * The new table starts empty.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('jobs')
    .toCollection()
    .modify((row: V2JobRow) => {
      Object.assign(row, upgradeJobRowV2toV3(row));
    });
  await tx
    .table('profile')
    .toCollection()
    .modify((row: { data?: unknown }) => {
      if (typeof row.data === 'object' && row.data !== null && !Array.isArray(row.data)) {
        row.data = upgradeProfileV2toV3(row.data as V2Profile);
      }
    });
}
