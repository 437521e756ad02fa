/**
 * Runs `check` each time the page's DOM has been quiet for `settleMs`, until it returns true or
 * `maxWaitMs` has passed: the careers site is a single-page app whose pages (the confirmation, the
 * history list, a dialog on the form) render a moment after the URL changes. The same rule as the
 * job-page watcher, for pages that are not a posting. Dependencies come in as parameters so unit
 * tests drive it with fake timers.
 */
export interface SettleDeps {
  /** Calls back on DOM changes; returns a function that stops observing. */
  observe: (onChange: () => void) => () => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

export interface SettleOptions {
  settleMs?: number;
  /** `Infinity` watches for as long as the page stays (a dialog can come minutes later). */
  maxWaitMs?: number;
}

/** Starts watching; the returned function stops it. */
export function watchUntil(deps: SettleDeps, check: () => boolean, { settleMs = 300, maxWaitMs = 15_000 }: SettleOptions = {}): () => void {
  let timer: number | null = null;
  let deadline: number | null = null;
  let stopObserving: (() => void) | null = null;
  let done = false;
  const stop = () => {
    done = true;
    stopObserving?.();
    stopObserving = null;
    if (timer !== null) deps.clearTimeout(timer);
    if (deadline !== null) deps.clearTimeout(deadline);
    timer = deadline = null;
  };
  const attempt = () => {
    timer = null;
    if (!done && check()) stop();
  };
  const schedule = () => {
    if (done) return;
    if (timer !== null) deps.clearTimeout(timer);
    timer = deps.setTimeout(attempt, settleMs);
  };
  stopObserving = deps.observe(schedule);
  if (Number.isFinite(maxWaitMs)) deadline = deps.setTimeout(stop, maxWaitMs);
  // A full load usually has the content already; still let it settle once.
  schedule();
  return stop;
}
