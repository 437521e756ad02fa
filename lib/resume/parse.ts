import { skillIndex, type SkillIndex } from '../skills/lookup';
import { proposeAvailability, type ProposedAvailability } from './availability';
import { proposeDegrees, type ProposedDegree } from './degrees';
import { proposeExperience, type ProposedExperience } from './experience';
import { proposeLanguages, type ProposedLanguage } from './languages';
import { BULLET, readLines, type Line } from './lines';
import { proposeLocations, type ProposedLocation } from './locations';
import { nameOf, proposePublications, type ProposedPublication } from './publications';
import { proposeSkills, type ProposedSkill } from './skills';

/**
 * Reads pasted résumé text and PROPOSES profile entries: degrees, skills, publications, languages,
 * locations and availability periods. Nothing
 * here is trusted: the options page shows every proposal with the words it came from and the
 * user accepts or drops each one. So the parser prefers leaving a value empty (for the user to
 * fill, which the form's validation then asks for) over guessing one.
 *
 * Pure: the current date comes in as a parameter (a graduation after it means "pursuing").
 */

export type {
  ProposedAvailability,
  ProposedDegree,
  ProposedExperience,
  ProposedLanguage,
  ProposedLocation,
  ProposedPublication,
  ProposedSkill,
};

export interface ResumeProposals {
  /** The candidate's name when the first line looks like one; used to spot first authorship. */
  name: string | null;
  degrees: ProposedDegree[];
  skills: ProposedSkill[];
  publications: ProposedPublication[];
  languages: ProposedLanguage[];
  locations: ProposedLocation[];
  availability: ProposedAvailability[];
  experience: ProposedExperience[];
}

/** Longer text is refused with this message rather than read slowly or cut without a word. */
export const MAX_RESUME_CHARS = 100_000;
export class ResumeTooLongError extends Error {
  constructor(length: number) {
    super(
      `This text is ${length.toLocaleString('en')} characters long; Job Lens reads up to ${MAX_RESUME_CHARS.toLocaleString('en')}. ` +
        'Paste only the résumé (education, experience, skills, languages, publications).',
    );
    this.name = 'ResumeTooLongError';
  }
}

/**
 * Proposals from résumé text; `now` decides whether a graduation date is still ahead. Text over
 * MAX_RESUME_CHARS throws ResumeTooLongError (a message for the user), so the time it takes is
 * bounded; every pattern of the readers runs on one line at a time.
 */
export function parseResume(text: string, now: Date, index: SkillIndex = skillIndex()): ResumeProposals {
  if (text.length > MAX_RESUME_CHARS) throw new ResumeTooLongError(text.length);
  const lines = readLines(text);
  const name = nameOf(lines);
  const experience = proposeExperience(lines);
  return {
    name,
    degrees: proposeDegrees(lines, now),
    // Paper titles name research topics ("Graph Learning at Scale"), not skills the candidate claims.
    skills: proposeSkills(
      lines
        .filter((l) => l.section !== 'publications')
        .map((l) => withoutEmployers(l, experience))
        .join('\n'),
      index,
    ),
    publications: proposePublications(lines, name),
    languages: proposeLanguages(lines),
    locations: proposeLocations(lines),
    availability: proposeAvailability(lines),
    experience,
  };
}

/**
 * A role's line with its organisation blanked: an employer is not a skill ("Data Analyst Intern,
 * Shopee", "Designer, Canva"), though the same name in a bullet under it can be ("built
 * dashboards in Salesforce").
 */
function withoutEmployers(line: Line, roles: readonly ProposedExperience[]): string {
  if (line.section !== 'experience' || BULLET.test(line.text)) return line.text;
  let text = line.text;
  for (const { organization } of roles) {
    if (organization && text.includes(organization)) text = text.split(organization).join(' '.repeat(organization.length));
  }
  return text;
}
