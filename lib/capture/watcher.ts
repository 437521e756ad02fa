import type { LastRead } from './readiness';

/**
 * Decides when a job page is read. Pages render late (the body of a job arrives after start-up,
 * and a client-side navigation changes the URL before the new content), so the watcher has the
 * page read after DOM changes settle, within a bounded time, until the background finds a reading
 * ready (`judgeReading`). Every dependency comes in as a parameter so the same logic runs in unit
 * tests with fake timers.
 */

/** The background's word on one reading. */
export type ReadAnswer =
  /** Recorded, or nothing new to record (`fingerprint` null: the reading could not be sent). */
  { ready: true; fingerprint: string | null } | { ready: false; reason: string };

export interface WatcherDeps {
  /** Reads the page for job `jobId` and has the background judge it; `last` is this tab's last recorded reading. */
  read: (jobId: string, last: LastRead | null) => Promise<ReadAnswer>;
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

export class PageWatcher {
  private stopObserving: (() => void) | null = null;
  private settleTimer: number | null = null;
  private deadline: number | null = null;
  private lastRead: LastRead | null = null;
  private generation = 0;
  /** A reading is with the background; DOM changes meanwhile ask for another after it. */
  private reading = false;
  private readAgain = false;

  constructor(
    private readonly deps: WatcherDeps,
    private readonly options: WatchOptions = {},
  ) {}

  /** Starts (or restarts, after a navigation) waiting for the job at the current URL. */
  watch(jobId: string): void {
    this.stop();
    const generation = this.generation;
    const { settleMs = DEFAULT_SETTLE_MS, maxWaitMs = DEFAULT_MAX_WAIT_MS } = this.options;
    const attempt = () => {
      if (generation !== this.generation) return;
      this.settleTimer = null;
      if (this.reading) {
        this.readAgain = true;
        return;
      }
      this.reading = true;
      void this.tryRead(jobId).then((done) => {
        if (generation !== this.generation) return;
        this.reading = false;
        if (done) this.stop();
        else if (this.readAgain && this.settleTimer === null) {
          this.readAgain = false;
          attempt();
        }
      });
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

  /** Stops watching; a reading still with the background is then ignored. */
  stop(): void {
    this.generation++;
    this.reading = false;
    this.readAgain = false;
    this.stopObserving?.();
    this.stopObserving = null;
    if (this.settleTimer !== null) this.deps.clearTimeout(this.settleTimer);
    if (this.deadline !== null) this.deps.clearTimeout(this.deadline);
    this.settleTimer = null;
    this.deadline = null;
  }

  /** Has the page read; true when the watcher is done with it (read, or the not-found view). */
  private async tryRead(jobId: string): Promise<boolean> {
    const { deps } = this;
    const answer = await deps.read(jobId, this.lastRead);
    if (answer.ready) {
      if (answer.fingerprint !== null) this.lastRead = { jobId, fingerprint: answer.fingerprint };
      return true;
    }
    if (deps.gone?.()) {
      deps.log?.('the page is the not-found view');
      deps.onGone?.(jobId);
      return true;
    }
    deps.log?.(`not ready: ${answer.reason}`);
    return false;
  }
}
