import { z } from '../zod';
import { DEGREE_LEVELS, JOB_ID_PATTERN, MONTHS, SITES } from './constants';

/**
 * The one definition of a job posting. The extractor produces it (without importing Zod, so the
 * content script stays small), the background validates it here, and every other module takes
 * its type from `z.infer`. Field names are a public contract: the CLI prints them, exports carry them.
 */

export { SITES, DEGREE_LEVELS };

export const SiteSchema = z.enum(SITES);
export type Site = z.infer<typeof SiteSchema>;

const DegreeLevelSchema = z.enum(DEGREE_LEVELS);
export type DegreeLevel = z.infer<typeof DegreeLevelSchema>;

const MonthSchema = z.enum(MONTHS);
export type Month = z.infer<typeof MonthSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');
/** Plain text read from a page: bounded so a hostile page cannot bloat the database. */
const pageText = (max: number) => z.string().max(max);

const InternshipPeriodSchema = z.object({
  from: MonthSchema,
  to: MonthSchema,
  onboardBy: isoDate.nullable(),
});
export type InternshipPeriod = z.infer<typeof InternshipPeriodSchema>;

const CommitmentSchema = z.object({
  amount: z.number().int().positive().max(120),
  unit: z.enum(['week', 'month']),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

/**
 * `scope` says how far the limit reaches: "affiliates-global" when the posting says the limit
 * applies to the company and its affiliates' jobs globally (TikTok and ByteDance then share it),
 * "company" when it names no wider scope.
 */
const ApplicationLimitSchema = z.object({
  max: z.number().int().positive().max(50),
  scope: z.enum(['affiliates-global', 'company']),
  inOrder: z.boolean(),
});
export type ApplicationLimit = z.infer<typeof ApplicationLimitSchema>;

export const JobPostingSchema = z.object({
  jobId: z.string().regex(JOB_ID_PATTERN, 'expected the numeric job id from the URL'),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  site: SiteSchema,
  title: pageText(500).min(1),
  jobCode: pageText(100).nullable(),
  category: pageText(200).nullable(),
  team: pageText(300).nullable(),
  locations: z.array(pageText(200)).max(50),
  employmentType: pageText(100).nullable(),
  degreeLevels: z.array(DegreeLevelSchema).max(3),
  cohort: pageText(100).nullable(),
  description: pageText(50_000),
  responsibilities: z.array(pageText(5_000)).max(200),
  minimumQualifications: z.array(pageText(5_000)).max(200),
  preferredQualifications: z.array(pageText(5_000)).max(200),
  startDates: z.array(isoDate).max(100),
  internshipPeriods: z.array(InternshipPeriodSchema).max(20),
  commitment: CommitmentSchema.nullable(),
  applicationLimit: ApplicationLimitSchema.nullable(),
  onsiteDaysPerWeek: z.number().int().min(1).max(7).nullable(),
  contactEmail: z.email().max(320).nullable(),
  /** The Job Information section (pay transparency, company text), kept as text for reference. */
  jobInformation: pageText(50_000),
  /**
   * The fields the extractor cut to the limits above (a page over them is trimmed, never lost);
   * missing on postings read before trimming existed and on postings that needed none.
   */
  shortened: z.array(z.string().max(40)).max(20).optional(),
  extractedAt: z.iso.datetime(),
});
export type JobPosting = z.infer<typeof JobPostingSchema>;
