/**
 * Splits text into word and punctuation tokens the way skill names are written: "C++", "C#",
 * "Node.js", "ASP.NET", "scikit-learn", "R&D" stay one token; "/" and "," separate ("C/C++" is C
 * and C++; "Hive,Flink" is two), and so does "&" after a longer word ("Hadoop&Spark"). Offsets point into the original text so evidence can quote it.
 */

/** The token is a word (else one punctuation character). */
export const WORD = 1;
/** Split out of a hyphenated word ("Python" from "Python-based"). */
export const FROM_HYPHEN = 2;
/** The text has a "-" (only word tokens can). */
export const HYPHEN = 4;
/** The text has no upper-case or non-ASCII letter, so its lower case is its text. */
const PLAIN = 8;
/** "C ++" or "C + +" in the source, read as "C++". */
const NORMALISED = 16;

/**
 * A line's tokens as parallel arrays, filled by `tokenizeInto` and reused from line to line: a
 * lookup reads the text of few tokens (most words start no skill name and are answered by `key`),
 * and an object per token, with its slice of the line, was most of the cost of looking skills up.
 * A token's text is `source.slice(start, end)` (parts of hyphenated words included), unless it was
 * normalised ("C ++" is "C++").
 */
export class TokenList {
  source = '';
  count = 0;
  start: Int32Array;
  end: Int32Array;
  /** `hashOf(lower)`, or -1 when the text is not all ASCII: lets a lookup skip most words without a Map. */
  key: Int32Array;
  flags: Uint8Array;

  constructor(capacity = 64) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.key = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  reset(source: string): void {
    this.source = source;
    this.count = 0;
  }

  push(start: number, end: number, key: number, flags: number): void {
    const k = this.count;
    if (k === this.start.length) this.grow();
    this.start[k] = start;
    this.end[k] = end;
    this.key[k] = key;
    this.flags[k] = flags;
    this.count = k + 1;
  }

  /** Appends token `k` of `other`, which reads the same source. */
  copy(other: TokenList, k: number): void {
    this.push(other.start[k]!, other.end[k]!, other.key[k]!, other.flags[k]!);
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const key = new Int32Array(size);
    const flags = new Uint8Array(size);
    start.set(this.start);
    end.set(this.end);
    key.set(this.key);
    flags.set(this.flags);
    this.start = start;
    this.end = end;
    this.key = key;
    this.flags = flags;
  }

  word(k: number): boolean {
    return (this.flags[k]! & WORD) !== 0;
  }

  text(k: number): string {
    return this.flags[k]! & NORMALISED ? 'C++' : this.source.slice(this.start[k]!, this.end[k]!);
  }

  lower(k: number): string {
    return this.flags[k]! & PLAIN ? this.text(k) : this.text(k).toLowerCase();
  }

  /**
   * Whether `lower` is token `k`'s lower-case text, read from the source in place: the trie walk
   * asks this of every word that starts a skill name. Only for ASCII tokens (`key !== -1`), whose
   * lower case is ASCII folding.
   */
  isLower(k: number, lower: string): boolean {
    if (this.flags[k]! & NORMALISED) return lower === 'c++';
    const from = this.start[k]!;
    const length = this.end[k]! - from;
    if (length !== lower.length) return false;
    const source = this.source;
    for (let i = 0; i < length; i++) {
      let c = source.charCodeAt(from + i);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== lower.charCodeAt(i)) return false;
    }
    return true;
  }
}

/** One token as an object, for the few callers that want them (building the index, tests). */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
  fromHyphen: boolean;
  hyphen: boolean;
  key: number;
}

function tokenAt(list: TokenList, k: number): Token {
  const flags = list.flags[k]!;
  return {
    text: list.text(k),
    lower: list.lower(k),
    start: list.start[k]!,
    end: list.end[k]!,
    word: (flags & WORD) !== 0,
    fromHyphen: (flags & FROM_HYPHEN) !== 0,
    hyphen: (flags & HYPHEN) !== 0,
    key: list.key[k]!,
  };
}

