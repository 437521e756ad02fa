import {
  EMPLOYMENT_TYPES,
  GENERIC_TITLES,
  LABELS,
  type LabelField,
  SHARE_LINE,
  TITLE_SUFFIXES,
  VALUE_ROW_DEGREE_WORDS,
} from '../sites/texts';
import { escapeRegExp } from '../text/regexp';
import { parseCohort } from './facts';
import type { Line } from './lines';
import { headOf, type PageText } from './page';
import { isSiteLine } from './sections';

/**
 * The job's own header, above its first section: the title, the label rows (location, job code,
 * team, category) and, on older pages, the row of unlabelled values under the title.
 */

// One pattern per field: "Location: San Jose", "Location : San Jose", or a bare "Location" /
// "Location:" line with the value on the next line (an empty value group).
const LABEL_PATTERNS = (Object.entries(LABELS) as [LabelField, readonly string[]][]).map(([field, names]) => ({
  field,
  re: new RegExp(`^(?:${names.map(escapeRegExp).join('|')})\\s*(?::\\s*(.*))?$`, 'i'),
}));

// Every label row starts with a label name: one anchored test turns most lines away before the
// per-field patterns.
const LABEL_START = new RegExp(`^(?:${Object.values(LABELS).flat().map(escapeRegExp).join('|')})`, 'i');
const isLabelLine = (text: string) => LABEL_START.test(text) && labelIn(text) !== null;

const isGeneric = (title: string) => GENERIC_TITLES.test(title.trim());

/** The job title the document head names, without the site suffix; null for generic titles. */
export function headTitle(doc: ParentNode): string | null {
  return headTitleOf(headOf(doc));
}

/** `headTitle` from the head's texts as the content script sent them. */
export function headTitleOf({ og, title: text }: Pick<PageText, 'og' | 'title'>): string | null {
  const title = og?.trim() || text?.trim() || '';
  const end = TITLE_SUFFIXES.exec(title)?.index ?? title.length;
  const stripped = title.slice(0, end).trim();
  return stripped && !isGeneric(stripped) ? stripped : null;
}

interface Header {
  labels: Partial<Record<LabelField, string>>;
  /** Index of the first label line, or -1. */
  firstLabel: number;
  /** Unlabelled short values between the title and the first label/section (older pages). */
  values: string[];
}

export function readHeader(lines: readonly Line[], from: number, to: number): Header {
  const labels: Partial<Record<LabelField, string>> = {};
  let firstLabel = -1;
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text;
    if (!LABEL_START.test(text)) {
      if (lines[i]!.segments.length > 1 && !isSiteLine(lines[i]!)) segmentLabels(lines[i]!.segments, labels);
      continue;
    }
    if (isSiteLine(lines[i]!)) continue;
    const label = labelIn(text);
    if (!label) continue;
    let value = label.value;
    const at = i;
    if (value === null && i + 1 < to) {
      const next = lines[i + 1]!;
      if (!isLabelLine(next.text) && !SHARE_LINE.test(next.text) && !isSiteLine(next)) {
        value = next.text;
        i++;
      }
    }
    if (value !== null) {
      labels[label.field] ??= value;
      // The label's line, not its value's: the title is looked for before it.
      if (firstLabel === -1) firstLabel = at;
    }
  }
  return { labels, firstLabel, values: [] };
}

/** The label a text starts with, and its value when the text holds one ("Location: San Jose"). */
function labelIn(text: string): { field: LabelField; value: string | null } | null {
  for (const pattern of LABEL_PATTERNS) {
    const m = pattern.re.exec(text);
    if (m) return { field: pattern.field, value: m[1]?.trim() || null };
  }
  return null;
}

/**
 * A label with its value inside a row of other values ("San Jose · Intern · R&D · Job ID: A19384"):
 * the row stays the value row (the first label line is not moved to it), and the label is read.
 */
function segmentLabels(segments: readonly string[], labels: Header['labels']): void {
  for (const segment of segments) {
    const label = LABEL_START.test(segment) ? labelIn(segment) : null;
    if (label?.value) labels[label.field] ??= label.value;
  }
}

function splitList(value: string): string[] {
  return (
    value
      // Line texts carry single spaces, so one `\s?` each side is all there is; `\s*` around an
      // alternation would be retried at every position of a run.
      .split(/\s?(?:[;|/]|,(?=\s?[A-Z]))\s?/)
      .map((v) => v.trim())
      .filter(Boolean)
  );
}

const EMPLOYMENT_SET = new Set(EMPLOYMENT_TYPES.map((t) => t.toLowerCase()));

/** The title line named by the document head or an h1, outside the site's own lines; or -1. */
export function titleByName(page: PageText, limit: number): number {
  const names: string[] = [];
  const fromHead = headTitleOf(page);
  if (fromHead) names.push(fromHead);
  for (const text of page.h1) if (text && !isGeneric(text)) names.push(text);
  for (const name of names) {
    const index = page.lines.findIndex((l, i) => i < limit && l.text === name && !isSiteLine(l));
    if (index !== -1) return index;
  }
  return -1;
}

/** Without a named title: the line before the first label row, skipping the site's own lines. */
export function titleBeforeLabels(lines: readonly Line[], header: Header): number {
  for (let i = header.firstLabel - 1; i >= 0; i--) {
    if (!isSiteLine(lines[i]!) && !isGeneric(lines[i]!.text)) return i;
  }
  return -1;
}

const CATEGORY_MAX = 60;

/**
 * What the header says besides the title. A tuple, not an object: the content script sits close
 * to its size budget, and property names are the one thing the minifier cannot shorten.
 */
export function headerFacts(
  lines: readonly Line[],
  header: Header,
  titleIndex: number,
  headerEnd: number,
): [category: string | null, locations: string[], employmentType: string | null, cohortValue: string | null, rowDegrees: string[]] {
  // Category: the short line just before the title (not navigation).
  let category = header.labels.category ?? null;
  const before = lines[titleIndex - 1];
  if (!category && before && before.text.length <= CATEGORY_MAX && !isSiteLine(before) && !/[.!?]$/.test(before.text)) {
    category = before.text;
  }

  // Older pages: a row of short unlabelled values under the title ("San Jose", "Intern", "R&D", "… 2025 Start").
  const valueEnd = header.firstLabel > titleIndex ? header.firstLabel : headerEnd;
  const values: string[] = [];
  for (let i = titleIndex + 1; i < valueEnd; i++) {
    const line = lines[i]!;
    if (SHARE_LINE.test(line.text) || isLabelLine(line.text) || isSiteLine(line)) break;
    for (const segment of line.segments.length > 1 ? line.segments : [line.text]) {
      const value = segment.trim();
      if (value && value.length <= 80 && !/^[|·•/,-]$/.test(value) && !isLabelLine(value)) values.push(value);
    }
  }
  let employmentType = header.labels.employmentType ?? null;
  let cohortValue: string | null = null;
  const rowDegrees: string[] = [];
  const plainValues: string[] = [];
  for (const value of values) {
    if (!employmentType && EMPLOYMENT_SET.has(value.toLowerCase())) employmentType = value;
    else if (parseCohort(value) || VALUE_ROW_DEGREE_WORDS.test(value)) {
      cohortValue ??= value;
      rowDegrees.push(value);
    } else plainValues.push(value);
  }
  let locations = header.labels.location ? splitList(header.labels.location) : [];
  if (locations.length === 0 && plainValues.length > 0) locations = splitList(plainValues.shift()!);
  if (!category && plainValues.length > 0) category = plainValues.shift()!;
  return [category, locations, employmentType, cohortValue, rowDegrees];
}
