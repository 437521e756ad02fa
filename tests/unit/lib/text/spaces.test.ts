import { describe, expect, it } from 'vitest';
import { collapseSpaces, isWhiteSpace } from '../../../../lib/text/spaces';

describe('white space', () => {
  it('agrees with \\s on every UTF-16 code unit', () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(`U+${code.toString(16)}`);
    }
    expect(disagree).toEqual([]);
  });

  it('collapses every run of white space to one space, and returns plain text as it is', () => {
    expect(collapseSpaces('Software\u00a0 Engineer\n\tIntern')).toBe('Software Engineer Intern');
    expect(collapseSpaces('a\u2028b\u3000\u3000c')).toBe('a b c');
    const plain = 'Already single spaces';
    expect(collapseSpaces(plain)).toBe(plain);
    expect(collapseSpaces('')).toBe('');
  });
});
