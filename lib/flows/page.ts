import { readLines } from '../extract/lines';
import { DUPLICATE_LINES, DUPLICATE_TITLE_LINES, SUBMITTED_LINES } from '../sites/texts';

/**
 * What the confirmation page and the form's duplicate dialog look like to a reader. A URL alone
 * proves nothing (anyone can open `/resume/applied` by hand), and every route of the site ships the
 * whole CMS text in a hidden block, so only visible lines count. Pure: `doc` comes in as a parameter.
 */

const MAX_LINES = 5_000;

function visibleLines(doc: ParentNode): string[] {
  const body = (doc as Document).body ?? doc;
  try {
    return readLines(body, MAX_LINES).map((line) => line.text);
  } catch {
    // A page this large is not the confirmation; reading on would cost without telling more.
    return [];
  }
}

const anyMatch = (lines: readonly string[], patterns: readonly RegExp[]) =>
  lines.some((line) => patterns.some((pattern) => pattern.test(line)));

/** The page says the résumé was received ("We have received your resume."). */
export function showsSubmission(doc: ParentNode): boolean {
  return anyMatch(visibleLines(doc), SUBMITTED_LINES);
}

/** The form shows the "Application Failed" / "You've already applied for this job." dialog. */
export function showsDuplicateDialog(doc: ParentNode): boolean {
  const lines = visibleLines(doc);
  return anyMatch(lines, DUPLICATE_TITLE_LINES) && anyMatch(lines, DUPLICATE_LINES);
}
