import { describe, expect, it } from 'vitest';
import { isoDate, MONTH_NAME_SOURCE, MONTHS, monthNumber, SEASON_SOURCE, SEASONS, SHORT_MONTHS } from '../../../../lib/text/calendar';

describe('calendar words', () => {
  it('numbers every month by its full name, its short name and "Sept", in any case, with a final dot', () => {
    MONTHS.forEach((name, i) => {
      expect(monthNumber(name)).toBe(i + 1);
      expect(monthNumber(name.toUpperCase())).toBe(i + 1);
      expect(monthNumber(`${SHORT_MONTHS[i]}.`)).toBe(i + 1);
    });
    expect(monthNumber('Sept')).toBe(9);
    expect(monthNumber('Smarch')).toBeNull();
    expect(monthNumber('')).toBeNull();
  });

  it('matches each month name whole, capitalised only', () => {
    const whole = new RegExp(`^(?:${MONTH_NAME_SOURCE})$`);
    for (const name of [...MONTHS, ...SHORT_MONTHS, 'Sept']) expect(whole.test(name), name).toBe(true);
    // "may" is a verb and "mar" a word: lower case is left to readers that ask for it.
    expect(whole.test('may')).toBe(false);
    expect(whole.test('Mayday')).toBe(false);
  });

  it('names the five seasons, and matches them whole', () => {
    expect([...SEASONS]).toEqual(['spring', 'summer', 'fall', 'autumn', 'winter']);
    const whole = new RegExp(`^(?:${SEASON_SOURCE})$`, 'i');
    for (const season of ['Spring', 'SUMMER', 'fall', 'Autumn', 'winter']) expect(whole.test(season), season).toBe(true);
    expect(whole.test('falls')).toBe(false);
  });

  it('writes days that exist as ISO dates, and refuses the rest', () => {
    expect(isoDate(2026, 5, 11)).toBe('2026-05-11');
    expect(isoDate(2028, 2, 29)).toBe('2028-02-29');
    expect(isoDate(2026, 2, 29)).toBeNull();
    expect(isoDate(2026, 4, 31)).toBeNull();
    expect(isoDate(2026, 13, 1)).toBeNull();
    expect(isoDate(2026, 0, 10)).toBeNull();
    expect(isoDate(2026, 6, 0)).toBeNull();
    expect(isoDate(2026, 6, 1.5)).toBeNull();
  });
});
