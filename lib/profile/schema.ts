import { z } from '../zod';
import { DEGREE_LEVELS, EDUCATION_STATUSES } from '../posting/constants';

/**
 * The candidate's profile. Field names are a contract: the options page edits this shape, the
 * database stores it, and `npm run match -- --profile <file>` reads it from JSON.
 *
 * Every list may be empty, and an empty list means "not told", never "none": the matcher answers
 * `unknown` for a line whose part of the profile is empty rather than counting it against the
 * candidate. Objects are strict so that a misspelt key in a hand-written profile file ("skils") is
 * reported instead of silently ignored.
 */

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected an ISO date (YYYY-MM-DD)');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a year and month (YYYY-MM)');
const entry = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const EducationStatusSchema = z.enum(EDUCATION_STATUSES);

const EducationSchema = z.strictObject({
  level: z.enum(DEGREE_LEVELS),
  /** Field of study as the candidate writes it ("Computer Science", "Statistics"). */
  field: entry(200),
  status: EducationStatusSchema,
  /** Expected graduation while pursuing, actual graduation once completed. */
  graduation: yearMonth,
});
export type Education = z.infer<typeof EducationSchema>;

/** A stretch of time the candidate can work (e.g. an internship), both ends inclusive. */
const AvailabilitySchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((period) => period.from <= period.to, { message: '`from` must not be after `to`', path: ['to'] });

const PublicationSchema = z.strictObject({
  /** Conference or journal as written ("NeurIPS", "ICML 2024", "TPAMI"). */
  venue: entry(200),
  year: z.number().int().min(1950).max(2100),
  firstAuthor: z.boolean(),
});

/**
 * Work authorisation, one row per country. `status` is what decides eligibility:
 * citizen, permanent-resident and work-permit can work without sponsorship; student-visa depends
 * on the role and is reported as partial; needs-sponsorship cannot work there without a visa.
 */
export const WORK_AUTHORIZATION_STATUSES = ['citizen', 'permanent-resident', 'work-permit', 'student-visa', 'needs-sponsorship'] as const;
const WorkAuthorizationSchema = z.strictObject({
  /** Country name as commonly written ("Singapore", "United States", "UK"). */
  country: entry(100),
  status: z.enum(WORK_AUTHORIZATION_STATUSES),
});
export type WorkAuthorization = z.infer<typeof WorkAuthorizationSchema>;

/**
 * A role the candidate held, internships included. `to` is null while it goes on. Dates are months
 * because that is how résumés give them; the matcher adds up the months for "2+ years of experience".
 */
const ExperienceSchema = z
  .strictObject({
    title: entry(200),
    organization: z.string().trim().max(200).default(''),
    from: yearMonth,
    to: yearMonth.nullable().default(null),
    internship: z.boolean().default(false),
  })
  .refine((role) => role.to === null || role.from <= role.to, { message: '`from` must not be after `to`', path: ['to'] });
export type Experience = z.infer<typeof ExperienceSchema>;

export const ProfileSchema = z.strictObject({
  education: z.array(EducationSchema).max(10).default([]),
  /** Skill names or aliases as typed; lib/skills resolves them to canonical names. */
  skills: z.array(entry(100)).max(500).default([]),
  /** Spoken languages, optionally with a level: "English", "Mandarin (native)", "Japanese - basic". */
  languages: z.array(entry(100)).max(50).default([]),
  availability: z.array(AvailabilitySchema).max(20).default([]),
  /** Cities, countries or regions where the candidate can work on site ("Singapore", "London", "Australia"). */
  locations: z.array(entry(100)).max(50).default([]),
  publications: z.array(PublicationSchema).max(200).default([]),
  workAuthorization: z.array(WorkAuthorizationSchema).max(20).default([]),
  /** Work experience; profiles stored before it existed parse with none. */
  experience: z.array(ExperienceSchema).max(50).default([]),
});
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;

export function emptyProfile(): Profile {
  return ProfileSchema.parse({});
}

/** The database row (table `profile`): one row, id 'me'. */
export const PROFILE_ROW_ID = 'me' as const;

/**
 * One line naming the first invalid field, e.g. `education.0.graduation: expected a year and month (YYYY-MM)`,
 * for the CLI and the options page's import message.
 */
export function describeProfileError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid profile';
  const path = issue.path.length ? issue.path.join('.') : '(profile)';
  return `${path}: ${issue.message}`;
}
