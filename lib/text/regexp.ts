/** Text made literal inside a RegExp source (site texts, skill names, places, names on a résumé). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
