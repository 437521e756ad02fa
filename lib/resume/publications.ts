import { escapeRegExp } from '../text/regexp';
import { BULLET, type Line } from './lines';
import { venuesWithYear } from './venue-scan';

/**
 * Publications: the entries of the Publications section, each with its venue, year and whether the
 * candidate (named on the first line) is its first author.
 */

export interface ProposedPublication {
  venue: string;
  year: number | null;
  firstAuthor: boolean;
  source: string;
}

const NAME_WORD = /^[\p{Lu}][\p{L}'’-]*\.?$/u;

export function nameOf(lines: Line[]): string | null {
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

export function proposePublications(lines: Line[], name: string | null): ProposedPublication[] {
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
