import { z } from 'zod';
import type { MatchReport, Verdict } from './report';

/**
 * What a list needs of a report, small enough to keep with every saved job: the score, whether
 * anything blocks the candidate, the first blocker's reason, and how many requirements were met.
 *
 * The score is worked out from these counts (`scoreOfCounts`), and `matchPosting` computes its
 * score with the same function, so "Match 100/100" can never sit beside "2 of 4 requirements met":
 * "required" counts the minimum lines and the posting's own requirements (title tags, internship
 * periods, commitment, locations) together, as the score weighs them alike.
 */

export const VerdictCountsSchema = z.strictObject({
  met: z.number().int().min(0),
  partial: z.number().int().min(0),
  unmet: z.number().int().min(0),
  unknown: z.number().int().min(0),
});
export type VerdictCounts = z.infer<typeof VerdictCountsSchema>;

export const MatchSummarySchema = z.strictObject({
  /** 0–100, or null when nothing could be checked (same as the report's). */
  score: z.number().int().min(0).max(100).nullable(),
  /** No hard requirement is unmet. An empty profile is eligible as far as anyone knows. */
  eligible: z.boolean(),
  blockerCount: z.number().int().min(0),
  /** The first blocker in plain words, or null. */
  firstBlocker: z.string().max(500).nullable(),
  /** Minimum lines and the posting's own requirements. */
  required: VerdictCountsSchema,
  preferred: VerdictCountsSchema,
  skillListVersion: z.number().int(),
});
export type MatchSummary = z.infer<typeof MatchSummarySchema>;

/** Weight of a required line (minimum or eligibility) and of a preferred one in the score. */
export const SCORE_WEIGHTS = { required: 3, preferred: 1 } as const;

export function countVerdicts(lines: readonly { verdict: Verdict }[], into: VerdictCounts = { met: 0, partial: 0, unmet: 0, unknown: 0 }): VerdictCounts {
  for (const { verdict } of lines) into[verdict]++;
  return into;
}

/** 100 × Σ weight × value / Σ weight over the lines that could be checked (met 1, partial ½, unmet 0). */
export function scoreOfCounts(required: VerdictCounts, preferred: VerdictCounts): number | null {
  const known = (c: VerdictCounts) => c.met + c.partial + c.unmet;
  const got = (c: VerdictCounts) => c.met + c.partial / 2;
  const total = SCORE_WEIGHTS.required * known(required) + SCORE_WEIGHTS.preferred * known(preferred);
  if (total === 0) return null;
  return Math.round((100 * (SCORE_WEIGHTS.required * got(required) + SCORE_WEIGHTS.preferred * got(preferred))) / total);
}

export function summarizeMatch(report: MatchReport): MatchSummary {
  const required = countVerdicts(report.eligibility, countVerdicts(report.minimum));
  const preferred = countVerdicts(report.preferred);
  const first = report.blockers[0] ?? null;
  return {
    score: scoreOfCounts(required, preferred),
    eligible: report.blockers.length === 0,
    blockerCount: report.blockers.length,
    firstBlocker: first === null ? null : first.length > 500 ? `${first.slice(0, 499)}…` : first,
    required,
    preferred,
    skillListVersion: report.skillListVersion,
  };
}

/**
 * "3 of 4 requirements met" counting only what could be checked, with what could not said apart:
 * the score is 100 exactly when every checked line is met.
 */
export function requirementsLine(summary: Pick<MatchSummary, 'required'>): string {
  const { met, partial, unmet, unknown } = summary.required;
  const checked = met + partial + unmet;
  const parts = [checked === 0 ? 'No requirement could be checked' : `${met} of ${checked} checked requirement${checked === 1 ? '' : 's'} met`];
  if (partial) parts.push(`${partial} partly`);
  if (unknown) parts.push(`${unknown} not checkable from a profile`);
  return parts.join(' · ');
}
