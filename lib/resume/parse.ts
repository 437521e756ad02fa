import type { Education } from '../profile/schema';
import { findSkills, skillIndex, type SkillIndex } from '../skills/lookup';
import { MONTHS as CALENDAR_MONTHS, SHORT_MONTHS, type Season } from '../text/calendar';
import { escapeRegExp } from '../text/regexp';
import { languageIn } from '../match/languages';
import { findPlaces } from '../match/places';
import { venuesWithYear } from './venue-scan';

/**
 * Reads pasted résumé text and PROPOSES profile entries: degrees, skills, publications, languages,
 * locations and availability periods. Nothing
 * here is trusted: the options page shows every proposal with the words it came from and the
 * user accepts or drops each one. So the parser prefers leaving a value empty (for the user to
 * fill, which the form's validation then asks for) over guessing one.
 *
 * Pure: the current date comes in as a parameter (a graduation after it means "pursuing").
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

export interface ProposedSkill {
  /** Canonical name from the skill list. */
  name: string;
  /** The words as written in the résumé ("golang" for Go). */
  source: string;
}

export interface ProposedPublication {
  venue: string;
  year: number | null;
  firstAuthor: boolean;
  source: string;
}

export interface ProposedLanguage {
  /** As written, with its level: "Mandarin (fluent)", "Malay - conversational". */
  entry: string;
  source: string;
}

export interface ProposedLocation {
  /** The place as written ("Singapore", "Sydney"). */
  name: string;
  source: string;
}

export interface ProposedAvailability {
  /** ISO dates, both ends inclusive; a month alone runs from its first to its last day. */
  from: string;
  to: string;
  source: string;
}

export interface ProposedExperience {
  title: string;
  organization: string;
  /** YYYY-MM, or '' when the résumé gives only a year (for the user to complete). */
  from: string;
  /** YYYY-MM; null while it goes on ("– present"); '' when only a year is given. */
  to: string | null;
  internship: boolean;
  source: string;
}

export interface ResumeProposals {
  /** The candidate's name when the first line looks like one; used to spot first authorship. */
  name: string | null;
  degrees: ProposedDegree[];
  skills: ProposedSkill[];
  publications: ProposedPublication[];
  languages: ProposedLanguage[];
  locations: ProposedLocation[];
  availability: ProposedAvailability[];
  experience: ProposedExperience[];
}

/** Longer text is refused with this message rather than read slowly or cut without a word. */
export const MAX_RESUME_CHARS = 100_000;
export class ResumeTooLongError extends Error {
  constructor(length: number) {
    super(
      `This text is ${length.toLocaleString('en')} characters long; Job Lens reads up to ${MAX_RESUME_CHARS.toLocaleString('en')}. ` +
        'Paste only the résumé (education, experience, skills, languages, publications).',
    );
    this.name = 'ResumeTooLongError';
  }
}

// ---------------------------------------------------------------------------------------------
// Lines and sections