/** Pushes the source range as a word token, its key and flags worked out from its characters. */
function pushRange(list: TokenList, start: number, end: number, flags: number): void {
  const source = list.source;
  let h = 0;
  let upper = false;
  let ascii = true;
  let hyphen = false;
  for (let k = start; k < end; k++) {
    let c = source.charCodeAt(k);
    if (c >= 128) ascii = false;
    else if (c >= 65 && c <= 90) {
      upper = true;
      c += 32;
    } else if (c === 45) hyphen = true;
    h = (Math.imul(h, 31) + c) | 0;
  }
  list.push(start, end, ascii ? h : -1, flags | (ascii && !upper ? PLAIN : 0) | (hyphen ? HYPHEN : 0));
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
// Longer words are never stops: the check then costs nothing on a long dotted run ("A.A.A.…").
const DOT_STOP_MAX = 6;
const C_PLUS_PLUS_KEY = hashOf('c++');

/** A hash of an ASCII lower-case string; the same as a token's key when this is its lower case. */
export function hashOf(lower: string): number {
  let h = 0;
  for (let i = 0; i < lower.length; i++) h = (Math.imul(h, 31) + lower.charCodeAt(i)) | 0;
  return h;
}

/**
 * Tokenizes `text` into `list` (emptied first). The key and flags of a word are gathered as its
 * characters are scanned, not in a second pass: tokenizing runs on every qualification line.
 */
export function tokenizeInto(text: string, list: TokenList): void {
  list.reset(text);
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
      list.push(i, i + 1, code < 128 ? code : -1, code < 128 ? PLAIN : 0);
      i++;
      continue;
    }
    const start = i;
    // Hash, case and hyphen of the characters taken so far (as `pushRange` works them out).
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
        // "Node.js", "ASP.NET", "H.264" join; "end.Next" (lowercase then capital) is two sentences.
        if (
          (i - start <= DOT_STOP_MAX && DOT_STOPS.has(text.slice(start, i).toLowerCase())) ||
          (isLower(text.charCodeAt(i - 1)) && isUpper(next))
        )
          break;
        h = (Math.imul(h, 31) + c) | 0;
        i++;
        continue;
      }
      // "R&D", "AT&T", "Q&A" join; "Hadoop&Spark" is two names.
      if ((c === 45 /* - */ || (c === 38 /* & */ && i - start <= 3)) && isAlnum(next)) {
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
        list.push(start, i, C_PLUS_PLUS_KEY, WORD | NORMALISED);
        continue;
      }
    }
    list.push(start, i, ascii ? h : -1, WORD | (ascii && !upper ? PLAIN : 0) | (hyphen ? HYPHEN : 0));
  }
}

/** The tokens of `text` as objects (building the index, tests); the lookup uses `tokenizeInto`. */
export function tokenize(text: string): Token[] {
  const list = new TokenList();
  tokenizeInto(text, list);
  const tokens: Token[] = [];
  for (let k = 0; k < list.count; k++) tokens.push(tokenAt(list, k));
  return tokens;
}

/** Appends the parts of hyphenated word `k` of `list` to `out` (same source), keeping offsets. */
export function splitHyphenatedInto(list: TokenList, k: number, out: TokenList): void {
  const source = list.source;
  const end = list.end[k]!;
  let from = list.start[k]!;
  while (from <= end) {
    let to = source.indexOf('-', from);
    if (to === -1 || to > end) to = end;
    if (to > from) pushRange(out, from, to, WORD | FROM_HYPHEN);
    from = to + 1;
  }
}

/** The parts of a hyphenated word as tokens (tests). */
export function splitHyphenated(text: string, k: number): Token[] {
  const list = new TokenList();
  tokenizeInto(text, list);
  const out = new TokenList();
  out.reset(text);
  splitHyphenatedInto(list, k, out);
  const parts: Token[] = [];
  for (let p = 0; p < out.count; p++) parts.push(tokenAt(out, p));
  return parts;
}
