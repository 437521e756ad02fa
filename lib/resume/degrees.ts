import type { Education } from '../profile/schema';
import { datesIn, MONTH_WORD } from './dates';
import { BULLET, type Line } from './lines';

/**
 * Degrees: the levels a line names (written out, or abbreviated where a degree is expected), the
 * field after each, and the graduation date and status from the line or its neighbours.
 */

type DegreeLevel = Education['level'];

/** A profile's education entry as proposed: the same level and status, with its field and date maybe incomplete. */
export interface ProposedDegree {
  level: DegreeLevel;
  /** '' when the line names no field. */
  field: string;
  status: Education['status'];
  /** YYYY-MM when the text gives a month; a bare year (YYYY) or '' otherwise, for the user to complete. */
  graduation: string;
  /** The résumé line(s) it was read from. */
  source: string;
}

interface DegreeMention {
  level: DegreeLevel;
  start: number;
  end: number;
}

// Written out or with dots, these name a degree wherever they stand.
const STRONG_DEGREES: [RegExp, DegreeLevel][] = [
  [/\b(?:Ph\.\s?D\.?|D\.\s?Phil\.?|Doctor of Philosophy|Doctorate|Doctoral (?:degree|student|candidate))(?![\w])/gi, 'PhD'],
  [/\bMasters?(?:['’]s)?(?=\s+(?:of|in|degree|program(?:me)?|student|candidate|course)\b)|\bMaster['’]s\b/gi, 'Master'],
  [/\b(?:M\.\s?(?:S|Sc|A|Eng|Phil|Tech|Comp|Math|Stat)\.|M\.B\.A\.)(?![\w])/g, 'Master'],
  [/\bBachelors?(?:['’]s)?(?=\s+(?:of|in|degree|program(?:me)?|student|course)\b)|\bBachelor['’]s\b/gi, 'Bachelor'],
  [/\b(?:B\.\s?(?:S|Sc|A|Eng|E|Tech|Comp|Math)\.)(?![\w])/g, 'Bachelor'],
];
// Bare abbreviations are also US states ("Cambridge, MA"), software ("MS Office") or words, so
// they count only where a degree is expected: see acceptsBare().
const BARE_DEGREES: [RegExp, DegreeLevel][] = [
  [/\b(?:PhD|DPhil)(?![\w.])/g, 'PhD'],
  [/\b(?:MS|MSc|MA|MEng|MPhil|MBA|MTech|MCS|MSCS)(?![\w.])/g, 'Master'],
  [/\b(?:BS|BSc|BA|BEng|BTech|BASc|BCS)(?![\w.])/g, 'Bachelor'],
];

// The words around a bare abbreviation that decide it: a short window, so that a long line with
// many abbreviations is read in time proportional to its length.
const AROUND = 40;

function acceptsBare(line: Line, start: number, end: number): boolean {
  const before = line.text.slice(Math.max(0, start - AROUND), start);
  const after = line.text.slice(end, end + AROUND);
  if (/,\s*$/.test(before) && /^\s*(?:$|[,\d])/.test(after)) return false; // "Boston, MA 02115"
  if (/^\s*(?:Office|Excel|Word|PowerPoint|Teams|Access|Project|Visio|SQL|Azure|Dynamics)\b/.test(after)) return false;
  if (line.section === 'education') return true;
  // Elsewhere the abbreviation must read as a degree: "BS Computer Science", "PhD candidate in …",
  // "MS in Statistics", not "PhD researchers" or "mentored MS students".
  const opensLine = start <= AROUND && before.replace(BULLET, '').trim() === '';
  const degreeLike = /^\s*(?:$|\(|(?:candidate|student)\b|in\b|of\b|[,:–—-]|\p{Lu})/u.test(after);
  return (opensLine && degreeLike) || /^\s*(?:(?:candidate|student)\s+)?(?:in|of)\b/i.test(after);
}

const mentionCache = new WeakMap<Line, DegreeMention[]>();

function degreeMentions(line: Line): DegreeMention[] {
  const cached = mentionCache.get(line);
  if (cached) return cached;
  const mentions: DegreeMention[] = [];
  // Characters already taken by a written-out degree, so a bare abbreviation inside one is skipped
  // without comparing it with every other mention.
  const taken = new Uint8Array(line.text.length);
  for (const [pattern, level] of STRONG_DEGREES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line.text); m; m = pattern.exec(line.text)) {
      mentions.push({ level, start: m.index, end: m.index + m[0].length });
      taken.fill(1, m.index, m.index + m[0].length);
    }
  }
  for (const [pattern, level] of BARE_DEGREES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line.text); m; m = pattern.exec(line.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken[start] || taken[end - 1]) continue;
      if (acceptsBare(line, start, end)) mentions.push({ level, start, end });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  mentionCache.set(line, mentions);
  return mentions;
}

// "Master of Engineering" with nothing after names its field; "Master of Science" does not.
const DEGREE_OF =
  /^\s*of\s+(?:the\s+)?(Science|Arts|Engineering|Technology|Philosophy|Business Administration|Laws|Fine Arts|Applied Science|Computing|Commerce|Education|Public Health|Public Policy)\b/i;
const FIELD_FROM_DEGREE_OF = new Set([
  'engineering',
  'business administration',
  'laws',
  'computing',
  'commerce',
  'education',
  'public health',
  'public policy',
  'fine arts',
]);
const FIELD_STOP = new RegExp(
  [
    '\\s*[,;|(\\[•·]',
    '\\s+[–—-]\\s',
    '\\s{2,}',
    '\\t',
    '(?:^|\\s+)(?:at|from|with|minor|expected|exp\\.|anticipated|graduat\\w*|GPA|cum laude|summa|magna|honou?rs?|since|until|class of)\\b',
    `(?:^|\\s+)(?:${MONTH_WORD})\\.?\\s+(?:19|20)\\d{2}`,
    '(?:^|\\s+)(?:19|20)\\d{2}',
    '(?:^|\\s+)\\d{1,2}/',
    '(?:^|\\s+)(?:spring|summer|fall|autumn)\\s+(?:19|20)\\d{2}',
    '\\s+(?:[A-Z][\\w&.-]*\\s+){0,4}(?:University|College|Institute|School|Academy)\\b',
    '\\s+(?:University|College|Institute|School)\\s+of\\b',
  ].join('|'),
  'i',
);

function fieldAfter(rest: string): string {
  let text = rest.replace(/^['’]?s\b/, '');
  text = text.replace(/^\s*(?:degree|program(?:me)?|course|\((?:expected|in progress)\))\b/i, '');
  text = text.replace(/^\s*(?:candidate|student|researcher)\b/i, '');
  let fallback = '';
  const of = DEGREE_OF.exec(text);
  if (of) {
    if (FIELD_FROM_DEGREE_OF.has(of[1]!.toLowerCase())) fallback = of[1]!;
    text = text.slice(of[0].length);
  } else if (/^\s*of\s+/i.test(text)) {
    text = text.replace(/^\s*of\s+/i, ''); // "Master of Computer Science"
  }
  // "BEng (Computer Engineering)": the field in brackets, unless the bracket says something else.
  const bracketed = /^\s*\(([^)]{2,80})\)/.exec(text);
  if (bracketed && !fallback && !/\b(?:expected|hons?|honou?rs|in progress|ongoing|\d{4})\b/i.test(bracketed[1]!)) {
    return bracketed[1]!.trim();
  }
  // One white-space run before the bracket and one after it: `\s*(?:…)?\s*` splits a long run every way.
  text = text.replace(/^\s*(?:\([^)]*\)\s*)?(?:degree\s+)?(?:in|:|,|[–—-])\s*/i, '');
  if (/^\s*(?:at|from)\b/i.test(text) || /^\s*(?:[A-Z][\w&.-]*\s+){0,4}(?:University|College|Institute|School)\b/.test(text))
    return fallback;
  const stop = FIELD_STOP.exec(text);
  // The trailer from the start of its run only (not retried from each of its characters).
  const field = (stop ? text.slice(0, stop.index) : text).replace(/(?<![\s.,:;–—-])[\s.,:;–—-]+$/, '').trim();
  // What is left must read like a field of study, not a date or a stray word.
  if (!/^[\p{L}&]/u.test(field) || field.length > 80) return fallback;
  if (/^(?:and|or|the|a|an)$/i.test(field)) return fallback;
  return field;
}

const PURSUING =
  /\b(?:expected|exp\.|anticipated|candidate|pursuing|in progress|ongoing|present|current(?:ly)?|to be (?:conferred|awarded)|student|now)\b/i;

/** The last date of the first text that has one: a range's end ("Sep 2022 – Jun 2026") is the graduation. */
function graduationFrom(texts: string[]): { value: string; open: boolean; text: string } | null {
  for (const text of texts) {
    const dates = datesIn(text);
    if (dates.length === 0) continue;
    const last = dates[dates.length - 1]!;
    return { value: last.value ?? '', open: last.value === null, text };
  }
  return null;
}

function isAfter(graduation: string, now: Date): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const [y, m] = graduation.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return false;
  if (m === undefined) return y > year;
  return y > year || (y === year && m > month);
}

