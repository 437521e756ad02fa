import type { ApplicationLimit, Commitment, DegreeLevel, InternshipPeriod, Month } from '../posting/schema';
import {
  APPLICATION_LIMIT,
  CONTACT_LEAD,
  DEGREE_TAG,
  LIMIT_AFFILIATES,
  LIMIT_IN_ORDER,
  ONSITE_WORDS,
  START_DATES_HEADING,
} from '../sites/texts';
import { isoDate, MONTH_NAME_SOURCE, MONTHS, monthNumber } from '../text/calendar';
import { NUMBER_WORD_SOURCE, parseNumber } from '../text/numbers';

/** Facts buried in the prose. Each parser returns null or [] when the text does not say. */

const MONTH_NAMES = MONTH_NAME_SOURCE;
const NUMBER = `\\d{1,3}|${NUMBER_WORD_SOURCE}`;

function monthFromName(name: string): Month | null {
  const n = monthNumber(name);
  return n === null ? null : MONTHS[n - 1]!;
}

// "May 11th, 2026", "11 May 2026", "12 Jan 2026", "2026-05-11".
const DATE_SOURCE =
  `(?:(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}))` +
  `|(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4}))` +
  `|(?:(\\d{4})-(\\d{2})-(\\d{2}))`;

// Compiled once: the content script reads every page, and after every settle of a changing one.
const WHOLE_DATE = new RegExp(`^(?:${DATE_SOURCE})$`, 'i');
const ANY_DATE = new RegExp(`(?:${DATE_SOURCE})`, 'i');
// The white space after a marker is read only after one: `[\\s,;]*` and a bare `\\s*` next to it
// would share a run of spaces every possible way.
const START_DATE_ITEM = new RegExp(`^[\\s,;]*(?:(?:[-–•·*]|\\d{1,2}[.)])\\s*)?(?:${DATE_SOURCE})`, 'i');
const PERIOD = new RegExp(
  `\\bFrom\\s+(${MONTH_NAMES})\\.?\\s+(?:to|until|through|-|–)\\s+(${MONTH_NAMES})\\b\\.?(?:\\s*\\(([^)]{0,80})\\))?`,
  'gi',
);
const AMOUNT = `(${NUMBER})[\\s-]+(months?|weeks?)`;
const COMMITMENTS = [
  `\\b(?:at least|minimum of|a minimum of|no less than)\\s+${AMOUNT}\\b(?!\\s*per)`,
  `\\b(?:runs|lasts|last|run)\\s+(?:for\\s+)?${AMOUNT}\\b`,
  `\\b${AMOUNT}(?:[\\s-]+long)?\\s+(?:internship|programme|program)\\b`,
].map((source) => new RegExp(source, 'i'));
const ONSITE_DAYS = new RegExp(`\\b(${NUMBER})\\s+(?:days?|working days)\\s+(?:per|a|each|every)\\s+week`, 'gi');

// A date is a few dozen characters; anything longer cannot be one, so the pattern never sees it.
const DATE_MAX = 40;

export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  // A char loop for the trailing ".;,": an end-anchored `[.;,]+$` is retried at every position of a run.
  let end = trimmed.length;
  while (end > 0 && isDateTrailer(trimmed.charCodeAt(end - 1))) end--;
  const m = end <= DATE_MAX ? WHOLE_DATE.exec(trimmed.slice(0, end)) : null;
  return m ? dateFromMatch(m, 0) : null;
}

function dateFromMatch(m: RegExpExecArray, offset: number): string | null {
  const g = (i: number) => m[offset + i];
  if (g(1)) {
    const month = monthNumber(g(1)!);
    return month ? isoDate(Number(g(3)), month, Number(g(2))) : null;
  }
  if (g(5)) {
    const month = monthNumber(g(5)!);
    return month ? isoDate(Number(g(6)), month, Number(g(4))) : null;
  }
  if (g(7)) return isoDate(Number(g(7)), Number(g(8)), Number(g(9)));
  return null;
}

