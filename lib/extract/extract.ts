import type { JobPosting } from '../posting/schema';
import { classifyUrl, type PageKind } from '../sites/urls';
import { tokenize } from './body';
import {
  degreeLevelsFromTag,
  degreeLevelsFromText,
  orderDegrees,
  parseApplicationLimit,
  parseCohort,
  parseCommitment,
  parseContactEmail,
  parseInternshipPeriods,
  parseOnsiteDays,
  parseStartDates,
  teamFromTitle,
} from './facts';
import { headerFacts, readHeader, titleBeforeLabels, titleByName } from './header';
import { trimToLimits } from './limits';
import { type PageText, tryReadPage } from './page';
import { findSections, readQualifications, readResponsibilities } from './sections';

export { headTitle } from './header';

type JobPage = Extract<PageKind, { kind: 'job' }>;

export type ExtractResult = { ok: true; posting: JobPosting } | { ok: false; reason: string };

/** Reads a job page into a posting. Never throws; a page that is not a readable job gives a reason. */
export function extractPosting(doc: ParentNode, url: URL, now: Date): ExtractResult {
  return guarded(() => {
    const job = classifyUrl(url);
    if (job.kind !== 'job') return notAJob(job);
    const read = tryReadPage(doc);
    return read.ok ? extract(read.page, job, now) : read;
  });
}

/**
 * The same from a page the content script has read (`readPage`): what the background runs. The
 * page's text is the site's, so this never throws either.
 */
export function extractFromPage(page: PageText, url: URL, now: Date): ExtractResult {
  return guarded(() => {
    const job = classifyUrl(url);
    return job.kind === 'job' ? extract(page, job, now) : notAJob(job);
  });
}

function guarded(run: () => ExtractResult): ExtractResult {
  try {
    return run();
  } catch (error) {
    return { ok: false, reason: `could not read the page: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const notAJob = ({ kind }: PageKind): ExtractResult => ({
  ok: false,
  reason: kind === 'apply' ? 'this is an application form, not a job page' : 'not a job page URL',
});

function extract(page: PageText, job: JobPage, now: Date): ExtractResult {
  const { lines } = page;
  const sections = findSections(lines);
  const headerEnd = sections.firstHeading === -1 ? lines.length : sections.firstHeading;
  // Label rows belong to the job's own header, between its title and the first section: the
  // site's header above the title has a "Locations" link, which is no Location row.
  let titleIndex = titleByName(page, headerEnd);
  const header = readHeader(lines, titleIndex + 1, headerEnd);
  const hasLabels = header.firstLabel !== -1;
  const hasSections = sections.responsibilities.length > 0 || sections.qualifications.length > 0;
  if (!hasLabels && !hasSections) {
    return { ok: false, reason: 'no label rows and no sections on the page' };
  }
  if (titleIndex === -1) titleIndex = titleBeforeLabels(lines, header);
  if (titleIndex === -1) return { ok: false, reason: 'no job title on the page' };
  const title = lines[titleIndex]!.text;

  const [category, locations, employmentType, cohortValue, rowDegrees] = headerFacts(lines, header, titleIndex, headerEnd);

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
    jobId: job.jobId,
    url: job.canonicalUrl,
    site: job.site,
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
