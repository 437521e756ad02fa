import { z } from '../zod';
import type { MatchReport, Verdict } from './report';

/**
 * What the list needs of a match report, small enough to keep on every job row: the score, whether
 * a hard blocker rules the job out, and how many lines got each verdict. The background stores it
 * (see lib/store/match-summary.ts) so the popup sorts and filters by it from an index instead of
 * matching every posting when it opens. `profileUpdatedAt` and `day` say what it was computed
 * against: a newer profile or another local day (dates decide some verdicts) makes it stale.
 */

const count = z.number().int().min(0);
const VerdictCountsSchema = z.object({ met: count, partial: count, unmet: count, unknown: count });
export type VerdictCounts = z.infer<typeof VerdictCountsSchema>;

export const MatchSummarySchema = z.object({
  score: z.number().int().min(0).max(100).nullable(),
  /** No hard blocker. */
  eligible: z.boolean(),
  blockerCount: count,
  /** The first blocker's reason, in the matcher's words without where it was read from. */
  firstBlocker: z.string().max(500).nullable(),
  minimum: VerdictCountsSchema,
  preferred: VerdictCountsSchema,
  eligibility: VerdictCountsSchema,
  /** Sort key of "best match first": every eligible job above every blocked one, then by score. */
  rank: z.number().int().min(0),
  /** The profile row's `updatedAt` the summary was computed from. */
  profileUpdatedAt: z.iso.datetime(),
  /** The local calendar day (YYYY-MM-DD) it was computed for. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  skillListVersion: z.number().int(),
});
export type MatchSummary = z.infer<typeof MatchSummarySchema>;

const ELIGIBLE_RANK = 200;

/** Eligible jobs rank 200–301, blocked ones 0–101; a job with no score ranks lowest in its group. */
export function rankOf(eligible: boolean, score: number | null): number {
  return (eligible ? ELIGIBLE_RANK : 0) + (score === null ? 0 : score + 1);
}

/**
 * The matcher names where a blocker was read from after its reason, as a trailing `(minimum: "…")`
 * or `(posting: …)`; a headline says the reason only.
 */
export function blockerReason(blocker: string): string {
  return blocker.replace(/\s*\((?:minimum|preferred|posting):[^]*\)\s*$/, '').trim() || blocker;
}

/** What both summaries read off a report; the stored one and the CLI's are made from this alone. */
type ReportCore = Omit<MatchSummary, 'rank' | 'profileUpdatedAt' | 'day'>;

function coreOf(report: MatchReport): ReportCore {
  const first = report.blockers[0];
  let firstBlocker: string | null = null;
  if (first !== undefined) {
    const reason = blockerReason(first);
    firstBlocker = reason.length > 500 ? `${reason.slice(0, 499)}…` : reason;
  }
  return {
    score: report.score,
    eligible: report.blockers.length === 0,
    blockerCount: report.blockers.length,
    firstBlocker,
    minimum: countVerdicts(report.minimum),
    preferred: countVerdicts(report.preferred),
    eligibility: countVerdicts(report.eligibility),
    skillListVersion: report.skillListVersion,
  };
}

export function summarizeMatch(report: MatchReport, computedFor: { profileUpdatedAt: string; day: string }): MatchSummary {
  const core = coreOf(report);
  return { ...core, rank: rankOf(core.eligible, core.score), profileUpdatedAt: computedFor.profileUpdatedAt, day: computedFor.day };
}

/**
 * Verdict counts in words, in the same terms as the score: only lines that could be checked count
 * (the score leaves unknown lines out), and the unknown ones are said separately, so "100/100"
 * never sits beside "2 of 4". The popup's line and the match CLI's are both this, over their counts.
 */
function countsLine(c: VerdictCounts, noun: string): string {
  const checked = c.met + c.partial + c.unmet;
  const parts: string[] = [];
  if (checked > 0) {
    parts.push(`${c.met} of ${checked} ${noun}${checked === 1 ? '' : 's'} met${c.partial > 0 ? ` (${c.partial} partly)` : ''}`);
  }
  if (c.unknown > 0) parts.push(`${c.unknown} cannot be checked`);
  return parts.join(' · ');
}

/** "N of M minimum requirements met": the minimum lines, as the popup shows them beside the score. */
export function minimumLine(c: VerdictCounts): string {
  return countsLine(c, 'minimum requirement');
}

/**
 * What a list needs of a report, small enough to keep with every saved job: the score, whether
 * anything blocks the candidate, the first blocker's reason, and how many requirements were met.
 *
 * The score is worked out from these counts (`scoreOfCounts`), and `matchPosting` computes its
 * score with the same function, so "Match 100/100" can never sit beside "2 of 4 requirements met":
 * "required" counts the minimum lines and the posting's own requirements (title tags, internship
 * periods, commitment, locations) together, as the score weighs them alike.
 */

const ReportCountsSchema = z.strictObject({
  met: z.number().int().min(0),
  partial: z.number().int().min(0),
  unmet: z.number().int().min(0),
  unknown: z.number().int().min(0),
});

export const ReportSummarySchema = z.strictObject({
  /** 0–100, or null when nothing could be checked (same as the report's). */
  score: z.number().int().min(0).max(100).nullable(),
  /** No hard requirement is unmet. An empty profile is eligible as far as anyone knows. */
  eligible: z.boolean(),
  blockerCount: z.number().int().min(0),
  /** The first blocker in plain words, or null. */
  firstBlocker: z.string().max(500).nullable(),
  /** Minimum lines and the posting's own requirements. */
  required: ReportCountsSchema,
  preferred: ReportCountsSchema,
  skillListVersion: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

/** Weight of a required line (minimum or eligibility) and of a preferred one in the score. */
const SCORE_WEIGHTS = { required: 3, preferred: 1 } as const;

export function countVerdicts(
  lines: readonly { verdict: Verdict }[],
  into: VerdictCounts = { met: 0, partial: 0, unmet: 0, unknown: 0 },
): VerdictCounts {
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

function addCounts(a: VerdictCounts, b: VerdictCounts): VerdictCounts {
  return { met: a.met + b.met, partial: a.partial + b.partial, unmet: a.unmet + b.unmet, unknown: a.unknown + b.unknown };
}

/** The CLI's summary, made from what a saved job keeps (`summarizeMatch`), so the two cannot say different things. */
export function reportSummaryOf(summary: ReportCore): ReportSummary {
  return {
    score: summary.score,
    eligible: summary.eligible,
    blockerCount: summary.blockerCount,
    firstBlocker: summary.firstBlocker,
    required: addCounts(summary.minimum, summary.eligibility),
    preferred: { ...summary.preferred },
    skillListVersion: summary.skillListVersion,
  };
}

export function summarizeReport(report: MatchReport): ReportSummary {
  return reportSummaryOf(coreOf(report));
}

/**
 * "3 of 4 requirements met", the minimum lines and the posting's own requirements together, in
 * the popup's words (`countsLine`): the score is 100 exactly when every checked line is met.
 */
export function requirementsLine(summary: Pick<ReportSummary, 'required'>): string {
  return countsLine(summary.required, 'requirement') || 'No requirement could be checked';
}
