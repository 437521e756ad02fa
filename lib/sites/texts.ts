/**
 * The texts the careers sites are built from. The sites' class names are utility or hashed, so
 * extraction keys on these words alone; when the site changes its wording, this is the file to edit.
 */

import { NUMBER_WORD_SOURCE } from '../text/numbers';

/** Label rows before the sections: `Location` `:` `San Jose`, `Location:` + value, or dt/dd. */
export const LABELS = {
  location: ['Location', 'Locations', 'Work Location', 'City'],
  employmentType: ['Employment Type', 'Job Type'],
  jobCode: ['Job Code', 'Job ID', 'Requisition ID'],
  team: ['Team', 'Department'],
  category: ['Category', 'Job Category'],
} as const;
export type LabelField = keyof typeof LABELS;

/** Section headings whose whole text is one of these (the section is what follows). */
export const SECTION_HEADINGS = {
  responsibilities: ['Responsibilities'],
  qualifications: ['Qualifications'],
  jobInformation: ['Job Information'],
} as const;
export type SectionName = keyof typeof SECTION_HEADINGS;

/**
 * Sub-headings inside a body, as the postings write them: alone on a line or inline in flattened
 * text ("…period. Responsibilities - Design…"), in any letter case, with or without a colon.
 */
export const DUTY_MARKERS = [
  'Responsibilities',
  'Key Responsibilities',
  'Job Responsibilities',
  'Your Responsibilities',
  'Job Description',
  'What You Will Do',
  "What You'll Do",
  'What you will be doing',
  'What will I be doing?',
];
export const MINIMUM_MARKERS = [
  'Minimum Qualifications',
  'Minimum Qualification',
  'Minimum Qualification(s)',
  'Basic Qualifications',
  'Required Qualifications',
  'Qualifications',
  'Who would be a good fit?',
];
export const PREFERRED_MARKERS = [
  'Preferred Qualifications',
  'Preferred Qualification',
  'Preferred Qualification(s)',
  'Nice to Have',
  'Bonus Points',
];
/** Sub-headings whose text introduces the team or the role: the description, never duties. */
export const INTRO_MARKERS = ['About the team', 'Team Introduction'];

/** Header navigation and image texts that can stand right before the category line. */
export const NAV_LINES =
  /^(?:logo|locations|early careers|blog|jobs|life|students|teams|triangle icon|home|search|sign in|log in|english|menu)$/i;

/**
 * The site's footer, as whole lines: the links, the copyright line, the slogan (which may carry the
 * copyright at its end). Like the navigation, it can stand before the first section and after the
 * last one, and it ends a section whatever follows.
 */
export const FOOTER_LINES =
  /^(?:(?:privacy(?: policy)?|terms(?: of (?:use|service))?|cookie (?:policy|settings)|legal)$|(?:@|©|\(c\))\s?\d{4}\s?(?:TikTok|ByteDance)|Join us as we inspire creativity\b)/i;

/** The line that closes the label rows on job pages. */
export const SHARE_LINE = /^Share this listing:?$/i;

/**
 * Sentences of the early-careers programme text. They sit inside the Responsibilities body but are
 * neither duties nor qualifications: they belong to the description (and carry the facts we parse).
 */
export const PROGRAMME_SENTENCES: readonly RegExp[] = [
  /^We are looking for (?:talented|passionate|motivated)/i,
  /^(?:PhD |Graduate |Early Career )?Internships at (?:TikTok|ByteDance) aim/i,
  /^Watch your ambitions become reality/i,
  /^Candidates can apply to a maximum of/i,
  /^The application limit is applicable/i,
  /^Applications will be reviewed on a rolling basis/i,
  /^Successful candidates must be able to commit/i,
  /^(?:Our )?(?:Summer |Fall |Autumn |Winter |Spring )?(?:Internship )?Start Dates?\b/i,
  /^(?:The )?(?:internship|programme|program) (?:runs|lasts) for/i,
  /^It runs for \d+/i,
  /^(?:Successful candidates|Candidates|Interns) (?:will be required to|are required to|are expected to|must(?: be able to)?) work on-?site/i,
];

/**
 * Trailing company text that is never a qualification. Everything from the first of these on is
 * dropped from the requirement lists (the email in it is still read as the contact address).
 */
export const BOILERPLATE_SENTENCES: readonly RegExp[] = [
  /^By submitting an application for this role/i,
  /^If you have any questions,? please reach out/i,
  /^(?:TikTok|ByteDance) is committed to (?:creating an inclusive space|providing (?:reasonable )?accommodations)/i,
  /^(?:TikTok|ByteDance) is an equal opportunity employer/i,
  /^We are an equal opportunity employer/i,
  /^Equal Opportunity/i,
  /^【For Pay Transparency】/,
  /^For Pay Transparency/i,
  /^Job Information\b/,
  /^Diversity & Inclusion\b/,
];

/**
 * The posting's own limit sentence ("Candidates can apply to a maximum of two positions"): its
 * number is the posting's limit, so without this phrase a program falls back to the FAQ's figure.
 */
