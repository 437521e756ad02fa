import type { LimitState } from '../limit/limit';
import { matchPosting } from '../match';
import type { Profile } from '../profile/schema';
import { loadProfile } from '../profile/store';
import type { JobLensDb } from '../store/db';
import { loadLimitState } from '../store/limit';
import type { JobRecord } from '../store/schema';
import { lineView, markView } from './text';
import type { JobMark, LineView, MarkView } from './types';

/**
 * The marks of the jobs a page shows, from the job rows: one bulkGet, one profile read and one
 * limit computation per batch. Jobs without a row (never opened) get no mark: Job Lens cannot
 * know what they ask for.
 */

export type MatchPart = Pick<JobMark, 'score' | 'eligible' | 'blocker'>;

/** The summary a row may carry once the match is stored with it; read defensively until then. */
interface StoredMatch {
  score: number | null;
  eligible: boolean;
  firstBlocker: string | null;
}

function storedMatch(row: JobRecord): StoredMatch | null {
  const m = (row as { match?: unknown }).match;
  if (typeof m !== 'object' || m === null) return null;
  const { score, eligible, firstBlocker } = m as Record<string, unknown>;
  if (typeof eligible !== 'boolean') return null;
  return {
    score: typeof score === 'number' ? score : null,
    eligible,
    firstBlocker: typeof firstBlocker === 'string' ? firstBlocker : null,
  };
}

/**
 * Score, eligibility and first blocker of one job: the stored summary when the row has one, else
 * the matcher run against the profile. Without a profile nothing is claimed either way.
 */
export function matchPart(row: JobRecord, profile: Profile | null, now: Date): MatchPart {
  const stored = storedMatch(row);
  if (stored) return { score: stored.score, eligible: stored.eligible, blocker: stored.firstBlocker };
  if (!profile) return { score: null, eligible: null, blocker: null };
  const report = matchPosting(row, profile, now);
  if (report.blockers.length > 0) return { score: report.score, eligible: false, blocker: report.blockers[0]! };
  return { score: report.score, eligible: report.score === null ? null : true, blocker: null };
}

/**
 * The program a posting counts against, with the places used. Today the limit is one count over
 * every posting that states it, so every such posting shares it.
 */
export function programPart(row: JobRecord, limit: LimitState): JobMark['program'] {
  if (!row.applicationLimit || limit.limit === null) return null;
  return { label: 'Early Careers', used: limit.used, limit: limit.limit };
}

export function markOf(row: JobRecord, profile: Profile | null, limit: LimitState, now: Date): JobMark {
  return {
    jobId: row.jobId,
    status: row.status,
    appliedAt: row.appliedAt,
    ...matchPart(row, profile, now),
    program: programPart(row, limit),
  };
}

export interface MarksResult {
  marks: Record<string, JobMark>;
  views: Record<string, MarkView>;
  line: LineView | null;
}

export async function marksFor(db: JobLensDb, jobIds: readonly string[], now: Date, lineFor?: string): Promise<MarksResult> {
  const ids = lineFor && !jobIds.includes(lineFor) ? [...jobIds, lineFor] : [...jobIds];
  const marks: Record<string, JobMark> = {};
  const views: Record<string, MarkView> = {};
  const rows = (await db.jobs.bulkGet(ids)).filter((row): row is JobRecord => row !== undefined);
  if (rows.length === 0) return { marks, views, line: null };
  const [loaded, limit] = await Promise.all([loadProfile(db), loadLimitState(db, now)]);
  const profile = loaded.ok ? loaded.profile : null;
  let line: LineView | null = null;
  for (const row of rows) {
    const mark = markOf(row, profile, limit, now);
    if (row.jobId === lineFor) line = lineView(mark, row.title, now);
    if (!jobIds.includes(row.jobId)) continue;
    marks[row.jobId] = mark;
    views[row.jobId] = markView(mark, now);
  }
  return { marks, views, line };
}
