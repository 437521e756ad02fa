import type { Evidence, LineKind, Verdict } from './report';

/** One checkable part of a line; a line may have several (a degree and a graduation window). */
export interface Aspect {
  kind: LineKind;
  verdict: Verdict;
  evidence: Evidence;
  /** Unmet hard aspects are blockers: the candidate is not eligible, whatever else they meet. */
  hard: boolean;
  /** Short reason shown in the blockers list when a hard aspect is unmet. */
  reason?: string;
}

export function emptyEvidence(): Evidence {
  return { matched: [], missing: [], notes: [] };
}

export function aspect(kind: LineKind, verdict: Verdict, evidence: Evidence, hard = false, reason?: string): Aspect {
  return reason === undefined ? { kind, verdict, evidence, hard } : { kind, verdict, evidence, hard, reason };
}