/** "Summer Start Dates: - May 11th, 2026 - May 18th, 2026 …": the dates of that list, in order. */
export function parseStartDates(text: string): string[] {
  const dates: string[] = [];
  if (!/start date/i.test(text)) return dates;
  for (const h of text.matchAll(START_DATES_HEADING)) {
    let rest = text.slice(h.index + h[0].length);
    for (let m = START_DATE_ITEM.exec(rest); m; m = START_DATE_ITEM.exec(rest)) {
      const iso = dateFromMatch(m, 0);
      if (iso && !dates.includes(iso)) dates.push(iso);
      rest = rest.slice(m[0].length);
    }
  }
  return dates;
}

/** "From January to June (onboard by 12 Jan 2026)". */
export function parseInternshipPeriods(text: string): InternshipPeriod[] {
  const periods: InternshipPeriod[] = [];
  for (const m of text.matchAll(PERIOD)) {
    const from = monthFromName(m[1]!);
    const to = monthFromName(m[2]!);
    if (!from || !to) continue;
    let onboardBy: string | null = null;
    const note = m[3];
    if (note) {
      const d = ANY_DATE.exec(note);
      if (d && /onboard|start|join/i.test(note)) onboardBy = dateFromMatch(d, 0);
    }
    if (!periods.some((p) => p.from === from && p.to === to && p.onboardBy === onboardBy)) {
      periods.push({ from, to, onboardBy });
    }
  }
  return periods;
}

/** "at least 3 months long internship period", "It runs for 12 weeks". */
export function parseCommitment(text: string): Commitment | null {
  if (!/month|week/i.test(text)) return null;
  let best: { index: number; value: Commitment } | null = null;
  for (const re of COMMITMENTS) {
    const m = re.exec(text);
    if (!m) continue;
    const amount = parseNumber(m[1]!);
    if (!amount) continue;
    const unit = m[2]!.toLowerCase().startsWith('week') ? 'week' : 'month';
    if (!best || m.index < best.index) best = { index: m.index, value: { amount, unit } };
  }
  return best?.value ?? null;
}

/** "Candidates can apply to a maximum of two positions and will be considered … in the order you apply". */
export function parseApplicationLimit(text: string): ApplicationLimit | null {
  const m = APPLICATION_LIMIT.exec(text);
  if (!m) return null;
  const max = parseNumber(m[1]!);
  if (!max) return null;
  const around = text.slice(m.index, m.index + 600);
  const inOrder = LIMIT_IN_ORDER.test(around);
  const scope = LIMIT_AFFILIATES.test(around) ? 'affiliates-global' : 'company';
  return { max, scope, inOrder };
}

/** "work on-site at our Sydney office for a minimum of three days per week" → 3. */
export function parseOnsiteDays(text: string): number | null {
  if (!/days? (?:per|a|each|every) week/i.test(text)) return null;
  for (const m of text.matchAll(ONSITE_DAYS)) {
    // The sentence back to its full stop, at most a bounded window: a search back to the start of
    // a text without one, from every match, would be quadratic.
    const windowStart = Math.max(0, m.index - 300);
    const sentenceStart = windowStart + text.slice(windowStart, m.index).lastIndexOf('.') + 1;
    const sentence = text.slice(sentenceStart, m.index + m[0].length + 80);
    if (!ONSITE_WORDS.test(sentence)) continue;
    const days = parseNumber(m[1]!);
    if (days && days <= 7) return days;
  }
  return null;
}

const isDateTrailer = (code: number) => code === 46 || code === 59 || code === 44;
// The two halves of an address, in the characters the posting schema's address check allows,
// each tried on a bounded piece of text at one "@": `[…]+@[…]+\.[A-Za-z]{2,}` over the whole
// text retries its first run from every position of a long word, quadratic in V8 and in Firefox.
// Neither half crosses an "@"; labels are split by dots, so the domain half has one way to match.
const DOMAIN_PART = /^(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}/;

