// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { paintLine, paintMark } from '../../../../lib/marks/render';
import { MARK_STYLES } from '../../../../lib/marks/styles';
import { LINE_TAG, MARK_TAG, type LineView } from '../../../../lib/marks/types';

const view: LineView = {
  title: 'Data Engineer Intern',
  text: 'Match 70% · Seen',
  label: 'Job Lens: Match 70% · Seen',
  details: ['Match score: 70 of 100', 'Status: Seen'],
  tone: '',
};

describe('drawing', () => {
  it('writes page and stored text as text, never as markup', () => {
    document.body.innerHTML = '<a href="/search/7400000000000000001"><div>T</div></a>';
    const card = document.querySelector('a')!;
    paintMark(
      document,
      card,
      { text: '<img src=x onerror=alert(1)>', label: 'Job Lens: <b>x</b>', tip: '<script>', tone: 'bad' },
      MARK_STYLES.mark,
    );
    expect(card.querySelectorAll(MARK_TAG)).toHaveLength(1);
    expect(document.querySelector('img')).toBeNull();
    // Drawing the same view again keeps the host; a new view replaces it; none removes it.
    const host = card.querySelector(MARK_TAG);
    paintMark(
      document,
      card,
      { text: '<img src=x onerror=alert(1)>', label: 'Job Lens: <b>x</b>', tip: '<script>', tone: 'bad' },
      MARK_STYLES.mark,
    );
    expect(card.querySelector(MARK_TAG)).toBe(host);
    paintMark(document, card, { text: 'Seen', label: 'Job Lens: Seen', tip: null, tone: '' }, MARK_STYLES.mark);
    expect(card.querySelector(MARK_TAG)).not.toBe(host);
    paintMark(document, card, null, MARK_STYLES.mark);
    expect(card.querySelector(MARK_TAG)).toBeNull();
  });

  it('shows the short text and names the mark by its whole label, with the tip apart', () => {
    document.body.innerHTML = '<a href="/search/7400000000000000001"><h3>Data Engineer Intern</h3></a>';
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    const mark = paintMark(
      document,
      document.querySelector('a')!,
      { text: 'Seen · 40%', label: 'Job Lens: Seen, match 40 of 100, not eligible', tip: 'Needs a PhD', tone: 'bad' },
      MARK_STYLES.mark,
    )!;
    const root = attach.mock.results[0]!.value as ShadowRoot;
    attach.mockRestore();
    expect(mark.parentElement!.localName).toBe('h3');
    // One pill, one name: an image's alternative text, read with the card's link; the tip is for the eye.
    const [pill, tip, ...rest] = Array.from(root.children);
    expect(rest).toEqual([]);
    expect([pill!.className, pill!.getAttribute('role'), pill!.getAttribute('aria-label'), pill!.textContent]).toEqual([
      'm bad',
      'img',
      'Job Lens: Seen, match 40 of 100, not eligible',
      'Seen · 40%',
    ]);
    expect([tip!.className, tip!.getAttribute('aria-hidden'), tip!.textContent]).toEqual(['t', 'true', 'Needs a PhD']);
  });

  it('moves the mark a re-render dropped into the new card when it says the same, without its focus', () => {
    const seen = { text: 'Seen', label: 'Job Lens: Seen', tip: null, tone: '' } as const;
    document.body.innerHTML = '<div id="l"><a href="/search/7400000000000000001"><div>T</div></a></div>';
    const mark = paintMark(document, document.querySelector('a')!, seen, MARK_STYLES.mark)!;
    mark.setAttribute('focus', '');
    // The site renders the card again as new nodes; the old mark goes with the old card.
    document.getElementById('l')!.innerHTML = '<a href="/search/7400000000000000001"><div>T</div></a>';
    const card = document.querySelector('a')!;
    expect(paintMark(document, card, seen, MARK_STYLES.mark, mark)).toBe(mark);
    expect(card.querySelector('div')!.lastElementChild).toBe(mark);
    expect(mark.hasAttribute('focus')).toBe(false);
    // Still in the page (another card holds it) or saying something else: a new mark.
    document.getElementById('l')!.insertAdjacentHTML('beforeend', '<a href="/search/7400000000000000001"><div>U</div></a>');
    const other = document.querySelectorAll('a')[1]!;
    const fresh = paintMark(document, other, seen, MARK_STYLES.mark, mark);
    expect(fresh).not.toBe(mark);
    expect(mark.isConnected).toBe(true);
    card.remove();
    const applied = paintMark(document, other, { ...seen, text: 'Applied' }, MARK_STYLES.mark, mark);
    expect(applied).not.toBe(mark);
    expect(applied).not.toBe(fresh);
    expect(other.querySelectorAll(MARK_TAG)).toHaveLength(1);
  });

  it('puts the line right after the title; its buttons expand, try the popup and dismiss', async () => {
    document.body.innerHTML = '<main><div>Technology</div><h1>Data Engineer Intern</h1><div>Location: Singapore</div></main>';
    const title = document.querySelector('h1')!;
    const open = vi.fn(async () => false);
    const dismiss = vi.fn();
    // Reach into the closed root the way only this test can: capture it as it is attached.
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    paintLine(document, title, view, { open, dismiss }, MARK_STYLES.line);
    const root = attach.mock.results[0]!.value as ShadowRoot;
    expect(title.nextElementSibling!.localName).toBe(LINE_TAG);
    const [main, close, openButton] = Array.from(root.querySelectorAll('button'));
    expect(main!.getAttribute('aria-label')).toBe('Job Lens: Match 70% · Seen');
    const details = root.querySelector<HTMLElement>('.d')!;
    expect(details.hidden).toBe(true);
    main!.click();
    expect([details.hidden, main!.getAttribute('aria-expanded')]).toEqual([false, 'true']);
    expect(details.textContent).toContain('Match score: 70 of 100');
    openButton!.click();
    await vi.waitFor(() => expect(openButton!.textContent).toBe('Open Job Lens from its toolbar button'));
    expect(open).toHaveBeenCalledOnce();
    close!.click();
    expect(dismiss).toHaveBeenCalledOnce();
    expect(document.querySelector(LINE_TAG)).toBeNull();
  });
});
