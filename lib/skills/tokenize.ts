/**
 * Splits text into word and punctuation tokens the way skill names are written: "C++", "C#",
 * "Node.js", "ASP.NET", "scikit-learn", "R&D" stay one token; "/" and "," separate ("C/C++" is C
 * and C++; "Hive,Flink" is two). Offsets point into the original text so evidence can quote it.
 */

/**
 * A token's strings are cut from the source only when asked for: a lookup reads the text of few
 * tokens (most words start no skill name and are answered by `key`), and slicing and lower-casing
 * every token was most of the cost of tokenizing.
 */
export class Token {
  /** Where the token came from; its text is `source.slice(start, end)` unless normalised. */
  private readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
  /** Split out of a hyphenated word ("Python" from "Python-based"). */
  readonly fromHyphen: boolean;
  /** The text has a "-" (only word tokens can). */
  readonly hyphen: boolean;
  /** `hashOf(lower)`, or -1 when the text is not all ASCII: lets a lookup skip most words without a Map. */
  readonly key: number;
  /** The text has no upper-case or non-ASCII letter, so `lower` is `text`. */
  private readonly plain: boolean;
  private textCache: string | null;
  private lowerCache: string | null = null;

  /** `key`, `plain` and `hyphen` as `tokenOf` works them out; `tokenize` gathers them while it scans. */
  constructor(source: string, start: number, end: number, word: boolean, fromHyphen: boolean, text: string | null, key: number, plain: boolean, hyphen: boolean) {
    this.source = source;
    this.start = start;
    this.end = end;
    this.word = word;
    this.fromHyphen = fromHyphen;
    this.textCache = text;
    this.hyphen = hyphen;
    this.key = key;
    this.plain = plain;
  }

