import { datesIn } from './dates';
import { BULLET, type Line } from './lines';

/** Experience: the roles of the Experience section, each with its title, organisation and dates. */

export interface ProposedExperience {
  title: string;
  organization: string;
  /** YYYY-MM, or '' when the résumé gives only a year (for the user to complete). */
  from: string;
  /** YYYY-MM; null while it goes on ("– present"); '' when only a year is given. */
  to: string | null;
  internship: boolean;
  source: string;
}

// Roles: a line of the Experience section with a date range ("Software Engineer Intern, Shopee —
// May 2025 – Aug 2025"), or a range alone on the line under its title.
const RANGE_SEPARATOR = /^\s*(?:[–—-]|to|until|till)\s*$/i;
// Leading white space is taken only from the start of its run (a split may also begin right after
// one): `\s*` at every position of a long run of spaces would rescan the run from each of them.
const TITLE_SPLIT = /(?:(?<!\s)\s+)?(?:,|\s[|•·@]\s|\s[–—-]\s|\bat\b)\s*/;
// Trailing separators, from the start of their run only (the same trailer, read once).
const TITLE_TRAILER = /(?<![\s,|•·–—:(-])[\s,|•·–—:(-]+$/;
const INTERN = /\bintern(?:ship)?\b/i;

export function proposeExperience(lines: Line[]): ProposedExperience[] {
  const out: ProposedExperience[] = [];
  lines.forEach((line, i) => {
    // Bulleted lines describe a role ("- Ran tutorials from Jan to May 2024"); they do not name one.
    if (line.isHeading || line.section !== 'experience' || line.text.length > 300 || BULLET.test(line.text)) return;
    const dates = datesIn(line.text);
    if (dates.length < 2) return;
    const [a, b] = [dates[dates.length - 2]!, dates[dates.length - 1]!];
    const between = line.text.slice(a.index, b.index).replace(/^\S+(?:\s+\d{4})?/, '');
    if (a.value === null || !RANGE_SEPARATOR.test(between.replace(/^[\s.,]*\d{0,4}/, ''))) return;
    const before = line.text.slice(0, dates[0]!.index).replace(BULLET, '').replace(TITLE_TRAILER, '').trim();
    // A range alone on its line belongs to the line above ("Data Analyst Intern, Grab").
    const above = lines[i - 1];
    const titleText =
      before ||
      (above && !above.isHeading && above.section === 'experience' && datesIn(above.text).length === 0
        ? above.text.replace(BULLET, '')
        : '');
    if (!titleText) return;
    const [title, ...rest] = titleText.split(TITLE_SPLIT).filter(Boolean);
    if (!title || title.length > 200) return;
    const month = (v: string | null) => (v !== null && v.length === 7 ? v : '');
    out.push({
      title,
      organization: (rest[0] ?? '').slice(0, 200),
      from: month(a.value),
      to: b.value === null ? null : month(b.value),
      internship: INTERN.test(titleText),
      source: before ? line.text : `${titleText} · ${line.text}`,
    });
  });
  return out;
}
