/**
 * The texts the careers sites are built from. The sites' class names are utility or hashed, so
 * extraction keys on these words alone; when the site changes its wording, this is the file to edit.
 */

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

/** Sub-headings inside a body, often inline in flattened text ("…period. Responsibilities - Design…"). */
export const DUTY_MARKERS = [
  'Responsibilities',
  'Key Responsibilities',
  'Job Responsibilities',
  'Your Responsibilities',
  'Job Description',
  'What You Will Do',
  "What You'll Do",
  'What you will be doing',
];
export const MINIMUM_MARKERS = ['Minimum Qualifications', 'Minimum Qualification', 'Basic Qualifications', 'Required Qualifications'];
export const PREFERRED_MARKERS = ['Preferred Qualifications', 'Preferred Qualification', 'Nice to Have', 'Bonus Points'];

/** Header navigation and image texts that can stand right before the category line. */
export const NAV_LINES = /^(?:logo|locations|early careers|blog|jobs|life|students|teams|triangle icon|home|search|sign in|log in|english|menu)$/i;

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
  /^(?:Successful candidates|Candidates|Interns) (?:will be required|are required|must) to work on-?site/i,
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

/** Titles of pages that are not a job (head `<title>` of the shell, the not-found view). */
export const GENERIC_TITLES = [
  /^(?:life at )?tiktok(?: careers| jobs)?$/i,
  /^(?:join )?bytedance(?: careers| jobs)?$/i,
  /^careers?$/i,
  /^jobs?$/i,
  /^(?:404\s*)?page not found$/i,
  /^search$/i,
];

/**
 * Headings of the sites' not-found view. Every route also carries a hidden copy of it (the CMS
 * text), so only a copy that is not hidden means the page is the not-found view.
 */
export const NOT_FOUND_HEADINGS = [/^(?:404\s*)?page not found$/i];

/** Suffixes the sites add to the document title. */
export const TITLE_SUFFIXES = /\s*[-|–—]\s*(?:Life at TikTok|TikTok Careers?|TikTok Jobs|TikTok|ByteDance Careers?|ByteDance Jobs|ByteDance|Join ByteDance)\s*$/i;

export const EMPLOYMENT_TYPES = [
  'Intern', 'Internship', 'Regular', 'Full-time', 'Full time', 'Part-time', 'Part time',
  'Contract', 'Contractor', 'Temporary', 'Permanent', 'Graduate', 'Campus',
];

/** Title tags for degree levels, e.g. "(BS/MS)". */
export const DEGREE_TAG = /\((?:(?:BS|BA|MS|MA|MSc|PhD|Ph\.D\.?)\s*(?:\/\s*)?)+\)/gi;

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12,
};
