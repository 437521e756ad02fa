import { collapseSpaces } from '../text/spaces';
import { type Line, readLines, TooManyLinesError } from './lines';

/**
 * What the content script reads off a job page for the background to turn into a posting: the
 * page's lines, and the texts that may name its title. Reading the lines is the only part that
 * needs the DOM; everything after it (labels, sections, facts) runs in the background, which pays
 * for compiling the extractor once per worker instead of once per page load.
 */
export interface PageText {
  lines: Line[];
  /** `og:title`'s content, as the page has it. */
  og: string | null;
  /** `<title>`'s text. */
  title: string | null;
  /** The texts of the page's `h1` elements, in document order. */
  h1: string[];
}

// Hostile or broken pages must not make the content script slow: past this many lines the page
// is not a job posting we know how to read (a long real posting has a few hundred).
export const MAX_LINES = 50_000;
/** More `h1`s than any page has; the rest are not read. */
export const MAX_H1 = 20;
/**
 * The characters a page's lines may carry, their texts and segments together. A long real page
 * (navigation, posting and footer) has some 50,000; the background extracts whatever a tab sends,
 * so a page or a compromised renderer cannot keep it busy with megabytes of text.
 */
export const MAX_PAGE_CHARS = 2_000_000;

/** The characters `MAX_PAGE_CHARS` counts. */
export function pageChars(lines: readonly Line[]): number {
  let total = 0;
  for (const line of lines) {
    total += line.text.length;
    for (const segment of line.segments) total += segment.length;
  }
  return total;
}

/** The head's title texts, raw: the background strips the site's suffix and generic titles. */
export function headOf(doc: ParentNode): Pick<PageText, 'og' | 'title'> {
  return {
    og: doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? null,
    title: doc.querySelector('title')?.textContent ?? null,
  };
}

/** A page read, or why it is not: too large to be a job posting. */
export type PageRead = { ok: true; page: PageText } | { ok: false; reason: string };

/** `readPage`, with a page too large for a posting answered by the reason instead of thrown. */
export function tryReadPage(doc: ParentNode): PageRead {
  try {
    return { ok: true, page: readPage(doc) };
  } catch (error) {
    if (error instanceof TooManyLinesError) return { ok: false, reason: `page too large to be a job posting (${error.message})` };
    throw error;
  }
}

/**
 * Reads a page for extraction. Throws `TooManyLinesError` for a page past `MAX_LINES` lines or
 * `MAX_PAGE_CHARS` characters (the caller says why it is not read).
 */
export function readPage(doc: ParentNode): PageText {
  const body = (doc as Document).body ?? doc;
  const lines = readLines(body, MAX_LINES);
  if (pageChars(lines) > MAX_PAGE_CHARS) throw new TooManyLinesError(`more than ${MAX_PAGE_CHARS} characters`);
  const h1 = Array.from(doc.querySelectorAll('h1'))
    .slice(0, MAX_H1)
    .map((el) => collapseSpaces(el.textContent ?? '').trim());
  return { lines, ...headOf(doc), h1 };
}
