/**
 * Calendar days as the user reads them. Application dates, the cycle start and file names are
 * days the user typed or will compare with their own calendar, so they use the local time zone:
 * a UTC day would put an evening application in New York, or a morning one in Auckland, on the
 * wrong date. Zod-free and tiny, because the content script's banner uses it too.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of an instant in the local time zone; empty for an unreadable date. */
export function localDay(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The instant (ISO, UTC) of local noon on a YYYY-MM-DD day: a date picked in the popup is stored
 * as that, so it reads back as the same day here, whatever the zone's offset (UTC−12 to UTC+14).
 */
export function localNoon(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).toISOString();
}

/** The same local calendar day a year earlier (29 February becomes 1 March). */
export function localDayYearBefore(now: Date): string {
  return localDay(new Date(now.getFullYear() - 1, now.getMonth(), now.getDate(), 12));
}
