import { describe, expect, it } from 'vitest';
import { localDay, localDayYearBefore, localNoon } from '../../../lib/date';

// These run in the machine's zone and again in UTC+14 and UTC−12 (see scripts/test.mjs).
describe('local calendar days', () => {
  it('reads an instant as the day on the local calendar, late evening and early morning alike', () => {
    expect(localDay(new Date(2025, 10, 14, 23, 59))).toBe('2025-11-14');
    expect(localDay(new Date(2025, 10, 15, 0, 1).toISOString())).toBe('2025-11-15');
  });

  it('is empty for an unreadable date rather than "NaN-NaN-NaN"', () => {
    expect(localDay('not a date')).toBe('');
    expect(localDay(new Date(Number.NaN))).toBe('');
  });

  it('stores a picked day as its local noon, which reads back as the same day', () => {
    for (const day of ['2025-01-01', '2025-03-09', '2025-11-02', '2025-12-31', '2028-02-29']) {
      const instant = localNoon(day);
      expect(instant).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(localDay(instant)).toBe(day);
      expect(new Date(instant).getHours()).toBe(12);
    }
  });

  it('goes back a year on the local calendar; 29 February becomes 1 March', () => {
    expect(localDayYearBefore(new Date(2025, 10, 15, 23, 30))).toBe('2024-11-15');
    expect(localDayYearBefore(new Date(2025, 0, 1, 0, 15))).toBe('2024-01-01');
    expect(localDayYearBefore(new Date(2028, 1, 29, 9))).toBe('2027-03-01');
  });
});
