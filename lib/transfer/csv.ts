import { localDay } from '../date';
import type { JobLensDb } from '../store/db';
import { programOfJob } from '../store/limit';
import type { JobRecord } from '../store/schema';

/**
 * The program the job counts against, by the name the popup gives it: the same one the limit
 * counts (the user's correction first, else the posting's), empty for a job in no program.
 */
function programOf(job: JobRecord): string | null {
  return programOfJob(job)?.label ?? null;
}

/** Days on the user's own calendar, not UTC instants: what a person compares with their diary. */
const day = (instant: string | null) => (instant ? localDay(instant) : null);

/**
 * The jobs as CSV for spreadsheets (RFC 4180: comma separated, CRLF line ends, fields with a
 * comma, quote or line break quoted, quotes doubled). Cells come from web pages and from the
 * user, so a cell that a spreadsheet would run as a formula is defused with a leading apostrophe.
 */

interface Column {
  header: string;
  value: (job: JobRecord) => string | number | null;
}

const COLUMNS: readonly Column[] = [
  { header: 'jobId', value: (j) => j.jobId },
  { header: 'site', value: (j) => j.site },
  { header: 'title', value: (j) => j.title },
  { header: 'status', value: (j) => j.status },
  { header: 'appliedOn', value: (j) => day(j.appliedAt) },
  // From the stored match summary; empty when there is none (no profile yet).
  { header: 'eligible', value: (j) => (j.match ? (j.match.eligible ? 'yes' : 'no') : null) },
  { header: 'score', value: (j) => j.match?.score ?? null },
  { header: 'blocker', value: (j) => j.match?.firstBlocker ?? null },
  { header: 'program', value: programOf },
  { header: 'category', value: (j) => j.category },
  { header: 'team', value: (j) => j.team },
  { header: 'locations', value: (j) => j.locations.join('; ') },
  { header: 'employmentType', value: (j) => j.employmentType },
  { header: 'jobCode', value: (j) => j.jobCode },
  { header: 'cohort', value: (j) => j.cohort },
  { header: 'degreeLevels', value: (j) => j.degreeLevels.join('; ') },
  { header: 'applicationLimit', value: (j) => j.applicationLimit?.max ?? null },
  { header: 'firstViewedOn', value: (j) => day(j.firstSeenAt) },
  { header: 'lastViewedOn', value: (j) => day(j.lastSeenAt) },
  { header: 'closedOn', value: (j) => day(j.closedAt ?? null) },
  { header: 'url', value: (j) => j.url },
  { header: 'notes', value: (j) => j.notes },
];

export const CSV_HEADERS = COLUMNS.map((c) => c.header);

/**
 * Characters that make Excel, LibreOffice or Sheets treat a cell as a formula (OWASP list), with
 * their full-width forms, which East Asian input methods type.
 */
const FORMULA_SIGN = /[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Skipped by spreadsheets before the sign: white space, no-break and zero-width spaces, BOM, other format characters. */
const INVISIBLE = /[\s\p{Cf}]/u;

/**
 * Would a spreadsheet run this cell? A tab or CR at the start (OWASP), or a formula sign after
 * any run of white space and invisible characters. One pass over the leading run, no backtracking.
 */
export function looksLikeFormula(text: string): boolean {
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  for (const ch of text) {
    if (FORMULA_SIGN.test(ch)) return true;
    if (!INVISIBLE.test(ch)) return false;
  }
  return false;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && looksLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function jobsToCsv(jobs: readonly JobRecord[]): string {
  const lines = [CSV_HEADERS.map(csvCell).join(',')];
  for (const job of jobs) lines.push(COLUMNS.map((c) => csvCell(c.value(job))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Every job, most recently seen first. */
export async function exportCsv(db: JobLensDb): Promise<string> {
  return jobsToCsv(await db.jobs.orderBy('lastSeenAt').reverse().toArray());
}
