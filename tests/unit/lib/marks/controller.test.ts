// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS, createPageMarks, isPageChange, trackFocus, type MarksDeps, type PageMarks } from '../../../../lib/marks/controller';
import { MARK_STYLES } from '../../../../lib/marks/styles';
import { LINE_TAG, MARK_TAG, type MarksReply, type MarkView } from '../../../../lib/marks/types';

const id = (i: number) => `74${String(i).padStart(17, '0')}`;
const cardHtml = (i: number) => `<a href="/search/${id(i)}"><div>Job ${i}</div><div>San Jose</div></a>`;

/**
 * Every controller a test made. Each still observing after its test (one that failed before its
 * own `stop()`) would draw into the next test's page and fail it too; afterEach stops them all.
 */
const live: PageMarks[] = [];

function setUp(count: number, known: (jobId: string) => boolean, enabled = () => true, said = (jobId: string) => `Seen ${jobId}`) {
  window.history.replaceState({}, '', '/');
  document.body.innerHTML = `<main><a href="/search">Jobs</a><div id="list">${Array.from({ length: count }, (_, i) => cardHtml(i + 1)).join('')}</div></main>`;
  const asked: string[][] = [];
  const deps: MarksDeps = {
    doc: document,
    url: () => new URL('https://lifeattiktok.com/search?keyword=x'),
    fetch: async (jobIds) => {
      asked.push(jobIds);
      const views: Record<string, MarkView> = {};
      for (const j of jobIds) if (known(j)) views[j] = { text: said(j), label: `Job Lens: ${said(j)}`, tip: null, tone: '' };
      return { views, line: null, enabled: enabled(), lineDismissed: false, css: MARK_STYLES } satisfies MarksReply;
    },
    observe: (onChange) => {
      const o = new MutationObserver(onChange);
      o.observe(document.documentElement, { childList: true, subtree: true, attributeFilter: ['href'] });
      return () => o.disconnect();
    },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms) as unknown as number,
    clearTimeout: (t) => window.clearTimeout(t),
    openPopup: async () => false,
    dismissLine: () => {},
  };
  const marks = createPageMarks(deps);
  live.push(marks);
  return { marks, asked };
}

const markedIds = () =>
  Array.from(document.querySelectorAll(MARK_TAG)).map((m) => m.closest('a')!.getAttribute('href')!.slice('/search/'.length));

async function settle() {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(BATCH_MS + 1);
}

