import { z } from '../../zod';

/**
 * Version 1 of the database, frozen: the first layout ever shipped, spelt out as that version wrote
 * it. Nothing here is imported from lib/posting or lib/profile: when today's posting gains a field,
 * this file must still describe the rows already on users' disks. Later versions may import from
 * this file (it never changes); the upgrade tests open a database at exactly this version.
 */
export const V1_VERSION = 1;

export const V1_STORES = {
  jobs: 'jobId, lastSeenAt, status',
  versions: '++id, jobId',
  profile: 'id',
} as const;

export const V1_STATUSES = ['seen', 'saved', 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');
const isoDateTime = z.iso.datetime();
const pageText = (max: number) => z.string().max(max);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The posting as the extractor of version 1 produced it, field for field. */
export const V1PostingSchema = z.object({
  jobId: z.string().regex(/^\d{6,25}$/, 'expected the numeric job id from the URL'),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  site: z.enum(['tiktok', 'bytedance']),
  title: pageText(500).min(1),
  jobCode: pageText(100).nullable(),
  category: pageText(200).nullable(),
  team: pageText(300).nullable(),
  locations: z.array(pageText(200)).max(50),
  employmentType: pageText(100).nullable(),
  degreeLevels: z.array(z.enum(['Bachelor', 'Master', 'PhD'])).max(3),
  cohort: pageText(100).nullable(),
  description: pageText(50_000),
  responsibilities: z.array(pageText(5_000)).max(200),
  minimumQualifications: z.array(pageText(5_000)).max(200),
  preferredQualifications: z.array(pageText(5_000)).max(200),
  startDates: z.array(isoDate).max(100),
  internshipPeriods: z.array(z.object({ from: z.enum(MONTHS), to: z.enum(MONTHS), onboardBy: isoDate.nullable() })).max(20),
  commitment: z.object({ amount: z.number().int().positive().max(120), unit: z.enum(['week', 'month']) }).nullable(),
  applicationLimit: z
    .object({
      max: z.number().int().positive().max(50),
      scope: z.enum(['affiliates-global', 'company']),
      inOrder: z.boolean(),
    })
    .nullable(),
  onsiteDaysPerWeek: z.number().int().min(1).max(7).nullable(),
  contactEmail: z.email().max(320).nullable(),
  jobInformation: pageText(50_000),
  extractedAt: isoDateTime,
});
export type V1Posting = z.infer<typeof V1PostingSchema>;

/** A job: the posting plus what version 1 kept about it. Notes and changed fields had no bound. */
export const V1JobRowSchema = V1PostingSchema.extend({
  status: z.enum(V1_STATUSES),
  notes: z.string(),
  firstSeenAt: isoDateTime,
  lastSeenAt: isoDateTime,
  changedAt: isoDateTime.nullable(),
  changedFields: z.array(z.string()),
});
export type V1JobRow = z.infer<typeof V1JobRowSchema>;

export const V1VersionRowSchema = z.object({
  id: z.number().int().positive(),
  jobId: V1PostingSchema.shape.jobId,
  savedAt: isoDateTime,
  posting: V1PostingSchema,
});
export type V1VersionRow = z.infer<typeof V1VersionRowSchema>;

/** Version 1 declared the profile table but had no profile editor yet; the row is kept as given. */
export const V1ProfileRowSchema = z.object({ id: z.literal('me'), data: z.unknown(), updatedAt: z.string() });
export type V1ProfileRow = z.infer<typeof V1ProfileRowSchema>;
