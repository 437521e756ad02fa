import { describe, expect, it } from 'vitest';
import { hashOf, splitHyphenated, tokenize } from '../../../lib/skills/tokenize';

// The tokenizer gathers each word's key while scanning; the lookup trusts it to equal the hash of
// the lower-case text, and `isLower` to agree with `lower`.
const LINES = [
  'Familiar with C ++, C#, F#, Node.js, ASP.NET, scikit-learn and R&D; e.g.Hadoop,Hive etc.',
  'Experience with C + + or Objective-C, .NET Core, H.264, Python-based tools (PyTorch/JAX)',
  'Fluent in Español and 日本語, Ça va — “quoted” words, end.Next sentence, i.e. done',
  'MS Office, B.Sc., Ph.D, gRPC, Go-getter, C/C++, A/B testing, 3+ years, 12-week',
];

describe('tokenize keys', () => {
  for (const line of LINES) {
    it(line.slice(0, 40), () => {
      for (const token of tokenize(line).flatMap((t) => (t.hyphen ? [t, ...splitHyphenated(t)] : [t]))) {
        const ascii = /^[\x00-\x7f]*$/.test(token.text);
        expect(token.key).toBe(ascii ? hashOf(token.lower) : -1);
        expect(token.lower).toBe(token.text.toLowerCase());
        expect(token.hyphen).toBe(token.word && token.text.includes('-'));
        if (ascii) {
          expect(token.isLower(token.lower)).toBe(true);
          expect(token.isLower(`${token.lower}x`)).toBe(false);
          if (token.lower.length > 0) expect(token.isLower(token.lower.slice(0, -1) + '~')).toBe(false);
        }
      }
    });
  }
});
