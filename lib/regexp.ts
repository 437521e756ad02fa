/** Text made literal inside a RegExp source (site texts, skill names, places). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