describe('page marks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const marks of live.splice(0)) marks.stop();
    vi.useRealTimers();
  });

  it('marks the cards of known jobs only, inside the card title, asking once for the visible ids', async () => {
    const { marks, asked } = setUp(12, (j) => j === id(2) || j === id(7));
    marks.start();
    await settle();
    expect(asked).toEqual([Array.from({ length: 12 }, (_, i) => id(i + 1))]);
    expect(markedIds()).toEqual([id(2), id(7)]);
    const host = document.querySelector(MARK_TAG)!;
    expect(host.parentElement!.textContent).toBe('Job 2');
    // Closed: the page cannot read what the mark says.
    expect(host.shadowRoot).toBeNull();
    marks.stop();
  });

  it('asks in batches of at most 200 ids, one message per batch', async () => {
    const { marks, asked } = setUp(450, () => true);
    marks.start();
    await settle();
    expect(asked.map((a) => a.length)).toEqual([200, 200, 50]);
    expect(markedIds()).toHaveLength(450);
    marks.stop();
  });

  it('does nothing while the page is still, and drawing its own marks does not wake it', async () => {
    const { marks, asked } = setUp(5, () => true);
    marks.start();
    await settle();
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked).toHaveLength(1);
    marks.stop();
  });

  it('follows a re-render that replaces the cards, asking only about ids it has not seen', async () => {
    const { marks, asked } = setUp(3, (j) => j !== id(2));
    marks.start();
    await settle();
    const list = document.getElementById('list')!;
    // The app renders the same three cards again, plus a fourth, as new nodes.
    list.innerHTML = [1, 2, 3, 4].map(cardHtml).join('');
    await settle();
    expect(asked).toEqual([[id(1), id(2), id(3)], [id(4)]]);
    expect(markedIds()).toEqual([id(1), id(3), id(4)]);
    // A reused card whose link now points at another job gets that job's mark.
    list.querySelector('a')!.setAttribute('href', `/search/${id(2)}`);
    await settle();
    expect(markedIds()).toEqual([id(3), id(4)]);
    marks.stop();
  });

  it('moves the marks a re-render dropped into the new cards, and builds one only when its text changed', async () => {
    let status = 'Seen';
    const { marks } = setUp(
      3,
      (j) => j !== id(2),
      () => true,
      (j) => `${status} ${j}`,
    );
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    marks.start();
    await settle();
    expect(attach).toHaveBeenCalledTimes(2);
    const before = Array.from(document.querySelectorAll(MARK_TAG));
    const list = document.getElementById('list')!;
    list.innerHTML = [3, 2, 1].map(cardHtml).join('');
    await settle();
    // The same two hosts, now in the new cards, in the new order; nothing built again.
    expect(markedIds()).toEqual([id(3), id(1)]);
    expect(Array.from(document.querySelectorAll(MARK_TAG))).toEqual([before[1], before[0]]);
    expect(document.querySelector(MARK_TAG)!.parentElement!.textContent).toBe('Job 3');
    expect(attach).toHaveBeenCalledTimes(2);
    // A status change: the marks say something else, so they are built anew, and a re-render
    // after it moves those, never the stale ones.
    status = 'Saved';
    marks.refresh();
    await settle();
    expect(attach).toHaveBeenCalledTimes(4);
    const saved = Array.from(document.querySelectorAll(MARK_TAG));
    expect(saved).not.toContain(before[0]);
    list.innerHTML = [1, 3].map(cardHtml).join('');
    await settle();
    expect(markedIds()).toEqual([id(1), id(3)]);
    expect(Array.from(document.querySelectorAll(MARK_TAG))).toEqual([saved[1], saved[0]]);
    expect(attach).toHaveBeenCalledTimes(4);
    attach.mockRestore();
    marks.stop();
  });

  it('draws a re-render of known cards in the observer callback, before any timer, and batches a busy page', async () => {
    const { marks, asked } = setUp(3, (j) => j !== id(2));
    marks.start();
    await settle();
    const list = document.getElementById('list')!;
    // The app replaces the cards with new nodes for the same jobs: the answers are cached.
    list.innerHTML = [1, 2, 3].map(cardHtml).join('');
    // The observer's callback runs as a microtask; no timer has fired yet.
    await Promise.resolve();
    await Promise.resolve();
    expect(markedIds()).toEqual([id(1), id(3)]);
    // Another render right after it waits for the batch, drawn then.
    list.innerHTML = [3, 1].map(cardHtml).join('');
    await Promise.resolve();
    await Promise.resolve();
    expect(markedIds()).toEqual([]);
    await settle();
    expect(markedIds()).toEqual([id(3), id(1)]);
    // A card it has not asked about is asked about in the batch; the known ones are drawn at once.
    await vi.advanceTimersByTimeAsync(BATCH_MS * 3);
    list.innerHTML = [1, 4].map(cardHtml).join('');
    await Promise.resolve();
    await Promise.resolve();
    expect(markedIds()).toEqual([id(1)]);
    expect(asked).toHaveLength(1);
    await settle();
    expect(asked).toEqual([[id(1), id(2), id(3)], [id(4)]]);
    expect(markedIds()).toEqual([id(1), id(4)]);
    marks.stop();
  });

  it('coalesces a burst of changes into one pass', async () => {
    const { marks, asked } = setUp(1, () => true);
    marks.start();
    await settle();
    const list = document.getElementById('list')!;
    for (let i = 2; i <= 30; i++) list.insertAdjacentHTML('beforeend', cardHtml(i));
    await settle();
    expect(asked).toHaveLength(2);
    expect(asked[1]).toHaveLength(29);
    marks.stop();
  });

  it('asks again after refresh, and removes every mark and stops observing when marks are off', async () => {
    let on = true;
    const { marks, asked } = setUp(
      4,
      () => true,
      () => on,
    );
    marks.start();
    await settle();
    expect(markedIds()).toHaveLength(4);
    on = false;
    marks.refresh();
    await settle();
    expect(asked).toHaveLength(2);
    expect(markedIds()).toEqual([]);
    document.getElementById('list')!.insertAdjacentHTML('beforeend', cardHtml(9));
    await settle();
    expect(asked).toHaveLength(2);
  });

  it('tells our own drawing from the page changing', () => {
    const mark = document.createElement(MARK_TAG);
    const div = document.createElement('div');
    const record = (added: Node[]) => ({ type: 'childList', addedNodes: added, removedNodes: [] }) as unknown as MutationRecord;
    const line = document.createElement(LINE_TAG);
    const removed = (nodes: Node[]) => ({ type: 'childList', addedNodes: [], removedNodes: nodes }) as unknown as MutationRecord;
    expect(isPageChange(record([mark]))).toBe(false);
    expect(isPageChange(record([mark, line]))).toBe(false);
    expect(isPageChange(removed([line, mark]))).toBe(false);
    expect(isPageChange(record([mark, div]))).toBe(true);
    expect(isPageChange(removed([mark, div]))).toBe(true);
    // A text node has no name: the page's, never ours.
    expect(isPageChange(record([document.createTextNode('job-lens-mark')]))).toBe(true);
    expect(isPageChange({ type: 'attributes' } as MutationRecord)).toBe(true);
  });

  it('shows the tooltip while keyboard focus is on a marked card, by a data-free attribute on the host', async () => {
    const { marks } = setUp(2, () => true);
    marks.start();
    await settle();
    trackFocus(document);
    const [first, second] = Array.from(document.querySelectorAll<HTMLAnchorElement>('#list a'));
    first!.focus();
    expect(first!.querySelector(MARK_TAG)!.hasAttribute('focus')).toBe(true);
    second!.focus();
    expect(first!.querySelector(MARK_TAG)!.hasAttribute('focus')).toBe(false);
    expect(second!.querySelector(MARK_TAG)!.hasAttribute('focus')).toBe(true);
    marks.stop();
  });
});
