import { describe, expect, it } from 'vitest';
import { parseCommitment } from '../../../../lib/extract/facts';
import { matchLine } from '../../../../lib/match';
import { emptyProfile } from '../../../../lib/profile/schema';
import { NUMBER_WORD_SOURCE, NUMBER_WORDS, parseNumber } from '../../../../lib/text/numbers';

describe('number words', () => {
  it('reads digits and every word from one to twenty, in any case', () => {
    expect(parseNumber('15')).toBe(15);
    expect(parseNumber('007')).toBe(7);
    const words = [
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
      'eight',
      'nine',
      'ten',
      'eleven',
      'twelve',
      'thirteen',
      'fourteen',
      'fifteen',
      'sixteen',
      'seventeen',
      'eighteen',
      'nineteen',
      'twenty',
    ];
    words.forEach((word, i) => {
      expect(parseNumber(word)).toBe(i + 1);
      expect(parseNumber(word.toUpperCase())).toBe(i + 1);
    });
    expect(Object.keys(NUMBER_WORDS)).toHaveLength(words.length);
  });

  it('reads nothing else, inherited object keys included', () => {
    for (const text of ['', 'a', 'twentyone', 'constructor', 'toString', '1.5', '-3', ' 3']) expect(parseNumber(text), text).toBeNull();
  });

  it('puts longer words first, so no word stops at a prefix ("eighteen", not "eight")', () => {
    const m = new RegExp(`^(?:${NUMBER_WORD_SOURCE})`).exec('eighteen weeks');
    expect(m?.[0]).toBe('eighteen');
  });

  // The extractor and the matcher read numbers from the same list: a length in words is a
  // commitment to the one and a duration to the other.
  it.each([
    ['The internship runs for fifteen weeks.', 15, 'week'],
    ['Candidates must be able to commit to a minimum of eighteen weeks.', 18, 'week'],
    ['The program lasts twelve months.', 12, 'month'],
  ] as const)('"%s" is a commitment to the extractor and a duration to the matcher', (line, amount, unit) => {
    expect(parseCommitment(line)).toEqual({ amount, unit });
    expect(matchLine(line, emptyProfile(), new Date('2026-01-15T12:00:00Z')).kind).toBe('duration');
  });
});
