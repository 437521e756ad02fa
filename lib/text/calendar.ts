/**
 * Months, seasons and ISO dates, once for the extractor, the matcher and the résumé reader.
 * Zod-free: the content script uses it, and the posting schema takes its month names from here.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A month name, full or short ("Sept" too), as a RegExp alternation without a group or a final
 * dot. Capitalised only: "may" is a verb and "mar" a word; postings capitalise months. Readers
 * that take any letter case use the `i` flag on their own pattern.
 */
export const MONTH_NAME_SOURCE =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';

/** 1–12 for a month name, full or short, with or without a final dot, in any letter case; null otherwise. */
export function monthNumber(name: string): number | null {
  const key = name.replace('.', '').slice(0, 3).toLowerCase();
  const i = SHORT_MONTHS.findIndex((m) => m.toLowerCase() === key);
  return i === -1 ? null : i + 1;
}

/** The seasons as postings and résumés name them; what month each means depends on the reader. */
export const SEASONS = ['spring', 'summer', 'fall', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];
/** The seasons as a RegExp alternation without a group (lower case; use the `i` flag). */
export const SEASON_SOURCE = SEASONS.join('|');

const pad2 = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD for a day that exists (month 1–12), null for one that does not (31 April). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}
