/**
 * A venue acronym and the year after it, as a publication entry writes them: "NeurIPS 2023",
 * "ICML'24", "IEEE-TPAMI 2021", "Interspeech ACL 22". A scan rather than one regular expression:
 * the expression this replaces (an acronym of up to two capitalised parts, letters and `&`, an
 * optional second word, then the year) backtracked over every split of a long run of capitals,
 * and restarted after every `&`, so a pasted run of 64k capitals or `A&A&…` took quadratic time.
 * Here every candidate start costs a constant number of steps over precomputed run ends, and the
 * matches are exactly the expression's, left to right and not overlapping:
 * `(?<![\p{L}.])((?:[A-Z][a-z]*){0,2}[A-Z]{2,}[A-Za-z&]*(?:[-\s][A-Z]{2,}[A-Za-z]*)?)\s*['’]?((?:19|20)\d{2}|\d{2})(?!\d)`.
 */

export interface VenueYear {
  venue: string;
  /** Two or four digits, as written. */
  year: string;
}

const LETTER = /\p{L}/u;
const SPACE = /\s/u;

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isAsciiLetter = (c: number) => isUpper(c) || isLower(c);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpaceAt = (text: string, i: number) => i < text.length && SPACE.test(text[i]!);

/** The code point before `i` is a letter or a full stop (the acronym would continue a word). */
function continuesWord(text: string, i: number): boolean {
  if (i === 0) return false;
  let start = i - 1;
  const unit = text.charCodeAt(start);
  if (unit >= 0xdc00 && unit <= 0xdfff && start > 0) {
    const high = text.charCodeAt(start - 1);
    if (high >= 0xd800 && high <= 0xdbff) start -= 1;
  }
  const point = String.fromCodePoint(text.codePointAt(start)!);
  return point === '.' || LETTER.test(point);
}

/** Up to two capitalised parts, then two capitals: what makes the start of a word an acronym. */
function opensAcronym(text: string, at: number): boolean {
  let i = at;
  for (let part = 0; part <= 2; part++) {
    if (!isUpper(text.charCodeAt(i))) return false;
    if (isUpper(text.charCodeAt(i + 1))) return true;
    if (part === 2) return false;
    i += 1;
    while (isLower(text.charCodeAt(i))) i += 1;
  }
  return false;
}

/**
 * The year right after `at` (white space, an optional apostrophe, two or four digits), and where
 * it ends. `spaceEnd[k]`: where the white space from `k` ends (many starts can share one run).
 */
function yearAt(text: string, at: number, spaceEnd: Uint32Array): { year: string; end: number } | null {
  let i = spaceEnd[at]!;
  if (text[i] === "'" || text[i] === '’') i += 1;
  const digit = (k: number) => isDigit(text.charCodeAt(k));
  const century = text.startsWith('19', i) || text.startsWith('20', i);
  if (century && digit(i + 2) && digit(i + 3) && !digit(i + 4)) return { year: text.slice(i, i + 4), end: i + 4 };
  if (digit(i) && digit(i + 1) && !digit(i + 2)) return { year: text.slice(i, i + 2), end: i + 2 };
  return null;
}

export function venuesWithYear(text: string): VenueYear[] {
  const n = text.length;
  // Where the run of letters and `&` (the acronym's first word) and the run of letters (its
  // second word) starting at each index end: one pass from the right, so no start rescans a run.
  const wordEnd = new Uint32Array(n + 1);
  const lettersEnd = new Uint32Array(n + 1);
  const spaceEnd = new Uint32Array(n + 1);
  wordEnd[n] = n;
  lettersEnd[n] = n;
  spaceEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    wordEnd[i] = isAsciiLetter(c) || c === 38 ? wordEnd[i + 1]! : i;
    lettersEnd[i] = isAsciiLetter(c) ? lettersEnd[i + 1]! : i;
    spaceEnd[i] = isSpaceAt(text, i) ? spaceEnd[i + 1]! : i;
  }
  const found: VenueYear[] = [];
  let i = 0;
  while (i < n) {
    if (!isUpper(text.charCodeAt(i)) || continuesWord(text, i) || !opensAcronym(text, i)) {
      i += 1;
      continue;
    }
    // The acronym is its whole first word (a year cannot follow a letter or `&`), with the next
    // word when that one opens with two capitals and the year follows it.
    const first = wordEnd[i]!;
    let match: { end: number; venueEnd: number; year: string } | null = null;
    const sep = text.charCodeAt(first);
    if ((sep === 45 || isSpaceAt(text, first)) && isUpper(text.charCodeAt(first + 1)) && isUpper(text.charCodeAt(first + 2))) {
      const second = lettersEnd[first + 1]!;
      const year = yearAt(text, second, spaceEnd);
      if (year) match = { end: year.end, venueEnd: second, year: year.year };
    }
    if (!match) {
      const year = yearAt(text, first, spaceEnd);
      if (year) match = { end: year.end, venueEnd: first, year: year.year };
    }
    if (!match) {
      i += 1;
      continue;
    }
    found.push({ venue: text.slice(i, match.venueEnd), year: match.year });
    i = match.end;
  }
  return found;
}
