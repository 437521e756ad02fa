/**
 * Reads a page into visual lines without layout: the same code runs in the content script and,
 * through linkedom, in Node. One pass over the tree, so its cost stays close to a bare text walk.
 */

import { collapseSpaces, isWhiteSpace } from '../text/spaces';

export interface Line {
  /** Whitespace-normalised text of the line. */
  text: string;
  /**
   * The texts of its inline pieces, e.g. the three spans of `Location` `:` `San Jose`; a line of
   * very many pieces has its whole text as its one segment.
   */
  segments: string[];
  /**
   * The line was cut out of a longer text node at a line break (pre-line ATS text), so it cannot be
   * a heading element of its own, only a sub-heading inside a body.
   */
  soft: boolean;
  /** The line is (inside) a list item, so it is a bullet even without a text marker. */
  listItem: boolean;
  /**
   * The line belongs to the site's own header, navigation or footer (by element), not to the job:
   * `nav`, a `footer` outside `main`/`article`/`section`/`aside` (inside those it closes the content
   * itself), and a `header` outside them that holds the `nav`.
   */
  site?: boolean;
}

const BLOCK = 0;
const INLINE_ELEMENT = 1;
const SKIP = 2;
const BREAK = 3;
const LIST_ITEM = 4;
// The walk reads each element's name once, as `localName` (the parser's lower-case atom; `tagName`
// would build an upper-case copy on every read). Inline elements keep their text on the current
// line; skipped ones are never part of what a person reads (`__next_f` script chunks carry the
// page's text JSON-escaped: reading them would duplicate every line); every other element, custom
// ones included, starts a new line. The common blocks are listed only to be answered at once.
const KIND_BY_LOCAL_NAME = new Map<string, number>([
  ['br', BREAK],
  ['li', LIST_ITEM],
]);
for (const [kind, names] of [
  [INLINE_ELEMENT, 'a abbr b bdi bdo cite code data dfn em font i kbd label mark q s samp small span strong sub sup time u var wbr'],
  [SKIP, 'script style noscript template head svg iframe object canvas select textarea input img video audio'],
  [BLOCK, 'div p section ul ol h1 h2 h3 h4 dl dt dd'],
] as const) {
  for (const name of names.split(' ')) KIND_BY_LOCAL_NAME.set(name, kind);
}

// Landmarks: 1 the site's own (navigation), 2 the site's own unless inside content (a page's
// header and footer), 3 content, inside which a header or footer belongs to the content.
const LANDMARKS = new Map<string, number>([
  ['nav', 1],
  ['header', 2],
  ['footer', 2],
  ['main', 3],
  ['article', 3],
  ['section', 3],
  ['aside', 3],
]);
const SITE = 8;
const CONTENT = 16;

/** How the walk treats an element; a name in upper or mixed case (foreign markup) as its lower case. */
function kindOf(el: Element): number {
  const name = el.localName;
  const kind = KIND_BY_LOCAL_NAME.get(name);
  if (kind !== undefined) return kind;
  const lower = name.toLowerCase();
  return lower === name ? BLOCK : (KIND_BY_LOCAL_NAME.get(lower) ?? BLOCK);
}

// One query finds every element that may be hidden by attribute or inline style; the walk then
// asks a Set instead of reading attributes of every element. Pages carry few inline styles.
const MARKED_SELECTOR = '[hidden],[style]';
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function hiddenElements(root: ParentNode): Set<Element> | null {
  const candidates = root.querySelectorAll(MARKED_SELECTOR);
  let hidden: Set<Element> | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const el = candidates[i]!;
    // A style attribute is short; one of 64k characters is read only as far as a declaration can be.
    if (el.hasAttribute('hidden') || HIDDEN_STYLE.test((el.getAttribute('style') ?? '').slice(0, 2000))) (hidden ??= new Set()).add(el);
  }
  return hidden;
}

// A piece starting with white space or closing punctuation needs no space before it.
function startsJoined(code: number): boolean {
  return code === 44 || code === 46 || code === 59 || code === 58 || code === 33 || code === 63 || code === 41 || isWhiteSpace(code);
}
const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13 || code === 160;

/** Thrown when a page has more lines (or elements) than any job posting; reading stops right there. */
export class TooManyLinesError extends Error {}

/**
 * Past this many elements a page is not a job posting we can read (a real one has a few thousand);
 * the bound keeps the time of one reading bounded whatever the page holds.
 */
const MAX_ELEMENTS = 400_000;

// Segments tell label rows and navigation rows apart, which have a few pieces; a line of more is
// neither, so it keeps its whole text as its one segment instead of an array as long as the line.
export const MAX_SEGMENTS = 64;

/**
 * Reads at most `maxLines` lines, so a huge or hostile page costs bounded time. The walk is
 * iterative (a page of any depth cannot overflow the stack) and each line is joined once from its
 * pieces: appending to a growing string and reading its last character back would flatten it on
 * every piece, which is quadratic in a paragraph of many inline elements.
 */
