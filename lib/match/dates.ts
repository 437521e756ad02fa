/**
 * Calendar arithmetic on whole days (UTC), enough to compare availability with internship
 * windows. Days are integers so comparisons are exact and results do not depend on time zones.
 */

import { MONTH_NAME_SOURCE, SHORT_MONTHS } from '../text/calendar';
import { NUMBER_WORD_SOURCE, parseNumber as parseWordOrDigits } from '../text/numbers';

export type Day = number;
const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, date: number): Day {
  // Whole numbers in a sane range are counted by arithmetic (Howard Hinnant's days-from-civil),
  // which the bench showed cheaper than Date.UTC; anything else (years 0–99, which Date.UTC reads
  // as 19xx, fractions, NaN) keeps Date.UTC's own reading.
  if (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(date) &&
    year >= 100 &&
    year <= 100_000 &&
    Math.abs(month) <= 1_000_000 &&
    Math.abs(date) <= 1_000_000
  ) {
    // Month 13 is January of the next year, month 0 December of the one before, as in Date.UTC.
    const m0 = month - 1;
    const y = year + Math.floor(m0 / 12);
    const m = m0 - Math.floor(m0 / 12) * 12 + 1;
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468 + (date - 1);
  }
  return Math.floor(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}
export function parseIsoDay(iso: string): Day {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}
/** Civil date of a day number (Howard Hinnant's days-to-civil), without allocating a Date. */
function civil(day: Day): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
export function isoOfDay(day: Day): string {
  const [y, m, d] = civil(day);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
export function dayOfDate(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}
export function monthStart(year: number, month: number): Day {
  return dayOf(year, month, 1);
}
export function monthEnd(year: number, month: number): Day {
  return dayOf(year, month + 1, 1) - 1;
}
/** Same day-of-month `months` later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const last = monthEnd(target.getUTCFullYear(), target.getUTCMonth() + 1);
  return Math.min(dayOf(target.getUTCFullYear(), target.getUTCMonth() + 1, d.getUTCDate()), last);
}
export function yearOfDay(day: Day): number {
  return civil(day)[0];
}
function monthOfDay(day: Day): number {
  return civil(day)[1];
}
/** "YYYY-MM" → comparable month number. */
export function monthIndex(yearMonth: string): number {
  // Profile dates, asked for on every degree and graduation line.
  let index = monthIndexCache.get(yearMonth);
  if (index === undefined) {
    const [y, m] = yearMonth.split('-').map(Number) as [number, number];
    index = y * 12 + (m - 1);
    if (monthIndexCache.size < 1000) monthIndexCache.set(yearMonth, index);
  }
  return index;
}
const monthIndexCache = new Map<string, number>();
export function monthIndexOfDay(day: Day): number {
  return yearOfDay(day) * 12 + monthOfDay(day) - 1;
}

export { MONTHS as MONTH_NAMES, monthNumber } from '../text/calendar';

/** A month name and an optional final dot (lib/text/calendar.ts: capitalised only). */
export const MONTH_PATTERN = `(?:${MONTH_NAME_SOURCE})\\.?`;

/** A count in digits or words (one list with the extractor's: lib/text/numbers.ts). */
export const NUMBER_PATTERN = `(?:\\d{1,2}|${NUMBER_WORD_SOURCE})`;
/** As lib/text/numbers.ts reads it, and "a" or "an" as one ("an internship of a year"). */
export function parseNumber(text: string): number | null {
  const t = text.toLowerCase();
  return t === 'a' || t === 'an' ? 1 : parseWordOrDigits(t);
}

export interface Period {
  from: Day;
  to: Day;
}
/** A date window of a posting (an internship period), with its onboard-by day and how it was written. */
export interface Window extends Period {
  onboardBy: Day | null;
  label: string;
}
export function overlapDays(a: Period, b: Period): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from) + 1);
}
export function weeksIn(days: number): number {
  return Math.floor(days / 7);
}

/** A month index as people write it: "May 2026". */
export function monthLabel(index: number): string {
  return `${SHORT_MONTHS[((index % 12) + 12) % 12]} ${Math.floor(index / 12)}`;
}
/** "2026-05" → "May 2026"; anything else as it is. */
export function yearMonthLabel(yearMonth: string): string {
  return /^\d{4}-\d\d$/.test(yearMonth) ? monthLabel(monthIndex(yearMonth)) : yearMonth;
}
/** A day as people write it: "11 May 2026". */
export function dayLabel(day: Day): string {
  const [y, m, d] = civil(day);
  return `${d} ${SHORT_MONTHS[m - 1]} ${y}`;
}
