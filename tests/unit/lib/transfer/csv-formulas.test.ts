import { describe, expect, it } from 'vitest';
import { csvCell, looksLikeFormula } from '../../../../lib/transfer/csv';

// A spreadsheet skips white space and invisible characters before deciding a cell is a formula;
// so must the defusing. Cells come from job pages (titles, teams) and from the user (notes).

const LEADERS: Record<string, string> = {
  space: ' ',
  'three spaces': '   ',
  tab: '\t',
  'carriage return': '\r',
  'line feed': '\n',
  'no-break space': '\u00A0',
  'narrow no-break space': '\u202F',
  'ideographic space': '\u3000',
  'zero-width space': '\u200B',
  'zero-width non-joiner': '\u200C',
  'zero-width joiner': '\u200D',
  'word joiner': '\u2060',
  'byte order mark': '\uFEFF',
  'left-to-right mark': '\u200E',
  'right-to-left override': '\u202E',
  'soft hyphen': '\u00AD',
  'a mix': ' \u200B\u00A0\uFEFF\t',
};
const SIGNS = ['=', '+', '-', '@', '\uFF1D', '\uFF0B'];

describe('CSV formula defusing', () => {
  const cases = Object.entries(LEADERS).flatMap(([name, lead]) => SIGNS.map((sign) => [name, lead, sign] as const));

  it.each(cases)('defuses %s then %s', (_name, lead, sign) => {
    const text = `${lead}${sign}HYPERLINK("https://evil.example","open")`;
    expect(looksLikeFormula(text)).toBe(true);
    const cell = csvCell(text);
    // Quoted (it holds quotes), and the apostrophe is the first character inside the quotes.
    expect(cell.startsWith(`"'${lead}`)).toBe(true);
  });

  it('leaves ordinary text alone, signs inside it included', () => {
    for (const text of ['Pay = good', 'C++ engineer', 'R&D - Search', 'mail me @ work', '\u200BSoftware Engineer', ' London', '']) {
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(false);
      expect(csvCell(text).startsWith("'") || csvCell(text).startsWith(`"'`)).toBe(false);
    }
  });

  it('still defuses a bare tab or carriage return at the start', () => {
    expect(csvCell('\tnote')).toBe("'\tnote");
    expect(csvCell('\rnote')).toBe(`"'\rnote"`);
  });

  it('reads a long run of invisible characters once', () => {
    const run = '\u200B'.repeat(64_000);
    expect(looksLikeFormula(`${run}=1`)).toBe(true);
    expect(looksLikeFormula(`${run}x`)).toBe(false);
  });
});
