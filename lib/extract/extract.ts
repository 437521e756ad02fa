import type { JobPosting } from '../posting/schema';
import {
  EMPLOYMENT_TYPES,
  FOOTER_LINES,
  GENERIC_TITLES,
  LABELS,
  type LabelField,
  NAV_LINES,
  SECTION_HEADINGS,
  type SectionName,
  SHARE_LINE,
  TITLE_SUFFIXES,
  VALUE_ROW_DEGREE_WORDS,
} from '../sites/texts';
import { classifyUrl } from '../sites/urls';
import { boilerplateStart, cleanItem, programmeStart, type Token, tokenize } from './body';
import {
  degreeLevelsFromTag,
  degreeLevelsFromText,
  orderDegrees,
  parseApplicationLimit,
  parseCohort,
  parseCommitment,
  parseContactEmail,
  parseDate,
  parseInternshipPeriods,
  parseOnsiteDays,
  parseStartDates,
  teamFromTitle,
} from './facts';
import { trimToLimits } from './limits';
import { type Line, readLines, TooManyLinesError } from './lines';
import { escapeRegExp } from '../text/regexp';

export type ExtractResult = { ok: true; posting: JobPosting } | { ok: false; reason: string };

// Hostile or broken pages must not make the content script slow: past this many lines the page
// is not a job posting we know how to read (a long real posting has a few hundred).
const MAX_LINES = 50_000;

// One pattern per field: "Location: San Jose", "Location : San Jose", or a bare "Location" /
// "Location:" line with the value on the next line (an empty value group).
const LABEL_PATTERNS = (Object.entries(LABELS) as [LabelField, readonly string[]][]).map(([field, names]) => ({
  field,
  re: new RegExp(`^(?:${names.map(escapeRegExp).join('|')})\\s*(?::\\s*(.*))?$`, 'i'),
}));

// Every label row starts with a label name: one anchored test turns most lines away before the
// per-field patterns.
const LABEL_START = new RegExp(`^(?:${Object.values(LABELS).flat().map(escapeRegExp).join('|')})`, 'i');
const isLabelLine = (text: string) => LABEL_START.test(text) && LABEL_PATTERNS.some((p) => p.re.test(text));

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

const isGeneric = (title: string) => GENERIC_TITLES.test(title.trim());
/**
 * The site's own header, navigation or footer: by element (the line reader marks them), or by its
 * texts when the markup does not say (links as plain blocks), whether its links read as one line
 * or one line each. Nothing of the job is read from these lines.
 */
const isSiteLine = (line: Line) =>
  line.site === true ||
  (line.text.length <= 120 && line.segments.every((segment) => NAV_LINES.test(segment) || FOOTER_LINES.test(segment)));

/** The job title the document head names, without the site suffix; null for generic titles. */
export function headTitle(doc: ParentNode): string | null {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  const title = og?.trim() || doc.querySelector('title')?.textContent?.trim() || '';
  const end = TITLE_SUFFIXES.exec(title)?.index ?? title.length;
  const stripped = title.slice(0, end).trim();
  return stripped && !isGeneric(stripped) ? stripped : null;
}

interface Header {
  labels: Partial<Record<LabelField, string>>;
  /** Index of the first label line, or -1. */
  firstLabel: number;
  /** Unlabelled short values between the title and the first label/section (older pages). */
  values: string[];
}

function readHeader(lines: readonly Line[], from: number, to: number): Header {
  const labels: Partial<Record<LabelField, string>> = {};
  let firstLabel = -1;
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text;
    if (!LABEL_START.test(text) || isSiteLine(lines[i]!)) continue;
    for (const pattern of LABEL_PATTERNS) {
      const m = pattern.re.exec(text);
      if (!m) continue;
      let value = m[1]?.trim() || null;
      const at = i;
      if (value === null && i + 1 < to) {
        const next = lines[i + 1]!;
        if (!isLabelLine(next.text) && !SHARE_LINE.test(next.text) && !isSiteLine(next)) {
          value = next.text;
          i++;
        }
      }
      if (value !== null) {
        if (labels[pattern.field] === undefined) labels[pattern.field] = value;
        // The label's line, not its value's: the title is looked for before it.
        if (firstLabel === -1) firstLabel = at;
      }
      break;
    }
  }
  return { labels, firstLabel, values: [] };
}

