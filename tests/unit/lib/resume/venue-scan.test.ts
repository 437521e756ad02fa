import { describe, expect, it } from 'vitest';
import { venuesWithYear } from '../../../../lib/resume/venue-scan';
import { seededRandom } from '../../../seeded-random';

// The expression the scan replaced, kept here as the reference the scan must agree with; it runs
// only on the short strings below.
const REFERENCE =
  /(?<![\p{L}.])((?:[A-Z][a-z]*){0,2}[A-Z]{2,}[A-Za-z&]*(?:[-\s][A-Z]{2,}[A-Za-z]*)?)\s*['’]?((?:19|20)\d{2}|\d{2})(?!\d)/gu;
const reference = (text: string) => [...text.matchAll(REFERENCE)].map((m) => ({ venue: m[1]!, year: m[2]! }));

describe('venue and year scan', () => {
  it('finds what publication entries write', () => {
    expect(venuesWithYear('J. Doe, A. Roe. Sparse attention for long video. NeurIPS 2023.')).toEqual([{ venue: 'NeurIPS', year: '2023' }]);
    expect(venuesWithYear("Robust decoding (ICML'24), and a workshop at ACL 22")).toEqual([
      { venue: 'ICML', year: '24' },
      { venue: 'ACL', year: '22' },
    ]);
    // A second word with no year after it takes the first with it: "IEEE TPAMI, 2020" names none.
    expect(venuesWithYear('IEEE-TPAMI 2021; IEEE TPAMI, 2020; AB&CD 1999')).toEqual([
      { venue: 'IEEE-TPAMI', year: '2021' },
      { venue: 'AB&CD', year: '1999' },
    ]);
    expect(venuesWithYear('Interspeech 2023. e.ICML 2022. ICML 20234. ICML 2199')).toEqual([]);
  });

  it('agrees with the expression it replaced on every string of a generated set', () => {
    const alphabet = [
      'A',
      'B',
      'I',
      'C',
      'M',
      'L',
      'a',
      'e',
      'r',
      '&',
      '.',
      '-',
      ' ',
      ' ',
      '\t',
      '\u00a0',
      "'",
      '’',
      '1',
      '9',
      '2',
      '0',
      '3',
      '4',
      'é',
      'É',
      '(',
      ',',
      '𝐀',
    ];
    const next = seededRandom(20261202);
    let compared = 0;
    let withMatches = 0;
    for (let n = 0; n < 40_000; n++) {
      const length = Math.floor(next() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const expected = reference(text);
      const got = venuesWithYear(text);
      if (JSON.stringify(got) !== JSON.stringify(expected)) expect({ text, got }).toEqual({ text, got: expected });
      compared += 1;
      if (expected.length > 0) withMatches += 1;
    }
    expect(compared).toBe(40_000);
    // The set exercises matches, not only their absence.
    expect(withMatches).toBeGreaterThan(400);
  });

  it('agrees on shapes built from the parts the expression names', () => {
    const parts = [
      'NeurIPS',
      'ICML',
      'IEEE',
      'Ab',
      'AbCd',
      'AbCdEF',
      'AbCdEfGH',
      'A',
      'a',
      '&',
      'TPAMI',
      'Tpami',
      '.',
      '-',
      ' ',
      '  ',
      "'",
      '’',
      '2023',
      '23',
      '1999',
      '19',
      '20234',
      '7',
      'é',
      '(',
      ')',
    ];
    const next = seededRandom(7);
    for (let n = 0; n < 20_000; n++) {
      const count = 1 + Math.floor(next() * 7);
      let text = '';
      for (let i = 0; i < count; i++) text += parts[Math.floor(next() * parts.length)];
      const expected = reference(text);
      const got = venuesWithYear(text);
      if (JSON.stringify(got) !== JSON.stringify(expected)) expect({ text, got }).toEqual({ text, got: expected });
    }
  });
});
