import { findPlaces } from '../match/places';
import type { Line } from './lines';

/** Locations: where the candidate says they can work, and the place on the contact line. */

export interface ProposedLocation {
  /** The place as written ("Singapore", "Sydney"). */
  name: string;
  source: string;
}

// Lines that say where the candidate can work, not where they once did.
const LOCATION_CUE =
  /^(?:(?:current |preferred |work )?locations?|based in|address)\s*[:：–—-]?\s*|\b(?:based in|open to (?:relocat\w*|work(?:ing)? in)|willing to (?:relocate|work) (?:to|in)|relocat\w* to|able to work in)\b/i;
const CONTACT = /@|\+?\d[\d\s()-]{7,}\d/;

export function proposeLocations(lines: Line[]): ProposedLocation[] {
  const out: ProposedLocation[] = [];
  const seen = new Set<string>();
  const add = (text: string, source: string) => {
    for (const place of findPlaces(text)) {
      const key = place.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name: place.text, source });
    }
  };
  lines.forEach((line, i) => {
    if (line.isHeading || line.text.length > 300) return;
    if (LOCATION_CUE.test(line.text)) add(line.text, line.text);
    // The contact line under the name: "Singapore | jane@example.com | +65 …".
    else if (i <= 3 && line.section === null && CONTACT.test(line.text)) {
      for (const part of line.text.split(CONTACT_SPLIT)) if (!CONTACT.test(part)) add(part, line.text);
    }
  });
  return out;
}

// The parts of a contact line, white space around each separator dropped; leading white space
// only from the start of its run (see TITLE_SPLIT in experience.ts).
const CONTACT_SPLIT = /(?:(?<!\s)\s+)?[|•·]\s*/;