function splitList(value: string): string[] {
  return (
    value
      // Line texts carry single spaces, so one `\s?` each side is all there is; `\s*` around an
      // alternation would be retried at every position of a run.
      .split(/\s?(?:[;|/]|,(?=\s?[A-Z]))\s?/)
      .map((v) => v.trim())
      .filter(Boolean)
  );
}

const EMPLOYMENT_SET = new Set(EMPLOYMENT_TYPES.map((t) => t.toLowerCase()));

interface Sections {
  responsibilities: Line[];
  qualifications: Line[];
  jobInformation: Line[];
  firstHeading: number;
}

function findSections(lines: readonly Line[]): Sections {
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
function readResponsibilities(tokens: readonly Token[]): ResponsibilitiesParts {
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
function readQualifications(tokens: readonly Token[]): { minimum: string[]; preferred: string[] } {
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

/** The title line named by the document head or an h1, outside the site's own lines; or -1. */
function titleByName(lines: readonly Line[], doc: ParentNode, limit: number): number {
  const names: string[] = [];
  const fromHead = headTitle(doc);
  if (fromHead) names.push(fromHead);
  for (const h1 of Array.from(doc.querySelectorAll('h1'))) {
    const text = (h1.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && !isGeneric(text)) names.push(text);
  }
  for (const name of names) {
    const index = lines.findIndex((l, i) => i < limit && l.text === name && !isSiteLine(l));
    if (index !== -1) return index;
  }
  return -1;
}

/** Without a named title: the line before the first label row, skipping the site's own lines. */
function titleBeforeLabels(lines: readonly Line[], header: Header): number {
  for (let i = header.firstLabel - 1; i >= 0; i--) {
    if (!isSiteLine(lines[i]!) && !isGeneric(lines[i]!.text)) return i;
  }
  return -1;
}

const CATEGORY_MAX = 60;

/** Reads a job page into a posting. Never throws; a page that is not a readable job gives a reason. */
export function extractPosting(doc: ParentNode, url: URL, now: Date): ExtractResult {
  try {
    return extract(doc, url, now);
  } catch (error) {
    return { ok: false, reason: `could not read the page: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function extract(doc: ParentNode, url: URL, now: Date): ExtractResult {
  const page = classifyUrl(url);
  if (page.kind !== 'job') {
    return { ok: false, reason: page.kind === 'apply' ? 'this is an application form, not a job page' : 'not a job page URL' };
  }
  const body = (doc as Document).body ?? doc;
  let lines: Line[];
  try {
    lines = readLines(body, MAX_LINES);
  } catch (error) {
    if (error instanceof TooManyLinesError) return { ok: false, reason: `page too large to be a job posting (${error.message})` };
    throw error;
  }

  const sections = findSections(lines);
  const headerEnd = sections.firstHeading === -1 ? lines.length : sections.firstHeading;
  // Label rows belong to the job's own header, between its title and the first section: the
  // site's header above the title has a "Locations" link, which is no Location row.
  let titleIndex = titleByName(lines, doc, headerEnd);
  const header = readHeader(lines, titleIndex + 1, headerEnd);
  const hasLabels = header.firstLabel !== -1;
  const hasSections = sections.responsibilities.length > 0 || sections.qualifications.length > 0;
  if (!hasLabels && !hasSections) {
    return { ok: false, reason: 'no label rows and no sections on the page' };
  }
  if (titleIndex === -1) titleIndex = titleBeforeLabels(lines, header);
  if (titleIndex === -1) return { ok: false, reason: 'no job title on the page' };
  const title = lines[titleIndex]!.text;

  // Category: the short line just before the title (not navigation).
  let category = header.labels.category ?? null;
  const before = lines[titleIndex - 1];
  if (!category && before && before.text.length <= CATEGORY_MAX && !isSiteLine(before) && !/[.!?]$/.test(before.text)) {
    category = before.text;
  }

  // Older pages: a row of short unlabelled values under the title ("San Jose", "Intern", "R&D", "… 2025 Start").
  const valueEnd = header.firstLabel > titleIndex ? header.firstLabel : headerEnd;
  const values: string[] = [];
  for (let i = titleIndex + 1; i < valueEnd; i++) {
    const line = lines[i]!;
    if (SHARE_LINE.test(line.text) || isLabelLine(line.text) || isSiteLine(line)) break;
    for (const segment of line.segments.length > 1 ? line.segments : [line.text]) {
      const value = segment.trim();
      if (value && value.length <= 80 && !/^[|·•/,-]$/.test(value)) values.push(value);
    }
  }
  let employmentType = header.labels.employmentType ?? null;
  let cohortValue: string | null = null;
  const rowDegrees: string[] = [];
  const plainValues: string[] = [];
  for (const value of values) {
    if (!employmentType && EMPLOYMENT_SET.has(value.toLowerCase())) employmentType = value;
    else if (parseCohort(value) || VALUE_ROW_DEGREE_WORDS.test(value)) {
      cohortValue ??= value;
      rowDegrees.push(value);
    } else plainValues.push(value);
  }
  let locations = header.labels.location ? splitList(header.labels.location) : [];
  if (locations.length === 0 && plainValues.length > 0) locations = splitList(plainValues.shift()!);
  if (!category && plainValues.length > 0) category = plainValues.shift()!;

  const responsibilities = readResponsibilities(tokenize(sections.responsibilities));
  const qualifications = readQualifications(tokenize(sections.qualifications));
  const minimumQualifications =
    qualifications.minimum.length > 0 || qualifications.preferred.length > 0 ? qualifications.minimum : responsibilities.minimum;
  const preferredQualifications =
    qualifications.minimum.length > 0 || qualifications.preferred.length > 0 ? qualifications.preferred : responsibilities.preferred;

  const responsibilitiesText = sections.responsibilities.map((l) => l.text).join('\n');
  const qualificationsText = sections.qualifications.map((l) => l.text).join('\n');
  const bodyText = `${responsibilitiesText}\n${qualificationsText}`;

  const degreeLevels = orderDegrees([
    ...degreeLevelsFromTag(title),
    ...rowDegrees.flatMap((v) => degreeLevelsFromText(v)),
    ...degreeLevelsFromText(minimumQualifications.join('\n')),
  ]);

  const posting: JobPosting = {
    jobId: page.jobId,
    url: page.canonicalUrl,
    site: page.site,
    title,
    jobCode: header.labels.jobCode ?? null,
    category,
    team: header.labels.team ?? teamFromTitle(title),
    locations,
    employmentType,
    degreeLevels,
    cohort: parseCohort(title) ?? (cohortValue ? parseCohort(cohortValue) : null),
    description: responsibilities.description.join('\n'),
    responsibilities: responsibilities.duties,
    minimumQualifications,
    preferredQualifications,
    startDates: parseStartDates(bodyText),
    internshipPeriods: parseInternshipPeriods(bodyText),
    commitment: parseCommitment(bodyText),
    applicationLimit: parseApplicationLimit(bodyText),
    onsiteDaysPerWeek: parseOnsiteDays(bodyText),
    contactEmail: parseContactEmail(bodyText),
    jobInformation: sections.jobInformation.map((l) => l.text).join('\n'),
    extractedAt: now.toISOString(),
  };
  const shortened = trimToLimits(posting);
  if (shortened.length > 0) posting.shortened = shortened;
  return { ok: true, posting };
}
