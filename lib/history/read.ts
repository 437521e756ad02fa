import { readLines } from '../extract/lines';
import { collapseSpaces } from '../text/spaces';
import { escapeRegExp } from '../text/regexp';
import type { Site } from '../posting/schema';
import { HISTORY_CHROME, HISTORY_DATE, HISTORY_LABELS, HISTORY_REFERRAL_LINE, HISTORY_STATUSES, NAV_LINES } from '../sites/texts';
import { classifyUrl } from '../sites/urls';

/**
 * Reads the signed-in history (`/position/application`) into one row per application. Its markup
 * is not known and may be a list, a table or div cards, so rows are found by their texts: every
 * application shows its date and time, and the row is the element around one date. Inside a row
 * the lines are told apart by what they say: the date, "Applied via referral", a status the site
 * uses (or any value labelled "Status"), and the title (the link to the job where there is one,
 * else the first line that is none of these). A field that cannot be read is null, never guessed.
 * Pure and free of Zod: the content script runs it, Node tests run it on linkedom.
 */

interface HistoryRow {
  title: string;
  /** The job the row links to, when it links one. */
  jobId: string | null;
  viaReferral: boolean;
  /** The site's status as it words it ("Resume screening"). */
  status: string | null;
  /** The date and time as shown, in the user's local time: `YYYY-MM-DDTHH:MM`, or `YYYY-MM-DD` without a time. */
  appliedAt: string | null;
}

export interface HistoryPage {
  /** The site the list belongs to: the TikTok and the ByteDance accounts are separate. */
  site: Site;
  rows: HistoryRow[];
}

/** More rows than any candidate has: a hostile page costs bounded time. */
const MAX_HISTORY_ROWS = 500;
const MAX_ROW_LINES = 60;
const MAX_TITLE = 500;

