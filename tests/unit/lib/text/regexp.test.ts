import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../../../lib/text/regexp';

describe('escapeRegExp', () => {
  it('makes every syntax character literal', () => {
    for (const text of ['C++', 'C#', '.NET', 'Node.js', 'a|b', '(Ph.D.)', '[draft]', '{x}', '^$', 'a*b?', 'back\\slash', 'R&D']) {
      const re = new RegExp(`^${escapeRegExp(text)}$`);
      expect(re.test(text), text).toBe(true);
      expect(re.test(`${text}x`), text).toBe(false);
    }
    // Unescaped, these would mean something else: "a.b" would also match "axb".
    expect(new RegExp(`^${escapeRegExp('a.b')}$`).test('axb')).toBe(false);
  });
  it('works in a unicode pattern too', () => {
    expect(new RegExp(`^${escapeRegExp('(Ph.D.) C++ [x]')}$`, 'u').test('(Ph.D.) C++ [x]')).toBe(true);
  });
});
