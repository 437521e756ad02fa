import type { ExtractResult } from '../extract/extract';
import type { JobPosting } from '../posting/schema';

/**
 * Whether a reading of a job page is the job at its URL, complete enough to keep. Pages render
 * late, and a client-side navigation changes the URL before the content, so a reading can be the
 * loading shell, the previous job's text, or a body the head does not name yet. The background
 * judges each reading the content script sends; the content script keeps watching until one is
 * ready.
 */

/** The last reading the tab had recorded: its job, and its content's fingerprint. */
export interface LastRead {
  jobId: string;
  fingerprint: string;
}

export type Reading =
  | {
      ready: true;
      posting: JobPosting;
      fingerprint: string;
      /** The tab's last recorded reading was this job with this content: nothing new to record. */
      again: boolean;
    }
  | { ready: false; reason: string };

/**
 * What identifies a page's content, whatever URL it sits under: a hash, since the tab keeps it and
 * sends it back with its next reading. FNV-1a, 32 bits: the comparison is of one tab's readings
 * with each other, so a collision costs at most one reading waited for.
 */
export function contentFingerprint(p: JobPosting): string {
  const text = [p.title, p.jobCode ?? '', p.responsibilities.join('|'), p.minimumQualifications.join('|')].join('\u0000');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length.toString(36)}-${(hash >>> 0).toString(36)}`;
}

/**
 * Judges one reading of the page at job `jobId`. `headTitle` is the job title the document head
 * names (null for a generic one); `last` the tab's last recorded reading, if any.
 */
export function judgeReading(result: ExtractResult, jobId: string, headTitle: string | null, last: LastRead | null): Reading {
  if (!result.ok) return { ready: false, reason: result.reason };
  const { posting } = result;
  if (posting.jobId !== jobId) return { ready: false, reason: `the page reads as job ${posting.jobId}` };
  const fingerprint = contentFingerprint(posting);
  if (last && last.jobId !== jobId && last.fingerprint === fingerprint) return { ready: false, reason: 'still showing the previous job' };
  // The document title already names the new job while the body still shows another.
  const head = headTitle?.toLowerCase();
  const title = posting.title.toLowerCase();
  if (head && !head.includes(title) && !title.includes(head))
    return { ready: false, reason: 'the head and the body name different titles' };
  // Labels render before the body on slow loads: wait for at least one section.
  if (posting.responsibilities.length === 0 && posting.minimumQualifications.length === 0 && !posting.description) {
    return { ready: false, reason: 'no sections yet' };
  }
  return { ready: true, posting, fingerprint, again: last?.jobId === jobId && last.fingerprint === fingerprint };
}
