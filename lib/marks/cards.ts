import { classifyUrl } from '../sites/urls';

/**
 * Which links on a careers page are job cards: any link whose address is a job page of the
 * careers sites (`/search/<id>`, `/position/<id>/detail`, on either board), wherever the list
 * sits and whatever its classes (they are hashed and change). One link per job: a card that links
 * its title and its button to the same job gets one mark, on the first.
 */

const CANDIDATES = 'a[href*="/search/"],a[href*="/position/"]';
/** A page holding more job links than this is not a list a person scans; the rest stay bare. */
export const MAX_CARDS = 500;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Answers by link text and page origin: a re-rendered list repeats the same links, parsed once. */
const known = new Map<string, string | null>();

export function jobIdOfLink(href: string | null, base: URL, origin = base.origin): string | null {
  if (!href) return null;
  const key = `${origin} ${href}`;
  let id = known.get(key);
  if (id !== undefined) return id;
  try {
    const page = classifyUrl(new URL(href, base));
    id = page.kind === 'job' ? page.jobId : null;
  } catch {
    id = null;
  }
  if (known.size > 5000) known.clear();
  known.set(key, id);
  return id;
}

/** The job cards in document order, keyed by job id; `skip` is the job of the page itself. */
export function findCards(root: ParentNode, base: URL, skip?: string): Map<string, Element> {
  const cards = new Map<string, Element>();
  const { origin } = base;
  for (const a of root.querySelectorAll(CANDIDATES)) {
    const id = jobIdOfLink(a.getAttribute('href'), base, origin);
    if (id && id !== skip && !cards.has(id)) cards.set(id, a);
    if (cards.size >= MAX_CARDS) break;
  }
  return cards;
}

/**
 * Where a card's mark goes: at the end of its title, so it adds at most the mark's own line. The
 * title is a heading, else the element holding the card's first text (the site styles a div as the
 * title; an icon or image may come before it, and a wrapper may hold the whole card), else the card.
 */
export function titleOf(card: Element): Element {
  const heading = card.querySelector('h1,h2,h3,h4,h5,h6,[role=heading]');
  if (heading) return heading;
  const texts = card.ownerDocument.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = texts.nextNode(); t; t = texts.nextNode()) {
    const holder = t.parentElement!;
    // An SVG icon's <title> or <text> is text too, but HTML appended inside an SVG is not drawn.
    if (t.nodeValue!.trim() && holder.namespaceURI === HTML_NS) return holder;
  }
  return card;
}

/**
 * The element showing a job page's title: the heading whose text is the title read by the
 * extractor, else the innermost element with exactly that text (some pages style a div as the
 * title). Null when the page does not show it (yet).
 */
export function titleElement(doc: Document, title: string): Element | null {
  const want = title.replace(/\s+/g, ' ').trim();
  const same = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim() === want;
  for (const h of doc.querySelectorAll('h1,h2,[role=heading]')) if (same(h)) return h;
  for (const e of doc.querySelectorAll('body *')) {
    if (e.firstElementChild === null && e.localName !== 'title' && e.localName !== 'script' && same(e)) return e;
  }
  return null;
}