const BULLET = /^(?:[-–—•●◦▪■*·>]+|\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s*/;

type Section = 'education' | 'publications' | 'languages' | 'availability' | 'experience' | 'other' | null;

const SECTION_HEADINGS: [RegExp, Section][] = [
  [/^(?:education(?:al background)?|academic (?:background|history|qualifications)|degrees?)$/i, 'education'],
  [
    /^(?:(?:selected |peer[- ]reviewed |research )?(?:publications?|papers)(?:\s*(?:&|and)\s*(?:preprints|patents|presentations|talks))?|preprints)$/i,
    'publications',
  ],
  [/^(?:languages?|language skills|spoken languages)$/i, 'languages'],
  [/^(?:(?:work |professional |industry |relevant )?experiences?|employment(?: history)?|internships?|work history)$/i, 'experience'],
  [/^(?:availability|available|internship availability|availability for internships?)$/i, 'availability'],
  [
    /^(?:research experiences?|(?:technical |core |key )?skills(?:\s*(?:&|and)\s*\w+)?|(?:academic |selected |personal |research )?projects|awards?(?:\s*(?:&|and)\s*honou?rs)?|honou?rs(?:\s*(?:&|and)\s*awards)?|achievements|certifications?|activities|leadership|volunteering|interests|summary|profile|objective|contact|references|teaching(?: experience)?|service)$/i,
    'other',
  ],
];

function headingOf(line: string): Section {
  const text = line.replace(/[:：]\s*$/, '').trim();
  if (text.length === 0 || text.length > 48) return null;
  for (const [pattern, section] of SECTION_HEADINGS) if (pattern.test(text)) return section;
  return null;
}

interface Line {
  text: string;
  section: Section;
  isHeading: boolean;
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let section: Section = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const textOfLine = raw
      .replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ')
      .replace(/\*\*/g, '')
      .trim();
    if (!textOfLine) continue;
    const heading = headingOf(textOfLine);
    if (heading) section = heading;
    lines.push({ text: textOfLine, section, isHeading: heading !== null });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Dates

// Month words in lower case (full, short, and "sept"), each to its number: a résumé writes any case.
const MONTHS: Readonly<Record<string, number>> = Object.fromEntries([
  ...CALENDAR_MONTHS.map((name, i) => [name.toLowerCase(), i + 1] as const),
  ...SHORT_MONTHS.map((name, i) => [name.toLowerCase(), i + 1] as const),
  ['sept', 9] as const,
]);
// The month a term ends in, as universities use the words for graduation ("Spring 2026" is May).
const SEASONS: Readonly<Partial<Record<Season, number>>> = { spring: 5, summer: 8, fall: 12, autumn: 12 };

const MONTH_WORD = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DATE_PATTERN = new RegExp(
  [
    `\\b(?<monthWord>${MONTH_WORD})\\.?\\s*,?\\s*(?<monthWordYear>(?:19|20)\\d{2})\\b`,
    `\\b(?<season>spring|summer|fall|autumn)\\s+(?<seasonYear>(?:19|20)\\d{2})\\b`,
    `\\b(?<numMonth>0?[1-9]|1[0-2])\\s*[/.]\\s*(?<numYear>(?:19|20)\\d{2})\\b`,
    `\\b(?<isoYear>(?:19|20)\\d{2})[-/.](?<isoMonth>0[1-9]|1[0-2])(?![\\d])`,
    `\\b(?<year>(?:19|20)\\d{2})\\b`,
    `\\b(?<present>present|now|current|today|ongoing)\\b`,
  ].join('|'),
  'gi',
);

interface FoundDate {
  /** YYYY-MM, or YYYY when only the year is known, or null for "present". */
  value: string | null;
  index: number;
}

function datesIn(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(text); m; m = DATE_PATTERN.exec(text)) {
    const g = m.groups!;
    const pad = (n: number) => String(n).padStart(2, '0');
    let value: string | null;
    if (g.monthWord) value = `${g.monthWordYear}-${pad(MONTHS[g.monthWord.toLowerCase()]!)}`;
    else if (g.season) value = `${g.seasonYear}-${pad(SEASONS[g.season.toLowerCase() as Season]!)}`;
    else if (g.numMonth) value = `${g.numYear}-${pad(Number(g.numMonth))}`;
    else if (g.isoYear) value = `${g.isoYear}-${g.isoMonth}`;
    else if (g.year) value = g.year;
    else value = null;
    found.push({ value, index: m.index });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Degrees

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

function proposeDegrees(lines: Line[], now: Date): ProposedDegree[] {
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

// ---------------------------------------------------------------------------------------------
// Skills

function proposeSkills(text: string, index: SkillIndex): ProposedSkill[] {
  const seen = new Map<string, ProposedSkill>();
  for (const mention of findSkills(text, index)) {
    if (mention.target.kind !== 'skill') continue;
    if (!seen.has(mention.target.name)) seen.set(mention.target.name, { name: mention.target.name, source: mention.text });
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Publications

const NAME_WORD = /^[\p{Lu}][\p{L}'’-]*\.?$/u;

function nameOf(lines: Line[]): string | null {
  const first = lines[0];
  if (!first || first.isHeading) return null;
  const text = first.text
    .replace(/^(?:name\s*[:：]\s*)/i, '')
    .split(/\s*[|,•·–—]\s*|\s{2,}/)[0]!
    .trim();
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 4 || text.length > 48) return null;
  if (!words.every((w) => NAME_WORD.test(w) || /^[\p{Lu}]{2,}$/u.test(w))) return null;
  // A name in capitals ("JANE DOE") is written as a name elsewhere.
  return words.map((w) => (w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w)).join(' ');
}

/** The ways a name opens an author list: "Jane Doe", "J. Doe", "Doe, J.", "Doe J", "Doe Jane". */
function firstAuthorPattern(name: string): RegExp {
  const words = name.split(/\s+/);
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const initial = first[0]!;
  const forms = [
    `${escapeRegExp(first)}(?:\\s+\\S+)?\\s+${escapeRegExp(last)}`,
    `${escapeRegExp(initial)}\\.?(?:\\s*[A-Z]\\.?)?\\s+${escapeRegExp(last)}`,
    `${escapeRegExp(last)},?\\s+${escapeRegExp(first)}`,
    `${escapeRegExp(last)},?\\s+${escapeRegExp(initial)}\\.?(?![\\p{L}])`,
  ];
  return new RegExp(`^[\\s*_"“]*(?:${forms.join('|')})(?![\\p{L}])`, 'iu');
}

const QUOTED = /["“”][^"“”]{3,}["“”]/g;
const PAREN_ACRONYM = /\((?:[^()]*?\s)?((?:[A-Z][a-z]*){0,2}[A-Z]{2,}[A-Za-z&]*)(?:\s*['’]?((?:19|20)?\d{2}))?\)/g;
const IN_VENUE =
  /(?:^|[\s.,])In(?::|\s)\s*(?:Proc(?:eedings|\.)?\s+(?:of\s+)?)?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)\s+)?(?:(?:19|20)\d{2}\s+)?([^,.(]+?)(?=\s*[,.(]|\s+(?:19|20)\d{2}|$)/;
// Acronyms that are parts of titles or of the page, not venues.
const NOT_VENUES = new Set([
  'LLM',
  'LLMS',
  'GPU',
  'GPUS',
  'CPU',
  'AI',
  'ML',
  'NLP',
  'CV',
  'RL',
  'DNN',
  'CNN',
  'RNN',
  'GAN',
  'GANS',
  'API',
  'SQL',
  'USA',
  'UK',
  'USD',
  'GPA',
  'TBD',
  'PDF',
  'DOI',
  'URL',
  'IEEE',
  'ACM',
]);

function venueOf(entry: string): { venue: string; year: number | null } | null {
  const text = entry.replace(QUOTED, ' ');
  const fullYear = (y: string | undefined): number | null => {
    if (!y) return null;
    const n = Number(y);
    return y.length === 2 ? 2000 + n : n;
  };
  const candidates: { venue: string; year: number | null }[] = [];
  for (const { venue, year } of venuesWithYear(text)) {
    if (!NOT_VENUES.has(venue.toUpperCase())) candidates.push({ venue, year: fullYear(year) });
  }
  if (candidates.length > 0) return candidates[candidates.length - 1]!;
  PAREN_ACRONYM.lastIndex = 0;
  for (let m = PAREN_ACRONYM.exec(text); m; m = PAREN_ACRONYM.exec(text)) {
    if (!NOT_VENUES.has(m[1]!.toUpperCase())) candidates.push({ venue: m[1]!, year: fullYear(m[2]) });
  }
  if (candidates.length > 0) return candidates[candidates.length - 1]!;
  const inVenue = IN_VENUE.exec(text);
  if (inVenue) return { venue: inVenue[1]!.trim(), year: null };
  // "… Robust speech models. Interspeech 2023." — capitalised words and a year closing the entry.
  const closing = /(?:^|[.,]\s+)((?:[A-Z][\w&-]*)(?:\s+(?:of|on|for|and|&|[A-Z][\w&-]*)){0,5})\s*,?\s*((?:19|20)\d{2})\.?\s*$/.exec(text);
  if (closing && !/^(?:In|The|A|An)$/.test(closing[1]!)) return { venue: closing[1]!, year: Number(closing[2]) };
  if (/\barxiv\b/i.test(text)) return { venue: 'arXiv', year: null };
  const journal = /(?:^|[.,]\s*)((?:IEEE|ACM|Journal|Transactions|Proceedings)\b[^,.(]*)/.exec(text);
  if (journal) return { venue: journal[1]!.trim(), year: null };
  return null;
}

function publicationEntries(lines: Line[]): string[] {
  const section = lines.filter((l) => l.section === 'publications' && !l.isHeading);
  if (section.length === 0) return [];
  const marked = section.some((l) => BULLET.test(l.text));
  const entries: string[] = [];
  for (const line of section) {
    if (!marked || BULLET.test(line.text) || entries.length === 0) entries.push(line.text.replace(BULLET, ''));
    else entries[entries.length - 1] += ` ${line.text}`;
  }
  return entries;
}

function proposePublications(lines: Line[], name: string | null): ProposedPublication[] {
  const pattern = name ? firstAuthorPattern(name) : null;
  const out: ProposedPublication[] = [];
  for (const entry of publicationEntries(lines)) {
    const found = venueOf(entry);
    if (!found) continue;
    const years = [...entry.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
    const year = found.year ?? years[years.length - 1] ?? null;
    const firstAuthor = /\bfirst[- ]author\b/i.test(entry) || (pattern !== null && pattern.test(entry));
    out.push({ venue: found.venue, year, firstAuthor, source: entry });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Languages, locations, availability

const LANGUAGES_LABEL = /^(?:languages?|spoken languages|language skills)\s*[:：–—-]\s*/i;
const LIST_SPLIT = /\s*(?:[,;|•·]|\s\/\s|\band\b)\s*/;

function proposeLanguages(lines: Line[]): ProposedLanguage[] {
  const out: ProposedLanguage[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.isHeading) continue;
    const labelled = LANGUAGES_LABEL.exec(line.text);
    if (line.section !== 'languages' && !labelled) continue;
    const list = labelled ? line.text.slice(labelled[0].length) : line.text.replace(BULLET, '');
    for (const piece of list.split(LIST_SPLIT)) {
      const entry = piece.trim().replace(/[.]$/, '');
      const name = entry.length <= 100 ? languageIn(entry) : null;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      out.push({ entry, source: line.text });
    }
  }
  return out;
}

// Lines that say where the candidate can work, not where they once did.
const LOCATION_CUE =
  /^(?:(?:current |preferred |work )?locations?|based in|address)\s*[:：–—-]?\s*|\b(?:based in|open to (?:relocat\w*|work(?:ing)? in)|willing to (?:relocate|work) (?:to|in)|relocat\w* to|able to work in)\b/i;
const CONTACT = /@|\+?\d[\d\s()-]{7,}\d/;

function proposeLocations(lines: Line[]): ProposedLocation[] {
  const out: ProposedLocation[] = [];
  const seen = new Set<string>();
  const add = (text: string, source: string) => {
    for (const place of findPlaces(text)) {
      const key = place.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name: place.text, source });
    }
  };
  lines.forEach((line, i) => {
    if (line.isHeading || line.text.length > 300) return;
    if (LOCATION_CUE.test(line.text)) add(line.text, line.text);
    // The contact line under the name: "Singapore | jane@example.com | +65 …".
    else if (i <= 3 && line.section === null && CONTACT.test(line.text)) {
      for (const part of line.text.split(CONTACT_SPLIT)) if (!CONTACT.test(part)) add(part, line.text);
    }
  });
  return out;
}

// The parts of a contact line, white space around each separator dropped; leading white space
// only from the start of its run (see TITLE_SPLIT below).
const CONTACT_SPLIT = /(?:(?<!\s)\s+)?[|•·]\s*/;

const DAY = new RegExp(
  [
    `\\b(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m1>${MONTH_WORD})\\.?,?\\s+(?<y1>20\\d{2})\\b`,
    `\\b(?<m2>${MONTH_WORD})\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>20\\d{2})\\b`,
    `\\b(?<y3>20\\d{2})-(?<m3>0[1-9]|1[0-2])-(?<d3>0[1-9]|[12]\\d|3[01])\\b`,
  ].join('|'),
  'gi',
);
const AVAILABLE = /\bavailab\w*\b/i;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? `${y}-${pad2(m)}-${pad2(d)}` : null;
}

/** The day-precise dates in a text, else its months as first and last days. */
function periodIn(text: string): { from: string; to: string } | null {
  const days: string[] = [];
  DAY.lastIndex = 0;
  for (let m = DAY.exec(text); m; m = DAY.exec(text)) {
    const g = m.groups!;
    const y = Number(g.y1 ?? g.y2 ?? g.y3);
    const month = g.m3 ? Number(g.m3) : MONTHS[(g.m1 ?? g.m2)!.toLowerCase()]!;
    const day = isoDay(y, month, Number(g.d1 ?? g.d2 ?? g.d3));
    if (day) days.push(day);
  }
  if (days.length >= 2) return days[0]! <= days[1]! ? { from: days[0]!, to: days[1]! } : null;
  if (days.length === 1) return null;
  const months = datesIn(text).filter((d) => d.value !== null && d.value.length === 7);
  if (months.length < 2) return null;
  const [fy, fm] = months[0]!.value!.split('-').map(Number) as [number, number];
  const [ty, tm] = months[1]!.value!.split('-').map(Number) as [number, number];
  const from = `${fy}-${pad2(fm)}-01`;
  const to = `${ty}-${pad2(tm)}-${pad2(new Date(Date.UTC(ty, tm, 0)).getUTCDate())}`;
  return from <= to ? { from, to } : null;
}

function proposeAvailability(lines: Line[]): ProposedAvailability[] {
  const out: ProposedAvailability[] = [];
  for (const line of lines) {
    if (line.isHeading || line.text.length > 300) continue;
    if (line.section !== 'availability' && !AVAILABLE.test(line.text)) continue;
    const period = periodIn(line.text);
    if (period && !out.some((p) => p.from === period.from && p.to === period.to)) out.push({ ...period, source: line.text });
  }
  return out;
}

// Roles: a line of the Experience section with a date range ("Software Engineer Intern, Shopee —
// May 2025 – Aug 2025"), or a range alone on the line under its title.
const RANGE_SEPARATOR = /^\s*(?:[–—-]|to|until|till)\s*$/i;
// Leading white space is taken only from the start of its run (a split may also begin right after
// one): `\s*` at every position of a long run of spaces would rescan the run from each of them.
const TITLE_SPLIT = /(?:(?<!\s)\s+)?(?:,|\s[|•·@]\s|\s[–—-]\s|\bat\b)\s*/;
// Trailing separators, from the start of their run only (the same trailer, read once).
const TITLE_TRAILER = /(?<![\s,|•·–—:(-])[\s,|•·–—:(-]+$/;
const INTERN = /\bintern(?:ship)?\b/i;

function proposeExperience(lines: Line[]): ProposedExperience[] {
  const out: ProposedExperience[] = [];
  lines.forEach((line, i) => {
    // Bulleted lines describe a role ("- Ran tutorials from Jan to May 2024"); they do not name one.
    if (line.isHeading || line.section !== 'experience' || line.text.length > 300 || BULLET.test(line.text)) return;
    const dates = datesIn(line.text);
    if (dates.length < 2) return;
    const [a, b] = [dates[dates.length - 2]!, dates[dates.length - 1]!];
    const between = line.text.slice(a.index, b.index).replace(/^\S+(?:\s+\d{4})?/, '');
    if (a.value === null || !RANGE_SEPARATOR.test(between.replace(/^[\s.,]*\d{0,4}/, ''))) return;
    const before = line.text.slice(0, dates[0]!.index).replace(BULLET, '').replace(TITLE_TRAILER, '').trim();
    // A range alone on its line belongs to the line above ("Data Analyst Intern, Grab").
    const above = lines[i - 1];
    const titleText =
      before ||
      (above && !above.isHeading && above.section === 'experience' && datesIn(above.text).length === 0
        ? above.text.replace(BULLET, '')
        : '');
    if (!titleText) return;
    const [title, ...rest] = titleText.split(TITLE_SPLIT).filter(Boolean);
    if (!title || title.length > 200) return;
    const month = (v: string | null) => (v !== null && v.length === 7 ? v : '');
    out.push({
      title,
      organization: (rest[0] ?? '').slice(0, 200),
      from: month(a.value),
      to: b.value === null ? null : month(b.value),
      internship: INTERN.test(titleText),
      source: before ? line.text : `${titleText} · ${line.text}`,
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * Proposals from résumé text; `now` decides whether a graduation date is still ahead. Text over
 * MAX_RESUME_CHARS throws ResumeTooLongError (a message for the user), so the time it takes is
 * bounded; every pattern below runs on one line at a time.
 */
export function parseResume(text: string, now: Date, index: SkillIndex = skillIndex()): ResumeProposals {
  if (text.length > MAX_RESUME_CHARS) throw new ResumeTooLongError(text.length);
  const lines = readLines(text);
  const name = nameOf(lines);
  return {
    name,
    degrees: proposeDegrees(lines, now),
    // Paper titles name research topics ("Graph Learning at Scale"), not skills the candidate claims.
    skills: proposeSkills(
      lines
        .filter((l) => l.section !== 'publications')
        .map((l) => l.text)
        .join('\n'),
      index,
    ),
    publications: proposePublications(lines, name),
    languages: proposeLanguages(lines),
    locations: proposeLocations(lines),
    availability: proposeAvailability(lines),
    experience: proposeExperience(lines),
  };
}
