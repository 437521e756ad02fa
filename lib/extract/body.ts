import {
  BOILERPLATE_SENTENCES,
  DUTY_MARKERS,
  INTRO_MARKERS,
  MINIMUM_MARKERS,
  PREFERRED_MARKERS,
  PROGRAMME_SENTENCES,
} from '../sites/texts';
import type { Line } from './lines';
import { escapeRegExp } from '../text/regexp';
import { isWhiteSpace } from '../text/spaces';

/**
 * Splits a section body into bullets, prose and sub-headings, whichever way the ATS text was
 * rendered: one line per bullet, `ul/li`, paragraphs, or everything flattened into one line with
 * inline `- `, `-Word` or `1. ` markers.
 */

type MarkerKind = 'duties' | 'minimum' | 'preferred' | 'intro';
export type Token =
  { type: 'marker'; kind: MarkerKind } | { type: 'item'; text: string } | { type: 'text'; text: string; lineStart: boolean };

const ALL_MARKERS = [...DUTY_MARKERS, ...MINIMUM_MARKERS, ...PREFERRED_MARKERS, ...INTRO_MARKERS];

// A sub-heading counts only where a heading can stand: at the start of the text, or after the end
// of a sentence or list item or a white space; and only when a colon, a question mark, the end, a
// list marker or (at the start of a line) a capitalised sentence follows. "Key responsibilities
// include…" in a sentence is not one. The look-behind reads one character and the pattern has no
// look-ahead: what follows is checked on a few characters (sortMarker), so no run is rescanned.
const MARKER_RE = new RegExp(
  `(?:^|(?<=[\\s.;:!?)\\]]))(${[...ALL_MARKERS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(\\s*:)?`,
  'gi',
);
// The marker pattern is tried at every position; most lines hold none of its words at all.
const MARKER_WORDS = new RegExp(
  `\\b(?:${[...new Set(ALL_MARKERS.map((m) => m.match(/[A-Za-z]+/g)!.sort((a, b) => b.length - a.length)[0]!))].join('|')})`,
  'i',
);
const MARKER_KINDS = new Map<string, MarkerKind>();
for (const [list, kind] of [
  [DUTY_MARKERS, 'duties'],
  [MINIMUM_MARKERS, 'minimum'],
  [PREFERRED_MARKERS, 'preferred'],
  [INTRO_MARKERS, 'intro'],
] as const) {
  for (const m of list) MARKER_KINDS.set(m.toLowerCase(), kind);
}
const LIST_AFTER = /^\s?(?:[-–•·*]|\d{1,2}[.)]\s)/;
const SENTENCE_AFTER = /^\s[A-Z"“(]/;
const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether a match of MARKER_RE stands as a sub-heading where it is. */
function isMarkerAt(text: string, m: RegExpExecArray | RegExpMatchArray): boolean {
  const start = m.index!;
  const end = start + m[0].length;
  const phrase = m[1]!;
  const closed = m[2] !== undefined || phrase.endsWith('?');
  if (!closed && isWordCode(text.charCodeAt(end))) return false;
  // Inside a sentence (after a word, not after punctuation) only a capitalised heading is one.
  if (start > 0) {
    let before = start - 1;
    if (text.charCodeAt(before) === 32) before--;
    if (before >= 0 && isWordCode(text.charCodeAt(before)) && !(phrase.charCodeAt(0) >= 65 && phrase.charCodeAt(0) <= 90)) return false;
  }
  if (closed || end === text.length) return true;
  const after = text.slice(end, end + 5);
  return LIST_AFTER.test(after) || (start === 0 && SENTENCE_AFTER.test(after));
}

// List markers. A hyphen is a bullet at the start, or mid-line when followed by a capital or a
// digit (" - From May", "-Design"); "rolling basis - we encourage" stays one sentence.
const BULLET_RE = /(?:^|(?<=\s))[•·▪●]\s*|(?:^|(?<=\s))[-–*]\s+(?=[A-Z0-9"“(])|(?:^|(?<=[\s.;:]))-(?=[A-Z][a-z])|^[-–*]\s+/g;
// Cheap checks before the patterns above, which look behind at every position of a line: what
// each alternative must contain. Hyphenated words ("cross-functional") and years pass neither.
const BULLET_HINT = /[•·▪●]|[-–*]\s|-[A-Z]/;
const NUMBER_HINT = /\d(?:[.)]\s|、)/;
// "1. …", "2) …", and, in postings written in Chinese first, "1、…；2、…" (no space needed).
const NUMBER_RE = /(?:^|(?<=\s))(\d{1,2})[.)]\s+(?=[A-Z0-9(“"])|(?:^|(?<=[\s;；。，,]))(\d{1,2})、\s*(?=[A-Z0-9(“"])/g;

interface Cut {
  start: number;
  end: number;
  marker?: MarkerKind;
}

/** Numbered lists run across lines ("1. …<br>2. …"), so the next expected number is carried along. */
interface NumberState {
  expected: number;
}

function findCuts(text: string, numbers: NumberState): Cut[] {
  const cuts: Cut[] = [];
  if (MARKER_WORDS.test(text))
    for (const m of text.matchAll(MARKER_RE)) {
      if (isMarkerAt(text, m)) cuts.push({ start: m.index, end: m.index + m[0].length, marker: MARKER_KINDS.get(m[1]!.toLowerCase())! });
    }
  if (BULLET_HINT.test(text)) for (const m of text.matchAll(BULLET_RE)) cuts.push({ start: m.index, end: m.index + m[0].length });
  // Numbers are markers only as a run 1, 2, 3…: "in 2026. PhD" or "version 2. The" are not lists.
  if (NUMBER_HINT.test(text))
    for (const m of text.matchAll(NUMBER_RE)) {
      const n = Number(m[1] ?? m[2]);
      if (n === 1) numbers.expected = 1;
      if (n !== numbers.expected) continue;
      cuts.push({ start: m.index, end: m.index + m[0].length });
      numbers.expected++;
    }
  cuts.sort((a, b) => a.start - b.start);
  // A marker phrase swallows the bullet right after it ("Minimum Qualifications: - Undergraduate").
  const merged: Cut[] = [];
  for (const cut of cuts) {
    const last = merged[merged.length - 1];
    if (last && cut.start < last.end) continue;
    merged.push(cut);
  }
  return merged;
}

/** Tokens of one line. A line from an `li` is one item, whatever its text looks like. */
function tokenizeLine(line: Line, numbers: NumberState): Token[] {
  const text = line.text;
  const cuts = findCuts(text, numbers);
  const tokens: Token[] = [];
  if (line.listItem && (cuts.length === 0 || cuts[0]!.start > 0 || !cuts[0]!.marker)) {
    const body = cuts.length > 0 && cuts[0]!.start === 0 ? text.slice(cuts[0]!.end) : text;
    return [{ type: 'item', text: body }];
  }
  let position = 0;
  let pendingItem = false;
  const push = (end: number) => {
    const piece = text.slice(position, end).trim();
    if (!piece) return;
    if (pendingItem) tokens.push({ type: 'item', text: piece });
    else tokens.push({ type: 'text', text: piece, lineStart: position === 0 });
  };
  for (const cut of cuts) {
    push(cut.start);
    if (cut.marker) {
      tokens.push({ type: 'marker', kind: cut.marker });
      pendingItem = false;
    } else {
      pendingItem = true;
    }
    position = cut.end;
  }
  push(text.length);
  return tokens;
}

export function tokenize(lines: readonly Line[]): Token[] {
  const tokens: Token[] = [];
  const numbers: NumberState = { expected: 1 };
  for (const line of lines) tokens.push(...tokenizeLine(line, numbers));
  return tokens;
}

// The site-knowledge patterns are written as sentence starts (^…); inside flattened text they
// may start anywhere after white space or punctuation ("…is preferred By submitting…").
function anywhere(patterns: readonly RegExp[]): RegExp {
  const body = patterns.map((p) => (p.source.startsWith('^') ? p.source.slice(1) : p.source)).join('|');
  return new RegExp(`(?:^|(?<=[\\s.;:!?)]))(?:${body})`, 'i');
}
const PROGRAMME_ANYWHERE = anywhere(PROGRAMME_SENTENCES);
const BOILERPLATE_ANYWHERE = anywhere(BOILERPLATE_SENTENCES);

/** Index where programme text ("Candidates can apply…") starts inside an item, or -1. */
export const programmeStart = (text: string) => text.search(PROGRAMME_ANYWHERE);
/** Index where company boilerplate ("By submitting an application…") starts, or -1. */
export const boilerplateStart = (text: string) => text.search(BOILERPLATE_ANYWHERE);

// Stray markers before an item (white space, - – • · *) and separators after it (white space ; ,).
const isLeadingJunk = (code: number) =>
  code === 45 || code === 0x2013 || code === 0x2022 || code === 0xb7 || code === 42 || isWhiteSpace(code);
const isTrailingJunk = (code: number) => code === 59 || code === 44 || isWhiteSpace(code);

/**
 * Trims an item: list separators (";") and stray markers at the ends go, a final "." stays.
 * Items are cut from line texts, whose white space the line reader already made single spaces.
 */
export function cleanItem(text: string): string {
  // Char loops instead of end-anchored patterns, which would be tried at every position.
  let start = 0;
  let end = text.length;
  while (start < end && isLeadingJunk(text.charCodeAt(start))) start++;
  while (end > start && isTrailingJunk(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}