export function proposeDegrees(lines: Line[], now: Date): ProposedDegree[] {
  const hasEducation = lines.some((l) => l.section === 'education');
  const out: ProposedDegree[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.isHeading) return;
    // With an Education heading, degrees elsewhere are mentions ("mentored BS students"), not the candidate's.
    if (hasEducation && line.section !== 'education' && line.section !== null) return;
    const mentions = degreeMentions(line);
    if (mentions.length === 0) return;
    // Neighbouring lines often carry the school and the dates ("NUS   Aug 2024 – Dec 2026").
    const neighbour = (j: number) => {
      const other = lines[j];
      return other && !other.isHeading && other.section === line.section && degreeMentions(other).length === 0 ? other.text : null;
    };
    const next = neighbour(i + 1);
    const previous = neighbour(i - 1);
    const context = [line.text, next, previous].filter((t): t is string => t !== null);

    // "B.S./M.S. in Computer Science": mentions joined by a slash or "and" share the field after the last.
    const groups: DegreeMention[][] = [];
    for (const mention of mentions) {
      const group = groups[groups.length - 1];
      const last = group?.[group.length - 1];
      if (last && /^\s*(?:\/|&|and|,)\s*$/i.test(line.text.slice(last.end, mention.start))) group!.push(mention);
      else groups.push([mention]);
    }
    for (const [g, group] of groups.entries()) {
      const last = group[group.length - 1]!;
      const nextGroup = groups[g + 1];
      const own = line.text.slice(last.end, nextGroup ? nextGroup[0]!.start : undefined);
      const field = fieldAfter(own);
      // Two degrees on one line ("BS 2020, MS 2022") each take their own date; one takes the line's.
      const dateTexts = groups.length > 1 ? [line.text.slice(group[0]!.start, nextGroup ? nextGroup[0]!.start : undefined)] : context;
      const grad = graduationFrom(dateTexts);
      const graduation = grad?.value ?? '';
      const pursuing = grad?.open === true || (graduation !== '' && isAfter(graduation, now)) || PURSUING.test(dateTexts.join(' '));
      for (const mention of group) {
        const proposal: ProposedDegree = {
          level: mention.level,
          field,
          status: pursuing ? 'pursuing' : 'completed',
          graduation,
          source: grad && !line.text.includes(grad.text) ? `${line.text} · ${grad.text}` : line.text,
        };
        const key = `${proposal.level}|${proposal.field.toLowerCase()}|${proposal.graduation}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(proposal);
        }
      }
    }
  });
  return out;
}
