import type { ExtractResult } from '../extract/extract';
import type { JobPosting } from '../posting/schema';

/**
 * Decides when a job page is ready to be read and sent. Pages render late (the body of a job
 * arrives after start-up, and a client-side navigation changes the URL before the new content),
 * so the watcher re-reads after DOM changes settle, within a bounded time, and sends only a
 * posting that belongs to the current URL. Every dependency comes in as a parameter so the same
 * logic runs in unit tests with fake timers.
 */

export interface WatcherDeps {
  extract: () => ExtractResult;
  /** The non-generic job title from `<title>`/og:title, if the page has one. */
  headTitle: () => string | null;
  send: (posting: JobPosting) => void;
  /** Calls back on DOM changes; returns a function that stops observing. */
  observe: (onChange: () => void) => () => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  log?: (message: string) => void;
  /** Whether the page shows the site's not-found view (a job taken down). */
  gone?: () => boolean;
  /** Called once when a settled page for `jobId` is the not-found view; the watcher then stops. */
  onGone?: (jobId: string) => void;
  /** Called when the watcher gives up on a page that never became readable. */
  onGiveUp?: (jobId: string) => void;
}

/** How long the DOM must be quiet before a reading is trusted. */
const DEFAULT_SETTLE_MS = 300;
/** After this long without readable content the watcher gives up on the page. */
export const DEFAULT_MAX_WAIT_MS = 15_000;

export interface WatchOptions {
  /** The DOM must be quiet this long before a reading is trusted. */
  settleMs?: number;
  /** Give up waiting for content after this long. */
  maxWaitMs?: number;
}

/** What identifies a page's content, whatever URL it sits under. */
function contentFingerprint(p: JobPosting): string {
  return [p.title, p.jobCode ?? '', p.responsibilities.join('|'), p.minimumQualifications.join('|')].join('\u0000');
}

export class PageWatcher {
  private stopObserving: (() => void) | null = null;
  private settleTimer: number | null = null;
  private deadline: number | null = null;
  private lastSent: { jobId: string; fingerprint: string } | null = null;
  private generation = 0;

  constructor(
    private readonly deps: WatcherDeps,
    private readonly options: WatchOptions = {},
  ) {}

  /** Starts (or restarts, after a navigation) waiting for the job at the current URL. */
  watch(jobId: string): void {
    this.stop();
    const generation = ++this.generation;
    const { settleMs = DEFAULT_SETTLE_MS, maxWaitMs = DEFAULT_MAX_WAIT_MS } = this.options;
    const attempt = () => {
      if (generation !== this.generation) return;
      this.settleTimer = null;
      if (this.tryRead(jobId)) this.stop();
    };
    this.stopObserving = this.deps.observe(() => {
      if (this.settleTimer !== null) this.deps.clearTimeout(this.settleTimer);
      this.settleTimer = this.deps.setTimeout(attempt, settleMs);
    });
    this.deadline = this.deps.setTimeout(() => {
      if (generation !== this.generation) return;
      this.deps.log?.(`gave up waiting for job ${jobId} after ${maxWaitMs} ms`);
      this.stop();
      this.deps.onGiveUp?.(jobId);
    }, maxWaitMs);
    // A full load usually has the content already; still let it settle once.
    this.settleTimer = this.deps.setTimeout(attempt, settleMs);
  }

  stop(): void {
    this.stopObserving?.();
    this.stopObserving = null;
    if (this.settleTimer !== null) this.deps.clearTimeout(this.settleTimer);
    if (this.deadline !== null) this.deps.clearTimeout(this.deadline);
    this.settleTimer = null;
    this.deadline = null;
  }

  /** Reads the page; sends and returns true when it holds a complete posting for `jobId`. */
  private tryRead(jobId: string): boolean {
    const { deps, lastSent } = this;
    const result = deps.extract();
    const notReady = (why: string) => {
      deps.log?.(`not ready: ${why}`);
      return false;
    };
    if (!result.ok) {
      if (deps.gone?.()) {
        deps.log?.('the page is the not-found view');
        deps.onGone?.(jobId);
        return true;
      }
      return notReady(result.reason);
    }
    const posting = result.posting;
    if (posting.jobId !== jobId) return false;
    // The previous job's content still on screen under the new URL.
    const fingerprint = contentFingerprint(posting);
    if (lastSent && lastSent.jobId !== jobId && lastSent.fingerprint === fingerprint) return notReady('still showing the previous job');
    // The document title already names the new job while the body still shows another.
    const head = deps.headTitle()?.toLowerCase();
    const title = posting.title.toLowerCase();
    if (head && !head.includes(title) && !title.includes(head)) return notReady('the head and the body name different titles');
    // Labels render before the body on slow loads: wait for at least one section.
    if (posting.responsibilities.length === 0 && posting.minimumQualifications.length === 0 && !posting.description) {
      return notReady('no sections yet');
    }
    if (lastSent?.jobId === jobId && lastSent.fingerprint === fingerprint) return true;
    this.lastSent = { jobId, fingerprint };
    deps.send(posting);
    return true;
  }
}
