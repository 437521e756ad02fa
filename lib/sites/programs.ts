/**
 * How the careers sites name their early-career programs. A program is a track (who it is for:
 * undergraduate and master's interns, PhD interns, graduates, …) and an intake ("2026 Start",
 * "2026 Summer"). The site's data calls it `job_subject` ("Undergraduate/Master Intern - 2026
 * Start", "PhD Graduates - 2027 Start"); pages show it in the title's suffix and degree tag
 * ("… - 2026 Start (BS/MS)"), the employment type, and on older pages a value row under the title.
 * When the site changes its wording, this is the file to edit.
 */

/** The tracks, with the names the site and its FAQ use ("Graduates, Undergrad/Master Intern, etc."). */
export const PROGRAM_TRACKS = {
  'intern-bsms': 'Undergrad/Master Intern',
  'intern-phd': 'PhD Intern',
  'intern-mba': 'MBA Intern',
  graduate: 'Graduate',
  'graduate-phd': 'PhD Graduate',
  'graduate-mba': 'MBA Graduate',
} as const;
export type ProgramTrack = keyof typeof PROGRAM_TRACKS;

/** The FAQ's own sentence, shown beside the strict setting and in the README. */
export const FAQ_LIMIT_SENTENCE =
  'You may apply for up to two Early Career positions per program within the application timeframe. ' +
  'You may also filter the program under the careers page (such as Graduates, Undergrad/Master Intern, etc.). ' +
  "The application limit applies to both TikTok and its affiliates' jobs globally.";

/** "up to two … per program": the number when no posting of a program states its own. */
export const FAQ_LIMIT_PER_PROGRAM = 2;

/** An intake: a year and a season word, as in "- 2026 Start", "- 2026 Summer", "Intern- 2025 Start". */
export const INTAKE = /\b(20\d{2})\s*(Start|Summer|Spring|Fall|Autumn|Winter)\b/i;

/** Words that make a title (or an employment type) an internship. */
export const INTERN_WORDS = /\bintern(?:s|ship|ships)?\b/i;

/** Words that make a title a graduate (new-grad) role. "Undergraduate" is not one of them. */
export const GRADUATE_WORDS = /(?<![a-z])(?:graduates?|new grads?|grad)\b/i;

/** Degree tags of the title, e.g. "(BS/MS)", "(PhD)", "(MBA)"; tested on the tag's inner text. */
export const DEGREE_TAG_TEXT = /\(((?:\s*(?:BS|BA|MS|MA|MSc|MBA|PhD|Ph\.D\.?)\s*\/?)+)\)/gi;
export const PHD_WORD = /\bPh\.?\s?D\b/i;
export const MBA_WORD = /\bMBA\b/;
/** Bachelor's and master's words in a tag or a value row ("Undergraduate/Master Intern"). */
export const BSMS_WORD = /\b(?:BS|BA|MS|MA|MSc|undergraduate|bachelor|master)\b/i;
