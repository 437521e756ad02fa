export { matchPosting, matchLine, buildContext, WEIGHTS, type MatchablePosting, type MatchOptions } from './match';
export {
  MatchReportSchema,
  LineResultSchema,
  EligibilityResultSchema,
  LINE_KINDS,
  type MatchReport,
  type LineResult,
  type EligibilityResult,
  type LineKind,
  type Verdict,
  type Evidence,
} from './report';
export {
  summarizeMatch,
  requirementsLine,
  scoreOfCounts,
  MatchSummarySchema,
  VerdictCountsSchema,
  type MatchSummary,
  type VerdictCounts,
} from './summary';
