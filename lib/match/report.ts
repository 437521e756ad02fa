import { z } from '../zod';

/**
 * What the matcher returns. The popup, the options page and `npm run match` all show this shape,
 * so it has a schema of its own: messages carrying a report are validated with it.
 */

const LINE_KINDS = [
  'degree-field',
  'enrolment',
  'graduation',
  'skill',
  'experience-years',
  'duration',
  // Seasons ("Summer 2026") and start dates ("May 11th, 2026").
  'start-dates',
  'internship-window',
  // Location and on-site work.
  'location',
  'work-authorization',
  'publications',
  'language',
  // Soft skills and anything else the matcher cannot assess.
  'soft',
] as const;
const LineKindSchema = z.enum(LINE_KINDS);
export type LineKind = z.infer<typeof LineKindSchema>;

const VerdictSchema = z.enum(['met', 'partial', 'unmet', 'unknown']);
export type Verdict = z.infer<typeof VerdictSchema>;

const EvidenceSchema = z.object({
  /** Words of the line paired with the profile entry they matched. */
  matched: z.array(z.object({ requirement: z.string(), profile: z.string() })),
  /** What the line asks for that the profile does not show. */
  missing: z.array(z.string()),
  /** How the verdict was reached when it is not a plain match (assumptions, unknowns). */
  notes: z.array(z.string()),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const LineResultSchema = z.object({
  text: z.string(),
  kind: LineKindSchema,
  verdict: VerdictSchema,
  evidence: EvidenceSchema,
});
export type LineResult = z.infer<typeof LineResultSchema>;

const EligibilityResultSchema = LineResultSchema.extend({
  /** The posting field the requirement was read from. */
  source: z.enum(['degreeLevels', 'commitment', 'internshipPeriods', 'startDates', 'locations']),
});
export type EligibilityResult = z.infer<typeof EligibilityResultSchema>;

export const MatchReportSchema = z.object({
  /**
   * 0–100 over the lines that could be assessed (minimum and eligibility weigh 3, preferred 1;
   * met 1, partial ½, unmet 0). null when nothing could be assessed, e.g. an empty profile.
   */
  score: z.number().int().min(0).max(100).nullable(),
  minimum: z.array(LineResultSchema),
  preferred: z.array(LineResultSchema),
  /** Requirements stated outside the qualification lists (title tags, internship periods, locations). */
  eligibility: z.array(EligibilityResultSchema),
  /** Hard eligibility that is unmet, whatever the score. */
  blockers: z.array(z.string()),
  /** Version of the skill list that produced the report. */
  skillListVersion: z.number().int(),
});
export type MatchReport = z.infer<typeof MatchReportSchema>;
