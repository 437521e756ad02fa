import type { LimitState } from '../limit/limit';
import type { JobLensDb } from '../store/db';
import { countForJob, loadLimitState } from '../store/limit';
import type { JobRecord } from '../store/schema';
import { lineView, markView } from './text';
import type { JobMark, LineView, MarkView } from './types';

/**
 * The marks of the jobs a page shows, from the job rows: one bulkGet and one limit computation per
 * batch. Score and first blocker are the match summary stored with each row (kept fresh by the
 * background), so nothing is matched here. Jobs without a row (never opened) get no mark: Job Lens
 * cannot know what they ask for.
 */

export type MatchPart = Pick<JobMark, 'score' | 'eligible' | 'blocker'>;

/** No summary (no profile yet, or not scored yet): nothing is claimed either way. */
export function matchPart(row: JobRecord): MatchPart {
  const m = row.match;
  if (!m) return { score: null, eligible: null, blocker: null };
  return { score: m.score, eligible: m.eligible, blocker: m.eligible ? null : m.firstBlocker };
}

/** The program the job counts against, with its places as the limit reads them; null for a job in none. */
function programPart(row: JobRecord, limit: LimitState): JobMark['program'] {
  const count = countForJob(limit, row);
  return count && { label: count.program.label, used: count.used, limit: count.limit };
}

function markOf(row: JobRecord, limit: LimitState): JobMark {
  return { jobId: row.jobId, status: row.status, appliedAt: row.appliedAt, ...matchPart(row), program: programPart(row, limit) };
}

export interface MarksResult {
  views: Record<string, MarkView>;
  line: LineView | null;
}

export async function marksFor(db: JobLensDb, jobIds: readonly string[], now: Date, lineFor?: string): Promise<MarksResult> {
  const wanted = new Set(jobIds);
  const ids = lineFor && !wanted.has(lineFor) ? [...jobIds, lineFor] : [...jobIds];
  const views: Record<string, MarkView> = {};
  const rows = (await db.jobs.bulkGet(ids)).filter((row): row is JobRecord => row !== undefined);
  if (rows.length === 0) return { views, line: null };
  const limit = await loadLimitState(db, now);
  let line: LineView | null = null;
  for (const row of rows) {
    const mark = markOf(row, limit);
    if (row.jobId === lineFor) line = lineView(mark, row.title, now);
    if (wanted.has(row.jobId)) views[row.jobId] = markView(mark, now);
  }
  return { views, line };
}
