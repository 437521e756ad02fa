/**
 * What the background knows about a job, for the marks on the careers site's own pages. Plain
 * types, free of Zod: the content script imports them (erased at build) and only renders the
 * ready-made texts it is sent, so the wording and the date formatting stay out of its budget.
 */
import type { JobStatus } from '../store/schema';

export interface JobMark {
  jobId: string;
  status: JobStatus;
  appliedAt: string | null;
  score: number | null;
  /** null when nothing could be assessed (e.g. no profile yet). */
  eligible: boolean | null;
  blocker: string | null;
  /** The early-career program the posting counts against, with its places; null when it states no limit. */
  program: { label: string; used: number; limit: number } | null;
}

/** A list mark as the content script draws it. */
export interface MarkView {
  /** The short visible line ("Applied 2 Jun · 82 · Not eligible"). */
  text: string;
  /** The full text alternative, reason included. */
  label: string;
  /** The first blocker, shown on hover and focus; null when there is none. */
  tip: string | null;
  /** "bad" when not eligible or no place left, "warn" at the last place, "" otherwise. */
  tone: '' | 'warn' | 'bad';
}

/** The line under a job page's title. */
export interface LineView {
  /** The job's title as saved: the line goes under the element that shows it. */
  title: string;
  text: string;
  label: string;
  /** What the line expands to in place. */
  details: string[];
  tone: MarkView['tone'];
}

export interface MarksReply {
  views: Record<string, MarkView>;
  /** The line for `lineFor`, when asked and the job is known. */
  line: LineView | null;
  /** The in-page marks setting; false means draw nothing. */
  enabled: boolean;
  /** The job page line was dismissed on the site asked about. */
  lineDismissed: boolean;
  /** The stylesheets of the list mark and the line (see styles.ts). */
  css: { mark: string; line: string };
}

/** One `marks:get` carries at most this many job ids; a longer list goes in several batches. */
export const MAX_IDS_PER_BATCH = 200;
export const MARK_TAG = 'job-lens-mark';
export const LINE_TAG = 'job-lens-line';

/** Where the built marks script sits in the extension, for `scripting.executeScript`. */
export const MARKS_FILE = '/marks.js';
/** Set by the marks script in the tab's isolated world (the page's own scripts cannot see it): it runs once. */
export const MARKS_GLOBAL = '__jobLensMarks';
/**
 * The background to a careers tab (tabs.sendMessage): what the marks show may have changed. The
 * marks script answers `true`, so the background knows which tabs still need the script.
 */
export const MARKS_CHANGED = 'marks:changed';
