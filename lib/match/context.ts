import type { JobPosting } from '../posting/schema';
import type { Profile } from '../profile/schema';
import type { SkillIndex } from '../skills/lookup';
import type { Window } from './availability';
import type { Day } from './dates';
import type { Evidence, LineKind, Verdict } from './report';
import type { SkillHoldings } from './skills';

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

/** Posting facts the line assessors may use; all optional so single lines can be assessed alone. */
export interface PostingFacts {
  locations: string[];
  onsiteDaysPerWeek: number | null;
  /** Last day of the latest internship period, for "return to school after the internship". */
  internshipEnd: Day | null;
  cohortYear: number | null;
  /** The posting's internship periods as date windows. */
  windows: Window[];
}

export interface MatchContext {
  now: Date;
  today: Day;
  /** Month index (year*12 + month-1) of `now`. */
  thisMonth: number;
  /** Year for month ranges and seasons written without one. */
  defaultYear: number;
  posting: PostingFacts;
  profile: Profile;
  skills: SkillHoldings;
  index: SkillIndex;
  /** Everything besides the line and the profile that a line's assessment depends on. */
  key: string;
}

export function emptyEvidence(): Evidence {
  return { matched: [], missing: [], notes: [] };
}

export function aspect(kind: LineKind, verdict: Verdict, evidence: Evidence, hard = false, reason?: string): Aspect {
  return reason === undefined ? { kind, verdict, evidence, hard } : { kind, verdict, evidence, hard, reason };
}

export type PostingInput = Pick<
  JobPosting,
  'locations' | 'onsiteDaysPerWeek' | 'internshipPeriods' | 'cohort' | 'startDates' | 'commitment'
>;
