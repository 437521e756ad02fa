import { periodIn } from './dates';
import type { Line } from './lines';

/** Availability: the periods on lines of an Availability section or that say "available". */

export interface ProposedAvailability {
  /** ISO dates, both ends inclusive; a month alone runs from its first to its last day. */
  from: string;
  to: string;
  source: string;
}

const AVAILABLE = /\bavailab\w*\b/i;

export function proposeAvailability(lines: Line[]): ProposedAvailability[] {
  const out: ProposedAvailability[] = [];
  for (const line of lines) {
    if (line.isHeading || line.text.length > 300) continue;
    if (line.section !== 'availability' && !AVAILABLE.test(line.text)) continue;
    const period = periodIn(line.text);
    if (period && !out.some((p) => p.from === period.from && p.to === period.to)) out.push({ ...period, source: line.text });
  }
  return out;
}
