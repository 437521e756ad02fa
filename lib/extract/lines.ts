/**
 * Reads a page into visual lines without layout: the same code runs in the content script and,
 * through linkedom, in Node. One pass over the tree, so its cost stays close to a bare text walk.
 */

export interface Line {
  /** Whitespace-normalised text of the line. */
  text: string;
  /** The texts of its inline pieces, e.g. the three spans of `Location` `:` `San Jose`. */
  segments: string[];
  /**
   * The line was cut out of a longer text node at a line break (pre-line ATS text), so it cannot be
   * a heading element of its own, only a sub-heading inside a body.
   */
  soft: boolean;
  /** The line is (inside) a list item, so it is a bullet even without a text marker. */
  listItem: boolean;
}

// Inline elements keep their text on the current line; everything else starts a new one.
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL',
  'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR',
]);
// Never part of what a person reads on the page. `__next_f` script chunks carry the page's text
// JSON-escaped; reading them would duplicate every line.
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS',
  'SELECT', 'TEXTAREA', 'INPUT', 'IMG', 'VIDEO', 'AUDIO',
]);
const WHITESPACE = /\s+/g;
// Most lines already have single plain spaces; only those with runs or other white space
// (newlines, tabs, no-break spaces) pay for a rewrite.
const IRREGULAR_SPACE = /\s\s|[^\S ]/;
// One query finds every element hidden by attribute or inline style; the walk then asks a Set
// instead of reading two attributes of every element.
const HIDDEN_SELECTOR = '[hidden],[style*="none" i],[style*="hidden" i]';
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function hiddenElements(root: ParentNode): Set<Element> {
  const hidden = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll(HIDDEN_SELECTOR))) {
    if (el.hasAttribute('hidden') || HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) hidden.add(el);
  }
  return hidden;
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13 || code === 160;

/** Thrown when a page has more lines than any job posting; reading stops right there. */
export class TooManyLinesError extends Error {}

/** Reads at most `maxLines` lines, so a huge or hostile page costs bounded time. */
export function readLines(root: ParentNode, maxLines = Number.POSITIVE_INFINITY): Line[] {
  const lines: Line[] = [];
  const hidden = hiddenElements(root);
  let segments: string[] = [];
  let text = '';
  let lastParent: Node | null = null;
  let listDepth = 0;
  let lineInList = false;
  let startedSoft = false;

  const flush = (soft = false) => {
    if (text) {
      const normalised = (IRREGULAR_SPACE.test(text) ? text.replace(WHITESPACE, ' ') : text).trim();
      if (normalised) {
        if (lines.length >= maxLines) throw new TooManyLinesError(`more than ${maxLines} lines`);
        lines.push({ text: normalised, segments, soft: soft || startedSoft, listItem: lineInList });
        segments = [];
      } else if (segments.length > 0) segments = [];
      text = '';
      lastParent = null;
    }
    startedSoft = soft;
  };

  const addText = (raw: string, parent: Node) => {
    const piece = raw.trim();
    if (!piece) {
      if (raw.length > 0 && text) text += ' ';
      return;
    }
    if (!text) lineInList = listDepth > 0;
    // Adjacent pieces from different elements (flex rows of spans) read as separate words.
    else if (parent !== lastParent && !isSpace(text.charCodeAt(text.length - 1)) && !/^[\s,.;:!?)]/.test(raw)) text += ' ';
    // Adjacent text nodes of one element (an HTML parser may split at entities: "R", "&", "D") are one piece.
    if (parent === lastParent && segments.length > 0) segments[segments.length - 1] = `${segments[segments.length - 1]}${raw}`.trim();
    else segments.push(piece);
    text += raw;
    lastParent = parent;
  };

  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        if (value.indexOf('\n') === -1) {
          addText(value, node);
          continue;
        }
        // Line-broken ATS text (rendered with pre-line): each non-empty line is a line.
        const parts = value.split('\n');
        for (let i = 0; i < parts.length; i++) {
          if (i > 0 && parts[i]!.trim()) flush(true);
          addText(parts[i]!, node);
        }
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIPPED.has(tag) || hidden.has(el)) continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      if (INLINE.has(tag)) {
        visit(el);
        continue;
      }
      flush();
      if (tag === 'LI') listDepth++;
      visit(el);
      flush();
      if (tag === 'LI') listDepth--;
    }
  };

  visit(root as unknown as Node);
  flush();
  return lines;
}