// Letters, digits, "_", "'", "+", "-": the characters of a local part besides its dots.
const isLocalChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 39 || c === 43 || c === 45;

/**
 * The local part ending at `end`: runs of local characters joined by single dots, read right to
 * left (what `(?:[\w'+-]+\.)*[\w'+-]+$` matches, without its retries from every position).
 */
function localPartBefore(text: string, start: number, end: number): string | null {
  let i = end - 1;
  while (i >= start) {
    const c = text.charCodeAt(i);
    if (isLocalChar(c)) i--;
    // A dot only between two local characters: never first, last or doubled.
    else if (c === 46 && i - 1 >= start && isLocalChar(text.charCodeAt(i - 1)) && isLocalChar(text.charCodeAt(i + 1))) i--;
    else break;
  }
  return i + 1 < end ? text.slice(i + 1, end) : null;
}

/** The first address `local@domain.tld` in the text. */
function findEmail(text: string): string | null {
  for (let before = -1, at = text.indexOf('@'); at !== -1; before = at, at = text.indexOf('@', at + 1)) {
    const local = localPartBefore(text, Math.max(before + 1, at - 64), at);
    const domain = local && DOMAIN_PART.exec(text.slice(at + 1, at + 256));
    if (domain) return `${local}@${domain[0]}`;
  }
  return null;
}

export function parseContactEmail(text: string): string | null {
  const after = CONTACT_LEAD.exec(text);
  if (after) {
    const from = after.index + after[0].length;
    return findEmail(text.slice(from, from + 120));
  }
  return findEmail(text);
}

/** Degree levels from a title tag "(BS/MS)" and from requirement text. */
export function degreeLevelsFromTag(title: string): DegreeLevel[] {
  const found = new Set<DegreeLevel>();
  for (const tag of title.match(DEGREE_TAG) ?? []) {
    if (/\bB[SA]\b/i.test(tag)) found.add('Bachelor');
    if (/\bM(?:S|A|Sc)\b/i.test(tag)) found.add('Master');
    if (/Ph\.?D/i.test(tag)) found.add('PhD');
  }
  return [...found];
}

export function degreeLevelsFromText(text: string): DegreeLevel[] {
  const found = new Set<DegreeLevel>();
  if (/\b(?:bachelor'?s?|B\.?S\.?c?|B\.?A\.?|B\.?Eng|undergraduate)\b/i.test(text)) found.add('Bachelor');
  if (/\b(?:master'?s?|M\.?S\.?c?|M\.?Eng|MBA)\b/i.test(text)) found.add('Master');
  if (/\b(?:Ph\.?\s?D\.?|doctorate|doctoral)\b/i.test(text)) found.add('PhD');
  return [...found];
}

export function orderDegrees(levels: Iterable<DegreeLevel>): DegreeLevel[] {
  const set = new Set(levels);
  return (['Bachelor', 'Master', 'PhD'] as const).filter((l) => set.has(l));
}

/** "… - 2026 Start (BS/MS)" → "2026 Start"; "… - 2025 Summer" → "2025 Summer". */
export function parseCohort(text: string): string | null {
  const m = /\b(20\d{2})\s+(Start|Summer|Spring|Fall|Autumn|Winter)\b/i.exec(text);
  if (!m) return null;
  const word = m[2]!.charAt(0).toUpperCase() + m[2]!.slice(1).toLowerCase();
  return `${m[1]} ${word}`;
}

/** The title's first parenthesised part that is not the degree tag: the team on TikTok titles. */
export function teamFromTitle(title: string): string | null {
  for (const m of title.matchAll(/\(([^()]{2,120})\)/g)) {
    const inner = m[1]!.trim();
    if (degreeLevelsFromTag(`(${inner})`).length > 0 && /^[A-Za-z.\s/]+$/.test(inner) && inner.length <= 12) continue;
    return inner;
  }
  return null;
}