const NATURAL_ROW = 'li,tr,[role="row"],[role="listitem"],article';
const NOT_READ = 'script,style,template,noscript,head,svg';
// A row never reaches the page's landmarks: above them is the whole page.
const PAGE_LEVEL = new Set(['html', 'body', 'main', 'header', 'footer', 'nav']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const labelPattern = (words: readonly string[]) => new RegExp(`^(?:${words.map(escapeRegExp).join('|')})\\s*[:：]?$`, 'i');
const labelledPattern = (words: readonly string[]) => new RegExp(`^(?:${words.map(escapeRegExp).join('|')})\\s*[:：]?\\s+(.+)$`, 'i');
const LABEL = {
  status: labelPattern(HISTORY_LABELS.status),
  appliedAt: labelPattern(HISTORY_LABELS.appliedAt),
  title: labelPattern(HISTORY_LABELS.title),
};
const LABELLED = {
  status: labelledPattern(HISTORY_LABELS.status),
  title: labelledPattern(HISTORY_LABELS.title),
};
type Column = keyof typeof LABEL | null;

function isHidden(el: Element | null): boolean {
  for (let node = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || HIDDEN_STYLE.test(node.getAttribute('style') ?? '')) return true;
    if (node.classList?.contains('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) text += (child as Text).data;
  return text;
}

const textOf = (el: Element) => collapseSpaces(el.textContent ?? '').trim();

/** `2026-06-02 06:05` → `2026-06-02T06:05`; null when the text holds no real date. */
export function historyDate(text: string): string | null {
  const m = HISTORY_DATE.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map((v) => (v === undefined ? undefined : Number(v)));
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${year}-${pad(month!)}-${pad(day!)}`;
  if (hour === undefined || minute === undefined) return date;
  if (hour > 23 || minute > 59) return date;
  return `${date}T${pad(hour)}:${pad(minute)}`;
}

/** The elements whose own text holds a date, in page order, visible ones only. */
function dateElements(root: Element): Element[] {
  const found: Element[] = [];
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (!HISTORY_DATE.test(ownText(el)) || el.closest(NOT_READ) || isHidden(el)) continue;
    if (historyDate(ownText(el)) === null) continue;
    found.push(el);
    if (found.length > MAX_HISTORY_ROWS) break;
  }
  return found;
}

/** The columns of a table row's table, from its header cells ("Position", "Status", "Application time"). */
function columnsOf(row: Element): Column[] | null {
  if (row.localName !== 'tr') return null;
  const table = row.closest('table');
  const header = table?.querySelector('thead tr') ?? table?.querySelector('tr');
  if (!header || header === row) return null;
  const cells = Array.from(header.children).filter((c) => c.localName === 'th' || c.localName === 'td');
  return cells.map((cell) => {
    const text = textOf(cell);
    for (const key of ['status', 'appliedAt', 'title'] as const) if (LABEL[key].test(text)) return key;
    return null;
  });
}

interface Parsed {
  title: string | null;
  status: string | null;
  appliedAt: string | null;
  viaReferral: boolean;
}

const PUNCTUATION = /^[\s:：|·•,/-]*$/;

/**
 * A row's texts, one per inline piece: a flex row of spans (title, status, date side by side) reads
 * as one visual line, but each span says one thing.
 */
function itemsOf(root: Element): string[] {
  const items: string[] = [];
  for (const line of readLines(root, MAX_ROW_LINES)) {
    if (line.segments.length <= 1) items.push(line.text);
    else for (const segment of line.segments) items.push(collapseSpaces(segment).trim());
  }
  return items;
}

/** Sorts a row's texts into what they are. */
function parseLines(lines: readonly string[]): Parsed {
  const parsed: Parsed = { title: null, status: null, appliedAt: null, viaReferral: false };
  let expecting: 'status' | 'title' | null = null;
  for (const text of lines) {
    if (PUNCTUATION.test(text)) continue;
    const after = expecting;
    expecting = null;
    const date = historyDate(text);
    if (date !== null) {
      parsed.appliedAt ??= date;
      continue;
    }
    if (HISTORY_REFERRAL_LINE.test(text)) {
      parsed.viaReferral = true;
      continue;
    }
    const status = LABELLED.status.exec(text);
    if (status) {
      parsed.status ??= status[1]!.trim();
      continue;
    }
    const title = LABELLED.title.exec(text);
    if (title) {
      parsed.title ??= title[1]!.trim();
      continue;
    }
    if (LABEL.status.test(text)) {
      expecting = 'status';
      continue;
    }
    if (LABEL.title.test(text)) {
      expecting = 'title';
      continue;
    }
    if (after === 'status') {
      parsed.status ??= text;
      continue;
    }
    if (HISTORY_STATUSES.test(text)) {
      parsed.status ??= text;
      continue;
    }
    if (LABEL.appliedAt.test(text) || HISTORY_CHROME.test(text) || NAV_LINES.test(text)) continue;
    if (after === 'title' || parsed.title === null) parsed.title ??= text;
  }
  return parsed;
}

function readRow(row: Element, url: URL): HistoryRow | null {
  let jobId: string | null = null;
  let linkTitle: string | null = null;
  for (const link of Array.from(row.querySelectorAll('a[href]'))) {
    let page;
    try {
      page = classifyUrl(new URL(link.getAttribute('href')!, url));
    } catch {
      continue;
    }
    if (page.kind !== 'job' && page.kind !== 'apply') continue;
    jobId = page.jobId;
    const text = textOf(link);
    if (text && historyDate(text) === null) linkTitle = text;
    break;
  }

  const columns = columnsOf(row);
  let parsed: Parsed;
  if (columns) {
    // A table: each cell read on its own, the header saying what a cell is where its text does not.
    const cells = Array.from(row.children).filter((c) => c.localName === 'td' || c.localName === 'th');
    parsed = { title: null, status: null, appliedAt: null, viaReferral: false };
    cells.forEach((cell, i) => {
      const lines = itemsOf(cell);
      const column = columns[i] ?? null;
      const got = parseLines(column === 'status' || column === 'title' ? [HISTORY_LABELS[column][0], ...lines] : lines);
      parsed.title ??= got.title;
      parsed.status ??= got.status;
      parsed.appliedAt ??= got.appliedAt;
      parsed.viaReferral ||= got.viaReferral;
    });
  } else {
    parsed = parseLines(itemsOf(row));
  }
  const title = (linkTitle ?? parsed.title)?.slice(0, MAX_TITLE) ?? null;
  if (!title) return null;
  return { title, jobId, viaReferral: parsed.viaReferral, status: parsed.status, appliedAt: parsed.appliedAt };
}

/**
 * The element that is one application: the list item, table row or ARIA row around the date;
 * else, among several dates, the largest element around this date and no other (a card in a
 * grid); else, with one date on the page, the smallest element around it that also has a title.
 */
function rowOf(date: Element, dates: readonly Element[], url: URL): Element {
  const natural = date.closest(NATURAL_ROW);
  if (natural) return natural;
  let el = date;
  if (dates.length > 1) {
    for (let parent = el.parentElement; parent && !PAGE_LEVEL.has(parent.localName); parent = parent.parentElement) {
      if (dates.some((other) => other !== date && parent.contains(other))) break;
      el = parent;
    }
    return el;
  }
  for (;;) {
    if (readRow(el, url)) return el;
    const parent = el.parentElement;
    if (!parent || PAGE_LEVEL.has(parent.localName)) return el;
    el = parent;
  }
}

export function readHistory(doc: Document | ParentNode, url: URL): HistoryPage | null {
  const page = classifyUrl(url);
  if (page.kind !== 'history') return null;
  const body = ((doc as Document).body ?? doc) as Element;
  const dates = dateElements(body);
  const seen = new Set<Element>();
  const rows: HistoryRow[] = [];
  for (const date of dates) {
    const row = rowOf(date, dates, url);
    if (seen.has(row)) continue;
    seen.add(row);
    const read = readRow(row, url);
    if (read) rows.push(read);
    if (rows.length >= MAX_HISTORY_ROWS) break;
  }
  return { site: page.site, rows };
}