export const APPLICATION_LIMIT = new RegExp(
  `apply (?:to|for) (?:a )?maximum of (\\d{1,3}|${NUMBER_WORD_SOURCE}) (?:positions?|jobs?|roles?|applications?)`,
  'i',
);
/** After the limit sentence: applications are considered in the order made, so which came first matters. */
export const LIMIT_IN_ORDER = /in the order (?:you|they|candidates?) (?:apply|applied|submit)/i;
/** After the limit sentence: the limit counts the company's affiliates too (TikTok and ByteDance together). */
export const LIMIT_AFFILIATES = /and its affiliates/i;

/** The boilerplate's contact sentence: the address after it is the recruiters', not any other one in the text. */
export const CONTACT_LEAD = /reach out to us at\s*:?\s*/i;

/** The heading of the programme's start-date list ("Summer Start Dates: - May 11th, 2026 - …"). */
export const START_DATES_HEADING = /Start Dates?\s*(?:are|include)?\s*:?/gi;

/** Words that put "three days per week" on site, the only days-per-week figure the posting keeps. */
export const ONSITE_WORDS = /on-?site|in[- ]office|in the office|office|in person/i;

/**
 * Degree words in the older pages' value row under the title ("Undergraduate/Master Intern"): such
 * a value names the cohort and degrees, never the location or the category.
 */
export const VALUE_ROW_DEGREE_WORDS = /\b(?:undergraduate|master|bachelor|phd|graduate)\b/i;

/** Titles of pages that are not a job (head `<title>` of the shell, the not-found view), as a whole title. */
export const GENERIC_TITLES =
  /^(?:(?:life at )?tiktok(?: careers| jobs)?|(?:join )?bytedance(?: careers| jobs)?|careers?|jobs?|(?:404\s*)?page not found|search)$/i;

/**
 * Headings of the sites' not-found view. Every route also carries a hidden copy of it (the CMS
 * text), so only a copy that is not hidden means the page is the not-found view.
 */
export const NOT_FOUND_HEADINGS = [/^(?:404\s*)?page not found$/i];

/**
 * Suffixes the sites add to the document title, matched on the title with its end trimmed (the
 * white space before the dash is trimmed after the cut): a leading or trailing `\s*` would be
 * retried at every position of a run of spaces.
 */
export const TITLE_SUFFIXES =
  /[-|–—]\s*(?:Life at TikTok|TikTok Careers?|TikTok Jobs|TikTok|ByteDance Careers?|ByteDance Jobs|ByteDance|Join ByteDance)$/i;

export const EMPLOYMENT_TYPES = [
  'Intern',
  'Internship',
  'Regular',
  'Full-time',
  'Full time',
  'Part-time',
  'Part time',
  'Contract',
  'Contractor',
  'Temporary',
  'Permanent',
  'Graduate',
  'Campus',
];

/** Title tags for degree levels, e.g. "(BS/MS)". */
export const DEGREE_TAG = /\((?:(?:BS|BA|MS|MA|MSc|PhD|Ph\.D\.?)\s*(?:\/\s*)?)+\)/gi;

/**
 * The page a submitted form ends on (`/resume/applied`). Every route ships the whole CMS text in a
 * hidden block, so these count only where they are visible.
 */
export const SUBMITTED_LINES: readonly RegExp[] = [/^We have received your resume\b/i, /^We(?: have|'ve|’ve) received your application\b/i];

/** The dialog on the form when the job was applied to before: its title and its sentence, both visible. */
export const DUPLICATE_TITLE_LINES: readonly RegExp[] = [/^Application Failed\b/i];
export const DUPLICATE_LINES: readonly RegExp[] = [/You(?:'|’| ha)ve already applied (?:for|to) this (?:job|position)\b/i];

/** The history (`/position/application`): one row per application, read by these texts. */
export const HISTORY_REFERRAL_LINE = /^Applied via referral$/i;
/** The row's date and time, e.g. `2026-06-02 06:05` (seconds and slashes tolerated). */
export const HISTORY_DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?/;
/** The statuses the site shows for an application; a row's other short lines are not guessed at. */
export const HISTORY_STATUSES =
  /^(?:resume screening|screening|application (?:submitted|received|in review|under review)|submitted|under review|in review|in progress|evaluating|evaluation|assessment|online assessment|written test|(?:first |second |third |final |hr |technical )?interview(?:ing| stage| in progress|s)?|offer(?: stage| extended| accepted| declined)?|hired|onboarding|talent pool|not selected|not suitable|unsuccessful|rejected|process (?:ended|closed|completed)|closed|ended|withdrawn|cancelled|canceled)$/i;
/** Label words before a row's value ("Status: Resume screening") or heading a table column. */
export const HISTORY_LABELS = {
  status: ['Status', 'Application status', 'Progress', 'Stage'],
  appliedAt: [
    'Applied on',
    'Applied at',
    'Application time',
    'Application date',
    'Apply time',
    'Applied',
    'Submitted on',
    'Submission time',
    'Date',
    'Time',
  ],
  title: ['Position', 'Position name', 'Job', 'Job title', 'Title'],
} as const;
/** Buttons and headings on the history page, never a job title. */
export const HISTORY_CHROME =
  /^(?:my applications?|applications?|application history|application records?|applied jobs|applied positions|view|view details?|details|withdraw(?: application)?|more|expand|collapse|load more|no more|back|cancel|confirm|ok)$/i;
