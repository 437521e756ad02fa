import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../../lib/match/dates';

// dayOf counts days by arithmetic; it must agree with Date.UTC everywhere, overflowing months and
// days included ("month 13", "February 31"), and keep Date.UTC's reading of odd input.
const utc = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);

describe('dayOf', () => {
  it('agrees with Date.UTC on every day from 1895 to 2105', () => {
    for (let y = 1895; y <= 2105; y++)
      for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) expect(dayOf(y, m, d)).toBe(utc(y, m, d));
  });
  it('overflows months and days as Date.UTC does', () => {
    for (const [y, m, d] of [
      [2026, 13, 1],
      [2026, 0, 1],
      [2026, -1, 15],
      [2026, 25, 3],
      [2026, 2, 31],
      [2026, 3, 0],
      [2026, 1, -40],
      [2024, 2, 29],
      [2100, 2, 29],
      [2000, 2, 29],
      [400, 3, 1],
      [100, 1, 1],
      [-5, 7, 4],
      [99, 12, 31],
      [0, 1, 1],
    ])
      expect(dayOf(y!, m!, d!), `${y}-${m}-${d}`).toBe(utc(y!, m!, d!));
  });
  it('keeps Date.UTC for fractions and NaN', () => {
    expect(dayOf(2026, 1.5, 3)).toBe(utc(2026, 1.5, 3));
    expect(dayOf(2026, 1, 3.7)).toBe(utc(2026, 1, 3.7));
    expect(dayOf(Number('x'), 1, 1)).toBeNaN();
  });
});
