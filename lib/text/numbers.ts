/**
 * Numbers as postings and résumés write them in words ("three days per week", "fifteen weeks",
 * "two positions"). One list for every reader, so a number the extractor reads the matcher reads
 * too. Zod-free: the content script uses it.
 */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/**
 * The words as a RegExp alternation (no group), the longest first so none stops at a prefix. Marked
 * pure so that a script importing the site texts without reading any number (flows.js) drops it.
 */
export const NUMBER_WORD_SOURCE = /* @__PURE__ */ Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "15" or "fifteen" (any letter case) → 15; null for anything else. */
export function parseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const word = text.toLowerCase();
  return Object.hasOwn(NUMBER_WORDS, word) ? NUMBER_WORDS[word]! : null;
}
