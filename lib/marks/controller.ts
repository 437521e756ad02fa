import { findCards, titleElement } from './cards';
import { paintLine, paintMark, removeAll } from './render';
import { LINE_TAG, MARK_TAG, MAX_IDS_PER_BATCH, type MarksReply, type MarkView } from './types';

/**
 * Keeps the marks in step with a careers page whose app re-renders, pages and filters its lists.
 * One MutationObserver; its records are coalesced into one pass per `batchMs` (changes that are
 * only our own marks are ignored, so drawing never triggers another pass), each pass asks the
 * background once for at most MAX_IDS_PER_BATCH ids it has not asked about, and answers are
 * cached until `refresh()` (a change to the jobs or the setting). The first change after a quiet
 * spell is drawn from that cache at once, in the observer's callback: the marks then go in
 * before the browser styles and lays out the page's own render, which costs one layout instead
 * of a second one of the whole list a batch later. Nothing runs while the page is still.
 * Dependencies come in as parameters, so unit tests drive it with fake timers.
 */

export interface MarksDeps {
  doc: Document;
  url: () => URL;
  fetch: (jobIds: string[], lineFor: string | undefined) => Promise<MarksReply>;
  observe: (onChange: (records: MutationRecord[]) => void) => () => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** The job page line's buttons. */
  openPopup: () => Promise<boolean>;
  dismissLine: () => void;
}

export const BATCH_MS = 120;
const MAX_LINE_TRIES = 8;
/** Marks kept for reuse: a few pages of a long list; beyond that they are built again. */
const MAX_KEPT = 1000;

const ours = (n: Node) => n.nodeName === 'JOB-LENS-MARK' || n.nodeName === 'JOB-LENS-LINE';

/**
 * True when a change could have added or replaced job cards (not just our own drawing). Indexed
 * reads: every mark drawn is a record of its own, and a NodeList's iterator costs more per node.
 */
export function isPageChange(r: MutationRecord): boolean {
  if (r.type !== 'childList') return true;
  for (const list of [r.addedNodes, r.removedNodes]) for (let i = 0; i < list.length; i++) if (!ours(list[i]!)) return true;
  return false;
}

/**
 * Shows a card's blocker tooltip while keyboard focus is on the card, as hovering the mark does.
 * The marker attribute carries no data: the page may see it, not what the mark says.
 */
export function trackFocus(doc: Document): void {
  const toggle = (e: Event, on: boolean) => (e.target as Element).closest?.('a')?.querySelector(MARK_TAG)?.toggleAttribute('focus', on);
  doc.addEventListener('focusin', (e) => toggle(e, true));
  doc.addEventListener('focusout', (e) => toggle(e, false));
}

export interface PageMarks {
  start(): void;
  /** The job page whose line to show under its title (null off job pages). */
  setJob(jobId: string | null): void;
  /** Forget every answer and draw again: a status or the setting changed. */
  refresh(): void;
  stop(): void;
  /** Background calls made so far (tests, benchmark). */
  requests(): number;
}

// A closure rather than a class: its names minify, and this runs on every careers page.
export function createPageMarks(d: MarksDeps): PageMarks {
  const views = new Map<string, MarkView | null>();
  /** The mark last drawn for each job, for the next re-render to move rather than rebuild. */
  const drawnFor = new Map<string, Element>();
  const paint = (card: Element, id: string, view: MarkView | null, style: string) => {
    const mark = paintMark(d.doc, card, view, style, drawnFor.get(id));
    if (mark) {
      if (drawnFor.size >= MAX_KEPT) drawnFor.clear();
      drawnFor.set(id, mark);
    }
  };
  let css: MarksReply['css'] | null = null;
  let timer: number | null = null;
  let unobserve: (() => void) | null = null;
  let running = false;
  let again = false;
  let job: string | null = null;
  let lineShown = false;
  /** Asks for the line while the page's title is not found: bounded, the page may never show it. */
  let lineTries = 0;
  let requests = 0;

  const schedule = (ms: number) => {
    if (timer !== null) return;
    timer = d.setTimeout(() => {
      timer = null;
      void pass();
    }, ms);
  };

  /** Set for BATCH_MS after a drawing from the cache, so that a busy page gets the batched passes only. */
  let cooling: number | null = null;

  const onChange = () => {
    if (timer !== null || running || cooling !== null || !css) return schedule(BATCH_MS);
    cooling = d.setTimeout(() => {
      cooling = null;
    }, BATCH_MS);
    void pass(true);
  };

  const start = () => {
    unobserve ??= d.observe((records) => {
      if (records.some(isPageChange)) onChange();
    });
    schedule(0);
  };

  const stop = () => {
    unobserve?.();
    unobserve = null;
    if (timer !== null) d.clearTimeout(timer);
    if (cooling !== null) d.clearTimeout(cooling);
    timer = cooling = null;
    drawnFor.clear();
    removeAll(d.doc, MARK_TAG);
    removeAll(d.doc, LINE_TAG);
  };

  /**
   * One pass: find the cards, ask about the new ones, draw. Never two at once. A pass `fromCache`
   * asks nothing: it draws the cards whose answers it has, synchronously, and leaves the rest
   * (and the job page line) to a batched pass.
   */
  const pass = async (fromCache = false): Promise<void> => {
    if (running) return void (again = true);
    running = true;
    try {
      const { doc } = d;
      const current = job;
      const cards = findCards(doc, d.url(), current ?? undefined);
      const ask: string[] = [];
      for (const id of cards.keys()) if (!views.has(id) && ask.push(id) >= MAX_IDS_PER_BATCH) break;
      const lineFor = current && !lineShown && lineTries < MAX_LINE_TRIES ? current : undefined;
      if (fromCache && (ask.length > 0 || lineFor)) {
        again = true;
        if (css) for (const [id, card] of cards) if (views.has(id)) paint(card, id, views.get(id)!, css.mark);
        return;
      }
      if (ask.length > 0 || lineFor) {
        requests++;
        const reply = await d.fetch(ask, lineFor);
        if (!reply.enabled) return stop();
        css = reply.css;
        for (const id of ask) views.set(id, reply.views[id] ?? null);
        const line = lineFor && !reply.lineDismissed ? reply.line : null;
        const title = line && titleElement(doc, line.title);
        if (title && job === current) paintLine(doc, title, line, { open: d.openPopup, dismiss: d.dismissLine }, css.line);
        if (lineFor) {
          lineTries++;
          lineShown = !!title || !line;
        }
      }
      if (css) for (const [id, card] of cards) paint(card, id, views.get(id) ?? null, css.mark);
      for (const id of cards.keys()) if (!views.has(id)) again = true;
    } catch {
      // The background may be restarting; the next change tries again.
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule(BATCH_MS);
      }
    }
  };

  return {
    start,
    setJob(next) {
      job = next;
      lineShown = false;
      lineTries = 0;
      removeAll(d.doc, LINE_TAG);
      start();
    },
    refresh() {
      views.clear();
      lineShown = false;
      lineTries = 0;
      start();
    },
    stop,
    requests: () => requests,
  };
}
