export { matchPosting, matchLine } from './match';
export { type MatchReport, type LineResult, type Verdict, type Evidence } from './report';
