import type { JobPosting } from '../posting/schema';

/**
 * The posting schema's limits, for the content script, which carries no Zod: a posting over them
 * would be refused whole by the background. A number limits a text's length; a pair limits a
 * list's items and (0: not text) each item's length. tests/unit/lib/extract/limits.test.ts holds them
 * to the schema. The contact address needs none: the scan that finds it reads at most 320 characters.
 */
export const LIMITS: Readonly<Record<string, number | readonly [number, number]>> = {
  title: 500,
  jobCode: 100,
  category: 200,
  team: 300,
  employmentType: 100,
  cohort: 100,
  description: 50_000,
  jobInformation: 50_000,
  locations: [50, 200],
  responsibilities: [200, 5_000],
  minimumQualifications: [200, 5_000],
  preferredQualifications: [200, 5_000],
  startDates: [100, 0],
  internshipPeriods: [20, 0],
};

/** The text cut to `max` characters, the last one an ellipsis; never inside a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Trims a posting to the schema's limits instead of losing it: long texts are cut, long lists keep
 * their first items. Returns the names of the fields it shortened (empty when none).
 */
export function trimToLimits(posting: JobPosting): string[] {
  const shortened: string[] = [];
  const record = posting as unknown as Record<string, string | null | unknown[]>;
  for (const [field, limit] of Object.entries(LIMITS)) {
    const value = record[field]!;
    const trimmed =
      typeof limit === 'number'
        ? typeof value === 'string'
          ? cutText(value, limit)
          : value
        : (value as unknown[]).slice(0, limit[0]).map((item) => (limit[1] ? cutText(item as string, limit[1]) : item));
    const changed = Array.isArray(trimmed)
      ? trimmed.length < (value as unknown[]).length || trimmed.some((item, i) => item !== (value as unknown[])[i])
      : trimmed !== value;
    if (changed) {
      record[field] = trimmed;
      shortened.push(field);
    }
  }
  return shortened;
}
