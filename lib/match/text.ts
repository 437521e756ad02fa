/** Small text helpers shared by the line assessors. */

// Leading list markers as the ATS and copied pages write them: "- ", "• ", "1. ", "2) ", "(3) ", "a. ".
const MARKER = /^\s*(?:[-–—•·*▪●◦]+|\(?\d{1,2}[.)、]|\(\d{1,2}\)|[a-h][.)](?=\s))\s*/;

const TRAILING = /[;；,，\s]+$/;
const FULL_WIDTH: Readonly<Record<string, string>> = { '；': ';', '，': ',', '、': ',', '：': ':' };

/**
 * The line without its list marker and trailing separator, with typographic quotes made plain
 * and full-width punctuation made ASCII when `typographic` (the line's hints have `TYPOGRAPHIC`: a
 * quote, a backtick, a no-break space or full-width punctuation).
 */
export function cleanLine(line: string, typographic: boolean): string {
  // The marker first: "2、" is a marker before its "、" is a comma.
  let text = line.replace(MARKER, '');
  if (typographic)
    text = text
      .replace(/[’‘`]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\u00a0/g, ' ')
      // Full-width punctuation as its ASCII twin, with the space a translated line often leaves out.
      .replace(/[；，、：]\s?/g, (m) => `${FULL_WIDTH[m[0]!]} `)
      .replace(/（/g, '(')
      .replace(/）/g, ')');
  const last = text.charCodeAt(text.length - 1);
  // Only when the line ends in a separator or space (rare), to keep the common case to one pass.
  if (last === 59 || last === 44 || last === 65307 || last === 65292 || last <= 32) text = text.replace(TRAILING, '');
  return text.trim();
}

/** Clauses split at ";" and sentence ends, for lines that put several requirements together. */
export function clauses(line: string): string[] {
  return line
    .split(/;\s*|(?<=[a-z)\]])\.\s+(?=[A-Z])/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export function listOr(items: string[]): string {
  if (items.length <= 1) return items.length === 1 ? items[0]! : '';
  // Joined by hand, without the slice and join: every missing skill's evidence is put this way.
  let out = items[0]!;
  for (let i = 1; i < items.length - 1; i++) out += `, ${items[i]}`;
  return `${out} or ${items[items.length - 1]}`;
}
export function listAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
