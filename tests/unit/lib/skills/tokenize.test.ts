import { describe, expect, it } from 'vitest';
import { hashOf, splitHyphenated, tokenize, tokenizeInto, TokenList } from '../../../../lib/skills/tokenize';

// The tokenizer gathers each word's key while scanning; the lookup trusts it to equal the hash of
// the lower-case text, and `isLower` to agree with the lower-case text.
const LINES = [
  'Familiar with C ++, C#, F#, Node.js, ASP.NET, scikit-learn and R&D; e.g.Hadoop,Hive etc.',
  'Experience with C + + or Objective-C, .NET Core, H.264, Python-based tools (PyTorch/JAX)',
  'Fluent in Español and 日本語, Ça va — “quoted” words, end.Next sentence, i.e. done',
  'MS Office, B.Sc., Ph.D, gRPC, Go-getter, C/C++, A/B testing, 3+ years, 12-week, multi-threaded/multi-process',
];

describe('tokenize keys', () => {
  for (const line of LINES) {
    it(line.slice(0, 40), () => {
      const tokens = tokenize(line);
      const parts = tokens.flatMap((t, k) => (t.hyphen ? splitHyphenated(line, k) : []));
      for (const token of [...tokens, ...parts]) {
        const ascii = /^[\x00-\x7f]*$/.test(token.text);
        expect(token.key).toBe(ascii ? hashOf(token.lower) : -1);
        expect(token.lower).toBe(token.text.toLowerCase());
        expect(token.hyphen).toBe(token.word && token.text.includes('-'));
        if (!token.fromHyphen && token.text !== 'C++') expect(line.slice(token.start, token.end)).toBe(token.text);
      }
      for (const part of parts) {
        expect(part.fromHyphen).toBe(true);
        expect(line.slice(part.start, part.end)).toBe(part.text);
      }
      const list = new TokenList(2);
      tokenizeInto(line, list);
      expect(list.count).toBe(tokens.length);
      tokens.forEach((token, k) => {
        if (token.key === -1) return;
        expect(list.isLower(k, token.lower)).toBe(true);
        expect(list.isLower(k, `${token.lower}x`)).toBe(false);
        expect(list.isLower(k, `${token.lower.slice(0, -1)}~`)).toBe(false);
      });
    });
  }

  it('reads "C ++" as C++', () => {
    expect(
      tokenize('C ++ and c + + or C++')
        .filter((t) => t.word)
        .map((t) => t.text),
    ).toEqual(['C++', 'and', 'C++', 'or', 'C++']);
  });
});
