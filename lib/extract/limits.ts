import type { JobPosting } from '../posting/schema';

/**
 * The posting schema's limits, for the content script, which carries no Zod: a posting over them
 * would be refused whole by the background. tests/unit/extract/limits.test.ts holds them to the schema.
 */
export const TEXT_LIMITS = {
  title: 500,
  jobCode: 100,
  category: 200,
  team: 300,
  employmentType: 100,
  cohort: 100,
  description: 50_000,
  jobInformation: 50_000,
} as const;
export const LIST_LIMITS = {
  locations: [50, 200],
  responsibilities: [200, 5_000],
  minimumQualifications: [200, 5_000],
  preferredQualifications: [200, 5_000],
  startDates: [100, 0],
  internshipPeriods: [20, 0],
} as const;
export const EMAIL_MAX = 320;

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
  const record = posting as unknown as Record<string, unknown>;
  for (const [field, max] of Object.entries(TEXT_LIMITS)) {
    const value = record[field];
    if (typeof value === 'string' && value.length > max) {
      record[field] = cutText(value, max);
      shortened.push(field);
    }
  }
  for (const [field, [maxItems, maxLength]] of Object.entries(LIST_LIMITS)) {
    const list = record[field] as unknown[];
    let changed = list.length > maxItems;
    const kept = changed ? list.slice(0, maxItems) : list;
    const items = maxLength === 0 ? kept : kept.map((item) => {
      if ((item as string).length <= maxLength) return item;
      changed = true;
      return cutText(item as string, maxLength);
    });
    if (changed) {
      record[field] = items;
      shortened.push(field);
    }
  }
  if (posting.contactEmail !== null && posting.contactEmail.length > EMAIL_MAX) {
    posting.contactEmail = null;
    shortened.push('contactEmail');
  }
  return shortened;
}
