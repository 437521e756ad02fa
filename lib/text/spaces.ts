/** White space as `\s` and `String.prototype.trim` define it, for loops that walk char codes. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const WHITESPACE = /\s+/g;
// Most text already has single plain spaces; only text with runs or other white space (newlines,
// tabs, no-break spaces) pays for a rewrite. A test and then a replace is cheaper than one global
// replace of just the irregular runs.
const IRREGULAR_SPACE = /\s\s|[^\S ]/;

/** `text.replace(/\s+/g, ' ')`, without rebuilding text whose white space is already single spaces. */
export const collapseSpaces = (text: string): string => (IRREGULAR_SPACE.test(text) ? text.replace(WHITESPACE, ' ') : text);
