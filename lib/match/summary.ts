import { z } from 'zod';
import type { MatchReport, Verdict } from './report';

/**
 * What the list needs of a match report, small enough to keep on every job row: the score, whether
 * a hard blocker rules the job out, and how many lines got each verdict. The background stores it
 * (see lib/store/match-summary.ts) so the popup sorts and filters by it from an index instead of
 * matching every posting when it opens. `profileUpdatedAt` and `day` say what it was computed
 * against: a newer profile or another local day (dates decide some verdicts) makes it stale.
 */

const count = z.number().int().min(0);
export const VerdictCountsSchema = z.object({ met: count, partial: count, unmet: count, unknown: count });
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

function counts(lines: readonly { verdict: Verdict }[]): VerdictCounts {
  const c: VerdictCounts = { met: 0, partial: 0, unmet: 0, unknown: 0 };
  for (const line of lines) c[line.verdict] += 1;
  return c;
}

/**
 * The matcher names where a blocker was read from after its reason, as a trailing `(minimum: "…")`
 * or `(posting: …)`; a headline says the reason only.
 */
export function blockerReason(blocker: string): string {
  return blocker.replace(/\s*\((?:minimum|preferred|posting):[^]*\)\s*$/, '').trim() || blocker;
}

export function summarizeMatch(report: MatchReport, computedFor: { profileUpdatedAt: string; day: string }): MatchSummary {
  const eligible = report.blockers.length === 0;
  const first = report.blockers[0];
  return {
    score: report.score,
    eligible,
    blockerCount: report.blockers.length,
    firstBlocker: first === undefined ? null : blockerReason(first).slice(0, 500),
    minimum: counts(report.minimum),
    preferred: counts(report.preferred),
    eligibility: counts(report.eligibility),
    rank: rankOf(eligible, report.score),
    profileUpdatedAt: computedFor.profileUpdatedAt,
    day: computedFor.day,
    skillListVersion: report.skillListVersion,
  };
}

/**
 * "N of M minimum requirements met" in the same terms as the score: only lines that could be
 * checked count (the score leaves unknown lines out), and the unknown ones are said separately,
 * so "100/100" never sits beside "2 of 4".
 */
export function minimumLine(c: VerdictCounts): string {
  const checked = c.met + c.partial + c.unmet;
  const parts: string[] = [];
  if (checked > 0) {
    parts.push(`${c.met} of ${checked} minimum requirements met${c.partial > 0 ? ` (${c.partial} partly)` : ''}`);
  }
  if (c.unknown > 0) parts.push(`${c.unknown} cannot be checked`);
  return parts.join(' · ');
}
