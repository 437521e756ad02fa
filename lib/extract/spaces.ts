/** White space as `\s` and `String.prototype.trim` define it, for loops that walk char codes. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 ||
    code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

// Matches only the runs that `/\s+/g` → ' ' would change (longer runs, or a single non-space),
// so text that is already normal is scanned once and returned as it is, without a copy.
const IRREGULAR_RUN = /\s{2,}|[^\S ]/g;

/** `text.replace(/\s+/g, ' ')`, without rebuilding text whose white space is already single spaces. */
export const collapseSpaces = (text: string): string => text.replace(IRREGULAR_RUN, ' ');
