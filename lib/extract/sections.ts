import { FOOTER_LINES, NAV_LINES, SECTION_HEADINGS, type SectionName } from '../sites/texts';
import { boilerplateStart, cleanItem, programmeStart, type Token } from './body';
import { parseDate } from './facts';
import type { Line } from './lines';

/**
 * The sections of a job page (Responsibilities, Qualifications, Job Information): where their
 * headings stand, which lines each holds, and the lists read from their bodies.
 */

const HEADING_NAMES = new Map<string, SectionName>();
for (const [section, names] of Object.entries(SECTION_HEADINGS) as [SectionName, readonly string[]][]) {
  for (const name of names) HEADING_NAMES.set(name.toLowerCase(), section);
}

/** The section a line heads: its whole text is a heading name, with or without a final colon. */
function headingOf(line: Line): SectionName | null {
  const text = line.text;
  if (line.soft || line.listItem || text.length > 40) return null;
  // Lines carry single spaces, so " :" is the most a colon brings with it.
  const end = text.endsWith(' :') ? -2 : text.endsWith(':') ? -1 : text.length;
  return HEADING_NAMES.get(text.slice(0, end).toLowerCase()) ?? null;
}

/**
 * The site's own header, navigation or footer: by element (the line reader marks them), or by its
 * texts when the markup does not say (links as plain blocks), whether its links read as one line
 * or one line each. Nothing of the job is read from these lines.
 */
export const isSiteLine = (line: Line) =>
  line.site === true ||
  (line.text.length <= 120 && line.segments.every((segment) => NAV_LINES.test(segment) || FOOTER_LINES.test(segment)));

interface Sections {
  responsibilities: Line[];
  qualifications: Line[];
  jobInformation: Line[];
  firstHeading: number;
}

export function findSections(lines: readonly Line[]): Sections {
  const sections: Sections = { responsibilities: [], qualifications: [], jobInformation: [], firstHeading: -1 };
  let current: SectionName | null = null;
  const seen = new Set<SectionName>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // The site's footer or navigation ends a section: a last list without a Job Information section
    // after it must not run into "Privacy" and the copyright line.
    if (isSiteLine(line)) {
      current = null;
      continue;
    }
    const heading = headingOf(line);
    // A second "Responsibilities" inside the Responsibilities body is a sub-heading, not a new section.
    if (heading && !(heading === current && seen.has(heading))) {
      if (sections.firstHeading === -1) sections.firstHeading = i;
      current = heading;
      seen.add(heading);
      continue;
    }
    if (current) sections[current].push(heading ? { ...line, soft: true } : line);
  }
  return sections;
}

interface ResponsibilitiesParts {
  description: string[];
  duties: string[];
  minimum: string[];
  preferred: string[];
}

const WINDOW_ITEM = /^From\s+[A-Z][a-z]+\.?\s+(?:to|until|through|-|–)\s+[A-Z][a-z]+/;
const isDateOrWindow = (text: string) => WINDOW_ITEM.test(text) || parseDate(text) !== null;

function splitProgramme(text: string): [string, string] {
  const at = programmeStart(text);
  if (at <= 0) return at === 0 ? ['', text] : [text, ''];
  return [text.slice(0, at), text.slice(at)];
}

/**
 * The Responsibilities body: the team introduction and programme text become the description,
 * the items after a duty sub-heading (or the bullets, when there is none) become the duties.
 */
export function readResponsibilities(tokens: readonly Token[]): ResponsibilitiesParts {
  const parts: ResponsibilitiesParts = { description: [], duties: [], minimum: [], preferred: [] };
  const hasDutyMarker = tokens.some((t) => t.type === 'marker' && t.kind === 'duties');
  let mode: 'intro' | 'duties' | 'minimum' | 'preferred' = hasDutyMarker ? 'intro' : 'duties';
  // Without a duty sub-heading, prose is the introduction and only bullets can be duties.
  const bulletsOnly = !hasDutyMarker;
  let previousWasDuty = false;
  for (const token of tokens) {
    if (token.type === 'marker') {
      mode = token.kind;
      continue;
    }
    const isBullet = token.type === 'item';
    if (mode === 'minimum' || mode === 'preferred') {
      const text = cleanItem(cutBoilerplate(token.text).kept);
      if (text) parts[mode].push(text);
      continue;
    }
    if (mode === 'intro' || (bulletsOnly && !isBullet)) {
      parts.description.push(isBullet ? `- ${token.text}` : token.text);
      previousWasDuty = false;
      continue;
    }
    const [duty, programme] = splitProgramme(token.text);
    const cleaned = cleanItem(duty);
    if (cleaned && !isDateOrWindow(cleaned)) {
      if (!isBullet && !token.lineStart && previousWasDuty && parts.duties.length > 0) {
        parts.duties[parts.duties.length - 1] += ` ${cleaned}`;
      } else {
        parts.duties.push(cleaned);
      }
      previousWasDuty = true;
    } else if (cleaned) {
      parts.description.push(`- ${cleaned}`);
      previousWasDuty = false;
    }
    if (programme.trim()) {
      parts.description.push(programme.trim());
      previousWasDuty = false;
    }
  }
  return parts;
}

/** The text before any company boilerplate, and whether boilerplate began in it. */
function cutBoilerplate(text: string): { kept: string; cut: boolean } {
  const at = boilerplateStart(text);
  return at === -1 ? { kept: text, cut: false } : { kept: text.slice(0, at), cut: true };
}

/** The Qualifications body: minimum and preferred items; everything from the boilerplate on is dropped. */
export function readQualifications(tokens: readonly Token[]): { minimum: string[]; preferred: string[] } {
  const lists = { minimum: [] as string[], preferred: [] as string[] };
  let mode: 'minimum' | 'preferred' = 'minimum';
  for (const token of tokens) {
    if (token.type === 'marker') {
      if (token.kind === 'minimum' || token.kind === 'preferred') mode = token.kind;
      continue;
    }
    const { kept, cut } = cutBoilerplate(token.text);
    const text = cleanItem(kept);
    if (cut && !text) break;
    if (!text) continue;
    const list = lists[mode];
    // A wrapped line that continues the previous item's sentence belongs to it.
    const previous = list[list.length - 1];
    if (token.type === 'text' && !token.lineStart && previous && !/[.;:!?]$/.test(previous)) {
      list[list.length - 1] = `${previous} ${text}`;
    } else {
      list.push(text);
    }
    if (cut) break;
  }
  return lists;
}