  /**
   * Whether `lower` is this token's lower-case text, read from the source in place: the trie walk
   * asks this of every word that starts a skill name, and cutting each one out cost more than the
   * comparison. Only for ASCII tokens (`key !== -1`), as `lower` is a lower-case ASCII word there.
   */
  isLower(lower: string): boolean {
    if (this.lowerCache !== null) return this.lowerCache === lower;
    const chars = this.textCache ?? this.source;
    const from = this.textCache === null ? this.start : 0;
    const length = this.textCache === null ? this.end - this.start : this.textCache.length;
    if (length !== lower.length) return false;
    for (let k = 0; k < length; k++) {
      let c = chars.charCodeAt(from + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== lower.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Token text; "C ++" (seen in postings) is normalised to "C++". */
  get text(): string {
    return (this.textCache ??= this.source.slice(this.start, this.end));
  }
  get lower(): string {
    return (this.lowerCache ??= this.plain ? this.text : this.text.toLowerCase());
  }
}

/** A token whose key and flags are worked out from its text (split parts, normalised text). */
function tokenOf(source: string, start: number, end: number, word: boolean, fromHyphen: boolean, text: string | null): Token {
  const chars = text ?? source;
  const from = text === null ? start : 0;
  const to = text === null ? end : text.length;
  let h = 0;
  let upper = false;
  let ascii = true;
  let hyphen = false;
  for (let k = from; k < to; k++) {
    let c = chars.charCodeAt(k);
    if (c >= 128) ascii = false;
    else if (c >= 65 && c <= 90) {
      upper = true;
      c += 32;
    } else if (c === 45) hyphen = true;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return new Token(source, start, end, word, fromHyphen, text, ascii ? h : -1, ascii && !upper, word && hyphen);
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
const LETTER = /\p{L}|\p{N}/u;
function isWordChar(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 128) return isAlnum(code);
  return LETTER.test(text[i]!);
}
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}
const isUpper = (code: number) => code >= 65 && code <= 90;
const isLower = (code: number) => code >= 97 && code <= 122;
// Abbreviations whose dots end the token even when a word follows without a space ("e.g.Hadoop").
const DOT_STOPS = new Set(['e', 'e.g', 'i', 'i.e', 'etc', 'incl', 'esp', 'approx']);

/** A hash of an ASCII lower-case string; the same as `Token.key` for a token whose `lower` it is. */
export function hashOf(lower: string): number {
  let h = 0;
  for (let i = 0; i < lower.length; i++) h = (Math.imul(h, 31) + lower.charCodeAt(i)) | 0;
  return h;
}

// The key and flags of a word are gathered as its characters are scanned, not in a second pass:
// tokenizing runs on every qualification line.
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    const leadingDot = code === 46 && i + 1 < n && isAlnum(text.charCodeAt(i + 1)) && (i === 0 || isSpace(text.charCodeAt(i - 1)));
    if (!leadingDot && !isWordChar(text, i)) {
      // One character that is not a letter or digit: never upper case, its own hash when ASCII.
      const ascii = code < 128;
      tokens.push(new Token(text, i, i + 1, false, false, null, ascii ? code : -1, ascii, false));
      i++;
      continue;
    }
    const start = i;
    // Hash, case and hyphen of the characters taken so far (see `tokenOf`).
    let h = 0;
    let upper = false;
    let ascii = true;
    let hyphen = false;
    if (code >= 128) ascii = false;
    else if (code >= 65 && code <= 90) {
      upper = true;
      h = code + 32;
    } else h = code;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 ? isAlnum(c) : LETTER.test(text[i]!)) {
        if (c >= 128) ascii = false;
        else if (c >= 65 && c <= 90) {
          upper = true;
          h = (Math.imul(h, 31) + c + 32) | 0;
        } else h = (Math.imul(h, 31) + c) | 0;
        i++;
        continue;
      }
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c === 46 /* . */ && isAlnum(next)) {
        const sofar = text.slice(start, i).toLowerCase();
        // "Node.js", "ASP.NET", "H.264" join; "end.Next" (lowercase then capital) is two sentences.
        if (DOT_STOPS.has(sofar) || (isLower(text.charCodeAt(i - 1)) && isUpper(next))) break;
        h = (Math.imul(h, 31) + c) | 0;
        i++;
        continue;
      }
      if ((c === 45 /* - */ || c === 38 /* & */) && isAlnum(next)) {
        if (c === 45) hyphen = true;
        h = (Math.imul(h, 31) + c) | 0;
        i++;
        continue;
      }
      if (c === 43 /* + */ && (next === 43 || !isWordChar(text, i + 1))) {
        while (i < n && text.charCodeAt(i) === 43) {
          h = (Math.imul(h, 31) + 43) | 0;
          i++;
        }
        break;
      }
      if (c === 35 /* # */ && i - start <= 2 && !isWordChar(text, i + 1)) {
        h = (Math.imul(h, 31) + c) | 0;
        i++;
        break;
      }
      break;
    }
    // "C ++" and "C + +" in postings mean C++.
    if (i - start === 1 && (code === 67 || code === 99)) {
      const m = /^\s*\+\s*\+/.exec(text.slice(i, i + 6));
      if (m) {
        i += m[0].length;
        tokens.push(tokenOf(text, start, i, true, false, 'C++'));
        continue;
      }
    }
    tokens.push(new Token(text, start, i, true, false, null, ascii ? h : -1, ascii && !upper, hyphen));
  }
  return tokens;
}

/** Splits a hyphenated word token into its parts, keeping offsets. */
export function splitHyphenated(token: Token): Token[] {
  const parts: Token[] = [];
  const text = token.text;
  let offset = token.start;
  // The parts are cut at each "-" by hand rather than by split(): most hyphenated words in a line
  // ("multi-threaded", "fast-paced") name no skill and are split on every line that has them.
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('-', from);
    if (to === -1) to = text.length;
    if (to > from) {
      const part = text.slice(from, to);
      parts.push(tokenOf(text, offset, offset + part.length, true, true, part));
    }
    offset += to - from + 1;
    from = to + 1;
  }
  return parts;
}
