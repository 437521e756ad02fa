import { describe, expect, it } from 'vitest';
import { type Token, tokenize } from '../../../../lib/extract/body';
import type { Line } from '../../../../lib/extract/lines';

const line = (text: string, soft = false): Line => ({ text, segments: [text], soft, listItem: false });
const kinds = (tokens: Token[]) => tokens.map((t) => (t.type === 'marker' ? `[${t.kind}]` : t.text));

// Sub-headings as real postings write them; each one alone on a line and starting a flattened run.
const HEADINGS: [string, string][] = [
  ['Minimum qualifications:', 'minimum'],
  ['MINIMUM QUALIFICATIONS', 'minimum'],
  ['Minimum Qualification(s):', 'minimum'],
  ['Preferred qualifications:', 'preferred'],
  ['preferred qualifications', 'preferred'],
  ['Preferred Qualification(s)', 'preferred'],
  ['Qualifications:', 'minimum'],
  ['Who would be a good fit?', 'minimum'],
  ['What will I be doing?', 'duties'],
  ['Key Responsibilities', 'duties'],
  ['Key Responsibilities:', 'duties'],
  ['About the team', 'intro'],
];

describe('sub-headings', () => {
  for (const [heading, kind] of HEADINGS) {
    it(`"${heading}" alone on a line is a ${kind} heading, never an item`, () => {
      expect(kinds(tokenize([line(heading, true), line('- Experience with SQL.', true)]))).toEqual([`[${kind}]`, 'Experience with SQL.']);
    });
    it(`"${heading}" starting a flattened run is a ${kind} heading`, () => {
      expect(kinds(tokenize([line(`${heading} - Experience with SQL. - Fluent in English.`)]))).toEqual([
        `[${kind}]`,
        'Experience with SQL.',
        'Fluent in English.',
      ]);
      expect(kinds(tokenize([line(`${heading} 1. Experience with SQL. 2. Fluent in English.`)]))).toEqual([
        `[${kind}]`,
        'Experience with SQL.',
        'Fluent in English.',
      ]);
    });
  }

  it('stands after the end of a sentence inside a flattened run, capitalised after a word', () => {
    expect(kinds(tokenize([line('Work with product teams. Minimum qualifications: - SQL. Preferred qualifications - Go.')]))).toEqual([
      'Work with product teams.',
      '[minimum]',
      'SQL.',
      '[preferred]',
      'Go.',
    ]);
    expect(kinds(tokenize([line('- A collaborative mindset Preferred Qualification - Previous analysis work.')]))).toEqual([
      'A collaborative mindset',
      '[preferred]',
      'Previous analysis work.',
    ]);
  });

  it('is not read inside a sentence', () => {
    for (const text of [
      'Key responsibilities include owning the roadmap.',
      'You will meet the minimum qualifications: we check them later.',
      'Share what you learn about the team with others.',
      'Qualificationsless text stays text.',
    ]) {
      expect(
        tokenize([line(text)]).some((t) => t.type === 'marker'),
        text,
      ).toBe(false);
    }
  });
});

describe('numbered items the Chinese way', () => {
  it('splits "1、…；2、…" as it splits "1. … 2. …", in order only', () => {
    // The separators stay, as ";" does after "1. …": the matcher reads past them.
    expect(
      kinds(tokenize([line('Minimum qualifications: 1、Bachelor’s degree or above；2、Familiar with Java，Go；3、Fluent English.')])),
    ).toEqual(['[minimum]', 'Bachelor’s degree or above；', 'Familiar with Java，Go；', 'Fluent English.']);
    // A number out of order is text: "5、" in the middle of an item does not cut it.
    expect(kinds(tokenize([line('1、Able to work 5、Mondays a month')]))).toEqual(['Able to work 5、Mondays a month']);
  });
});