export function readLines(root: ParentNode, maxLines = Number.POSITIVE_INFINITY, maxElements = MAX_ELEMENTS): Line[] {
  const lines: Line[] = [];
  const hidden = hiddenElements(root);
  let siteDepth = 0;
  let contentDepth = 0;
  let lineSite = false;
  let segments: string[] = [];
  // The current line's raw pieces, and its last segment while one element's adjacent text nodes
  // continue it (`segmentMore` only when there is more than one piece: most segments are one).
  // `first` alone for a line of one piece (most lines); `pieces` only from the second one on.
  let first = '';
  let pieces: string[] | null = null;
  const append = (piece: string) => {
    if (first === '') first = piece;
    else (pieces ??= [first]).push(piece);
  };
  let segment = '';
  let segmentMore: string[] | null = null;
  // Last character code of the line so far (0: nothing yet) and whether any visible text is on it.
  let lastCode = 0;
  let hasText = false;
  let lastParent: Node | null = null;
  let listDepth = 0;
  let lineInList = false;
  let startedSoft = false;

  const closeSegment = () => {
    if (!segment) return;
    if (segments.length < MAX_SEGMENTS) segments.push(segmentMore === null ? segment : segmentMore.join('').trim());
    segment = '';
    segmentMore = null;
  };

  const flush = (soft: boolean) => {
    if (first !== '') {
      closeSegment();
      // Most lines already have single plain spaces; only runs and other white space are rewritten.
      const normalised = hasText ? collapseSpaces(pieces === null ? first : pieces.join('')).trim() : '';
      if (normalised) {
        if (lines.length >= maxLines) throw new TooManyLinesError(`more than ${maxLines} lines`);
        const line: Line = {
          text: normalised,
          segments: segments.length < MAX_SEGMENTS ? segments : [normalised],
          soft: soft || startedSoft,
          listItem: lineInList,
        };
        if (lineSite) line.site = true;
        lines.push(line);
      }
      segments = [];
      first = '';
      pieces = null;
      lastCode = 0;
      hasText = false;
      lastParent = null;
    }
    startedSoft = soft;
  };

  const addText = (raw: string, parent: Node) => {
    if (raw.length === 0) return;
    const piece = raw.trim();
    if (!piece) {
      if (first !== '') {
        append(' ');
        lastCode = 32;
      }
      return;
    }
    if (first === '') {
      lineInList = listDepth > 0;
      lineSite = siteDepth > 0;
    }
    // Adjacent pieces from different elements (flex rows of spans) read as separate words.
    else if (parent !== lastParent && !isSpace(lastCode) && !startsJoined(raw.charCodeAt(0))) append(' ');
    // Adjacent text nodes of one element (an HTML parser may split at entities: "R", "&", "D") are one piece.
    if (parent === lastParent && segment) (segmentMore ??= [segment]).push(raw);
    else {
      closeSegment();
      segment = piece;
    }
    append(raw);
    hasText = true;
    lastCode = raw.charCodeAt(raw.length - 1);
    lastParent = parent;
  };

  const addTextNode = (value: string, parent: Node) => {
    if (value.indexOf('\n') === -1) {
      addText(value, parent);
      return;
    }
    // Line-broken ATS text (rendered with pre-line): each non-empty line is a line.
    const parts = value.split('\n');
    for (let i = 0; i < parts.length; i++) {
      if (i > 0 && parts[i]!.trim()) flush(true);
      addText(parts[i]!, parent);
    }
  };

  // Depth-first, by sibling and parent links; `open` holds the kinds of the elements entered, so
  // leaving one ends its line (and its list item) as entering it began one.
  const top = root as unknown as Node;
  const open: number[] = [];
  let parent: Node = top;
  let node: Node | null = top.firstChild;
  let elements = 0;
  for (;;) {
    if (node === null) {
      if (parent === top || open.length === 0) break;
      const entry = open.pop()!;
      const kind = entry & 7;
      if (kind !== INLINE_ELEMENT) flush(false);
      if (kind === LIST_ITEM) listDepth--;
      if (entry & SITE) siteDepth--;
      if (entry & CONTENT) contentDepth--;
      node = parent.nextSibling;
      parent = parent.parentNode!;
      continue;
    }
    const type = node.nodeType;
    if (type === 3) {
      addTextNode((node as Text).data, parent);
      node = node.nextSibling;
      continue;
    }
    if (type !== 1) {
      node = node.nextSibling;
      continue;
    }
    if (++elements > maxElements) throw new TooManyLinesError(`more than ${maxElements} elements`);
    const kind = kindOf(node as Element);
    if (kind === SKIP || (hidden !== null && hidden.has(node as Element))) {
      node = node.nextSibling;
      continue;
    }
    if (kind !== INLINE_ELEMENT) flush(false);
    if (kind === BREAK) {
      node = node.nextSibling;
      continue;
    }
    if (kind === LIST_ITEM) listDepth++;
    let entry = kind;
    if (kind === BLOCK) {
      const landmark = LANDMARKS.get((node as Element).localName);
      // A header outside the content is the site's when it holds the navigation: a job's own
      // header (title, label rows) may sit outside main in a page built of divs.
      if (
        landmark === 1 ||
        (landmark === 2 && contentDepth === 0 && ((node as Element).localName === 'footer' || (node as Element).querySelector('nav')))
      ) {
        entry |= SITE;
        siteDepth++;
      } else if (landmark === 3) {
        entry |= CONTENT;
        contentDepth++;
      }
    }
    open.push(entry);
    parent = node;
    node = node.firstChild;
  }
  flush(false);
  return lines;
}
