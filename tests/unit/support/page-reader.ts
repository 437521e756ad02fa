import { judgeReading } from '../../../lib/capture/readiness';
import type { WatcherDeps } from '../../../lib/capture/watcher';
import { extractFromPage } from '../../../lib/extract/extract';
import { headTitleOf } from '../../../lib/extract/header';
import { readPage } from '../../../lib/extract/page';
import type { JobPosting } from '../../../lib/posting/schema';

/**
 * The watcher's `read` as the extension wires it, without the messaging: the content script's
 * reading of `doc`, judged as the background's `page:read` handler judges it, under the tab's
 * address `url()`. A ready reading that is new goes to `record`.
 */
export function readsLikeTheBackground(
  doc: () => Document,
  url: () => URL,
  now: Date,
  record: (posting: JobPosting) => void,
): WatcherDeps['read'] {
  return async (jobId, last) => {
    const page = readPage(doc());
    const reading = judgeReading(extractFromPage(page, url(), now), jobId, headTitleOf(page), last);
    if (!reading.ready) return { ready: false, reason: reading.reason };
    if (!reading.again) record(reading.posting);
    return { ready: true, fingerprint: reading.fingerprint };
  };
}
