import { MONTHS as CALENDAR_MONTHS, SHORT_MONTHS, type Season } from '../text/calendar';

/** Dates as résumés write them: months, seasons, years, "present", and day-precise periods. */

// Month words in lower case (full, short, and "sept"), each to its number: a résumé writes any case.
const MONTHS: Readonly<Record<string, number>> = Object.fromEntries([
  ...CALENDAR_MONTHS.map((name, i) => [name.toLowerCase(), i + 1] as const),
  ...SHORT_MONTHS.map((name, i) => [name.toLowerCase(), i + 1] as const),
  ['sept', 9] as const,
]);
// The month a term ends in, as universities use the words for graduation ("Spring 2026" is May).
const SEASONS: Readonly<Partial<Record<Season, number>>> = { spring: 5, summer: 8, fall: 12, autumn: 12 };

export const MONTH_WORD = Object.keys(MONTHS)
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

export function datesIn(text: string): FoundDate[] {
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

const DAY = new RegExp(
  [
    `\\b(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m1>${MONTH_WORD})\\.?,?\\s+(?<y1>20\\d{2})\\b`,
    `\\b(?<m2>${MONTH_WORD})\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>20\\d{2})\\b`,
    `\\b(?<y3>20\\d{2})-(?<m3>0[1-9]|1[0-2])-(?<d3>0[1-9]|[12]\\d|3[01])\\b`,
  ].join('|'),
  'gi',
);

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? `${y}-${pad2(m)}-${pad2(d)}` : null;
}

/** The day-precise dates in a text, else its months as first and last days. */
export function periodIn(text: string): { from: string; to: string } | null {
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
