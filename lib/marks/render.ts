import { titleOf } from './cards';
import { LINE_TAG, MARK_TAG, type LineView, type MarkView } from './types';

/**
 * Marks drawn into the careers page: plain DOM in closed shadow roots (the site's scripts cannot
 * read the user's status out of them, and neither side's styles leak), text only through
 * textContent. A list mark sits inline at the end of the card's title, so it never covers the
 * site's controls and adds at most its own line; its tooltip ignores the pointer, so even shown
 * it takes no click from the page.
 */

function el(doc: Document, tag: string, cls: string, text = ''): HTMLElement {
  const e = doc.createElement(tag);
  e.className = cls;
  e.textContent = text;
  return e;
}

/** One constructed sheet per stylesheet text, shared by every mark: a hundred marks, one style to match. */
const sheets = new Map<string, CSSStyleSheet>();

function host(doc: Document, tag: string, css: string): [HTMLElement, ShadowRoot] {
  const h = doc.createElement(tag);
  const root = h.attachShadow({ mode: 'closed' });
  // A constructed sheet (of the page's window, for Firefox's content-script wrappers) is not
  // subject to the page's style-src CSP; a <style> is the fallback.
  try {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(el(doc, 'style', '', css));
  }
  return [h, root];
}

/** The label a drawn mark shows, to tell whether it needs redrawing. */
const drawn = new WeakMap<Element, string>();

/**
 * Draws, updates or (view null) removes the mark of one card, and returns the mark it leaves.
 * `previous` is the mark last drawn for the same job: when the site's re-render has dropped it
 * with the old card and it says the same, it moves into the new card as it is, shadow root and
 * all, instead of being built again (a re-render of a long list then costs one append per mark).
 */
export function paintMark(doc: Document, card: Element, view: MarkView | null, css: string, previous?: Element | null): Element | null {
  const old = card.querySelector(MARK_TAG);
  const key = view && view.label + view.tone + view.text;
  if (old && drawn.get(old) === key) return old;
  old?.remove();
  if (!view) return null;
  if (previous && !previous.isConnected && drawn.get(previous) === key) {
    // Removed with its card while focused, it may still carry the focus attribute.
    previous.removeAttribute('focus');
    titleOf(card).append(previous);
    return previous;
  }
  const [h, root] = host(doc, MARK_TAG, css);
  drawn.set(h, key!);
  // What the pill says in short, its name says in full (an image's alternative text).
  const m = el(doc, 'span', `m ${view.tone}`, view.text);
  m.setAttribute('role', 'img');
  m.setAttribute('aria-label', view.label);
  root.append(m);
  if (view.tip) {
    const t = el(doc, 'span', 't', view.tip);
    t.setAttribute('aria-hidden', 'true');
    root.append(t);
  }
  titleOf(card).append(h);
  return h;
}

export interface LineActions {
  /** Asks the background to open the popup; resolves whether it did. */
  open: () => Promise<boolean>;
  dismiss: () => void;
}

/** The job page line under `title`, replacing any earlier one. */
export function paintLine(doc: Document, title: Element, view: LineView, actions: LineActions, css: string): void {
  // Asked again after every change to the jobs: the same line stays as it is (expanded or not).
  const key = [view.tone, view.text, view.label, ...view.details].join('\n');
  const old = doc.querySelector(LINE_TAG);
  if (old && drawn.get(old) === key && old.previousElementSibling === title) return;
  removeAll(doc, LINE_TAG);
  const [h, root] = host(doc, LINE_TAG, css);
  drawn.set(h, key);
  const box = el(doc, 'div', `m ${view.tone}`);
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Job Lens');
  const main = el(doc, 'button', 'b', view.text);
  main.setAttribute('aria-label', view.label);
  main.setAttribute('aria-expanded', 'false');
  const close = el(doc, 'button', 'x', '×');
  close.setAttribute('aria-label', 'Hide the Job Lens line on this site');
  const details = el(doc, 'div', 'd');
  details.hidden = true;
  for (const line of view.details) details.append(el(doc, 'p', '', line));
  const open = el(doc, 'button', 'o', 'Open in Job Lens');
  details.append(open);
  main.addEventListener('click', () => {
    details.hidden = !details.hidden;
    main.setAttribute('aria-expanded', String(!details.hidden));
  });
  open.addEventListener('click', () => {
    void actions.open().then((opened) => {
      if (!opened) open.textContent = 'Open Job Lens from its toolbar button';
    });
  });
  close.addEventListener('click', () => {
    h.remove();
    actions.dismiss();
  });
  box.append(main, close, details);
  root.append(box);
  title.after(h);
}

export function removeAll(doc: Document, tag: string): void {
  for (const h of doc.querySelectorAll(tag)) h.remove();
}
