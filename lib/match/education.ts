import type { DegreeLevel } from '../posting/schema';
import type { Education } from '../profile/schema';
import { aspect, emptyEvidence, type Aspect } from './aspect';
import type { MatchContext } from './context';
import { MONTH_PATTERN, NUMBER_PATTERN, monthIndex, monthIndexOfDay, monthLabel, monthNumber, parseNumber, yearMonthLabel } from './dates';
import { checkField, readFieldRequirement, type FieldRequirement } from './fields';
import { CAPITAL_B_OR_M, hint } from './hints';
import { listOr } from './text';
import { SEASON_SOURCE, SHORT_MONTHS, type Season } from '../text/calendar';

/** The profile's own word for where a degree stands. */
type EducationStatus = Education['status'];

/**
 * Degree, enrolment and graduation lines. A held higher degree meets a lower one ("Bachelor's
 * degree or above" is met by a Master), except while the line asks what you are *currently
 * pursuing*: a PhD student is not "currently pursuing a Bachelor's or Master's".
 */

const RANK: Record<DegreeLevel, number> = { Bachelor: 1, Master: 2, PhD: 3 };
/** A degree's usual length in years: the years of study a line counts, the work it does not. */
export const STUDY_YEARS: Readonly<Record<DegreeLevel, number>> = { Bachelor: 4, Master: 2, PhD: 5 };
const LEVELS: DegreeLevel[] = ['Bachelor', 'Master', 'PhD'];

const PHD = /\b(?:ph\.?\s?d\b\.?|doctorate|doctoral|doctor of philosophy|dphil)/i;
const MASTER =
  /\b(?:master'?s?(?![\w-])|m\.s\.|m\.sc\b\.?|msc\b|m\.eng\b\.?|meng\b|mphil\b|mba\b)|\bMS\b(?!\s*(?:Office|Excel|SQL|Word|Teams|Azure))/i;
const MASTER_CS = /\bMS\b(?!\s*(?:Office|Excel|SQL|Word|Teams|Azure))/;
// Not "post-graduate experience": work after graduating (read by the experience reader).
const POSTGRAD =
  /\b(?:post-?graduate(?!\s(?:(?:work|working|professional|industry|full-time)\s)?experience)|graduate (?:degree|student|program|programme|studies|school))s?\b|(?<=\bunder-?graduate\s?(?:,|or|and|\/)\s?(?:or\s)?)graduate\b/i;
const BACHELOR =
  /\b(?:bachelor'?s?(?![\w-])|bachelors\b|under-?graduate|undergrad\b|b\.s\.|b\.sc\b\.?|bsc\b|b\.eng\b\.?|beng\b|b\.?tech\b|b\.a\.)/i;
const BACHELOR_CS = /\b(?:BS|BA)\b/;
const ANY_DEGREE = /\b(?:degree|diploma|university student|college student)\b/i;

const PURSUING =
  /\b(?:currently\s+(?:pursuing|enrolled|studying|attending|a\s+student|in\s+(?:a|an|the|your)\b)|pursuing|enrolled|enrol?ment|current(?:ly)?\s+(?:a\s+)?(?:full-time\s+)?(?:university\s+|college\s+)?students?|must be a student|are a student|studying (?:for|towards?))/i;
const COMPLETED =
  /\b(?:hold(?:s|ing)?|obtained|have completed|completed|possess(?:es)?|earned|graduated (?:with|from)|have graduated|degree holders?)\b/i;
// "Must have completed at least two years of undergraduate studies": years of study behind the
// student, not a degree held (read as a year of study in `yearsOfStudy`).
const COMPLETED_YEARS = new RegExp(
  `\\b(?:complet|finish)\\w{0,10}\\s+(?:at least\\s+|a minimum of\\s+|minimum\\s+|more than\\s+|over\\s+)?(${NUMBER_PATTERN})\\s+(?:full[- ]time\\s+|full\\s+|academic\\s+)?years?\\s+(?:of\\s+)?(?:(?:your|their|an?|the)\\s+)?(?:[\\w'-]{1,20}\\s+){0,2}?(?:stud(?:y|ies)|degree|program(?:me)?|education|course(?:work)?)\\b`,
  'i',
);
// Other ways to say a degree is in progress: "graduating with a Bachelor's", "expected to graduate
// in June 2027 with a Bachelor's", "final-year undergraduate", "Master's students",
// "undergraduates in their second year", "PhD candidates". Not when the
// line also takes those who have graduated ("final-year students or fresh graduates"): then
// finished degrees count too.
const STUDYING_NOW =
  /\bgraduating (?:with|from)\b|\bgraduat(?:e|ing)\b[^.;]{0,60}?\bwith (?:a|an)\b|\b(?:final|penultimate)[- ]year\b|\b(?:under-?graduate|bachelor'?s?|master'?s?|ph\.?\s?d|doctoral|post-?graduate|graduate|msc|bsc)\s+students?\b|\b(?:under-?graduates|post-?graduates|undergrads)\b|\b(?:ph\.?\s?d|doctoral|mba|master'?s?|bachelor'?s?)\s+candidates?\b|\b(?:undergraduate|college|university|current|rising)\s+(?:freshm[ae]n|sophomores?|juniors?|seniors?)\b/i;
const GRADUATES_TOO = /\b(?:recent|fresh|new)\s+grad|\bgraduated\b|\bgraduates\b|\balumni\b/i;
// Not of a year of study: "undergraduates in their second year or above" are still undergraduates.
const AT_LEAST =
  /(?<!\byears? )\b(?:or (?:above|higher|more advanced|equivalent degree)|and above|or a higher degree|at least (?:a|an)\b|minimum (?:of )?(?:a|an)\b)/i;
// "Master the basic principles of …", "able to master new tools": the verb, not the degree. The
// spaces are bounded, and the look-behind is tried only after "master": a run of spaces read
// back from every position would be quadratic.
const MASTER_VERB =
  /\bmaster(?=\s{1,3}(?:the|a|an|at least|one|basic|common(?:ly)?|core|key|fundamental|various|several|mainstream|popular|advanced|programming|principles?|concepts?|theor(?:y|ies))\b)|\bmaster\b(?<=\b(?:to|must|should|can|will|quickly)\s{1,3}master)/gi;
// "A Bachelor's degree in any field": no field asked, whatever else the line names as a plus.
const ANY_DISCIPLINE = /\bany (?:field|discipline|major|subject|area of study|academic background|background)s?\b/i;
const EQUIVALENT_EXPERIENCE = /\bequivalent (?:practical |work |industry |professional )?experience\b/i;

export interface DegreeRequirement {
  levels: DegreeLevel[];
  /** Level words as written ("PhD", "Bachelor/Masters"). */
  words: string[];
  anyLevel: boolean;
  /** Only these levels count (title tags, "currently pursuing"); else higher degrees count too. */
  exact: boolean;
  status: EducationStatus | null;
  equivalentExperience: boolean;
  fields: FieldRequirement | null;
}

// Cheap test first: most lines name no degree, and the field scan is the costly part.
export const DEGREE_HINT = hint([
  'degree',
  'bachelor',
  'master',
  'phd',
  'ph.d',
  'ph. d',
  'doctor',
  'graduate',
  'undergrad',
  'diploma',
  'dphil',
  'mphil',
  'msc',
  'bsc',
  'meng',
  'beng',
  'm.eng',
  'b.eng',
  'b.tech',
  'btech',
  'mba',
  'student',
  'major',
]);
const DEGREE_ABBREVIATION = /\b[BM]\.?(?:S|A)\b/;

const PHD_LEVELS: DegreeLevel[] = ['PhD'];
const MASTER_LEVELS: DegreeLevel[] = ['Master'];
const POSTGRAD_LEVELS: DegreeLevel[] = ['Master', 'PhD'];
const BACHELOR_LEVELS: DegreeLevel[] = ['Bachelor'];

function take(text: string, re: RegExp, add: DegreeLevel[], levels: Set<DegreeLevel>, found: { word: string; at: number }[]): void {
  const m = re.exec(text);
  if (m) {
    for (const l of add) levels.add(l);
    found.push({ word: m[0], at: m.index });
  }
}

export function readDegree(text: string, hints: number): DegreeRequirement | null {
  if (!(hints & DEGREE_HINT) && !(hints & CAPITAL_B_OR_M && DEGREE_ABBREVIATION.test(text))) return null;
  const levels = new Set<DegreeLevel>();
  const found: { word: string; at: number }[] = [];
  take(text, PHD, PHD_LEVELS, levels, found);
  MASTER_VERB.lastIndex = 0;
  const masterText = MASTER_VERB.test(text) ? text.replace(MASTER_VERB, (verb) => ' '.repeat(verb.length)) : text;
  take(masterText, MASTER, MASTER_LEVELS, levels, found);
  if (!levels.has('Master') && MASTER_CS.test(text)) take(text, MASTER_CS, MASTER_LEVELS, levels, found);
  take(text, POSTGRAD, POSTGRAD_LEVELS, levels, found);
  take(text, BACHELOR, BACHELOR_LEVELS, levels, found);
  if (!levels.has('Bachelor')) take(text, BACHELOR_CS, BACHELOR_LEVELS, levels, found);
  const words = found.sort((a, b) => a.at - b.at).map((f) => f.word);
  const anyDiscipline = ANY_DISCIPLINE.test(text);
  const fields = anyDiscipline ? null : readFieldRequirement(text, hints);
  const anyLevel = levels.size === 0;
  // Without a level, only "degree in <field>" is a degree line ("relevant degree / experience is a plus" is not).
  const degreeWord = ANY_DEGREE.exec(text)?.[0];
  const people =
    anyLevel && fields
      ? (fields.named.map((n) => studentsOf(text, n.text)).find((p) => p !== null) ??
        (fields.broad.length ? (BROAD_PEOPLE.exec(text)?.[0] ?? null) : null))
      : null;
  // "… or graduates with less than a year of experience": people who hold a degree, of any level.
  const graduates = anyLevel && !degreeWord && people === null ? GRADUATES_FIRST.exec(text) : null;
  if (graduates)
    return { levels: [], words: [graduates[0].trim()], anyLevel, exact: false, status: 'completed', equivalentExperience: false, fields };
  if (
    anyLevel &&
    !(degreeWord && (anyDiscipline || (fields && (fields.named.length > 0 || /\bdegree (?:in|of)\b/i.test(text))))) &&
    people === null
  )
    return null;
  const status =
    PURSUING.test(text) || (STUDYING_NOW.test(text) && !GRADUATES_TOO.test(text))
      ? 'pursuing'
      : COMPLETED.test(text) && !COMPLETED_YEARS.test(text)
        ? 'completed'
        : null;
  return {
    levels: LEVELS.filter((l) => levels.has(l)),
    words: anyLevel ? [degreeWord ?? people!] : words,
    anyLevel,
    exact: status === 'pursuing' && !AT_LEAST.test(text),
    status,
    equivalentExperience: EQUIVALENT_EXPERIENCE.test(text),
    fields,
  };
}

// "(…, or) graduates with less than a year of experience": holders of a degree, whatever it is.
const GRADUATES_FIRST = /^\s*(?:recent\s+)?graduates\s+with\b/i;
// "Law students", "Computer Science graduates", "Statistics majors", "majoring in Economics": a
// field's people, so a degree line without the word "degree".
const PEOPLE_AFTER = /^\s+(?:students?|graduates?|majors?|undergraduates?|postgraduates?)\b/i;
const PEOPLE_BEFORE = /\b(?:students?|graduates?|majors?|majoring|undergraduates?|postgraduates?)\s+(?:in|of)\s+$/i;
// "Students in a STEM field", "graduates from a quantitative discipline": a broad field's people.
const BROAD_PEOPLE =
  /\b(?:students?|graduates?|majors?|undergraduates?)\s(?:in|of|from)\s(?:an?\s|the\s)?(?:[\w-]+\s)?(?:stem|quantitative|technical|engineering)(?:\s(?:fields?|disciplines?|majors?|subjects?|backgrounds?))?\b/i;
function studentsOf(text: string, field: string): string | null {
  const at = text.toLowerCase().indexOf(field.toLowerCase());
  if (at === -1) return null;
  const after = PEOPLE_AFTER.exec(text.slice(at + field.length));
  if (after) return text.slice(at, at + field.length) + after[0];
  const before = PEOPLE_BEFORE.exec(text.slice(Math.max(0, at - 30), at));
  return before ? before[0] + text.slice(at, at + field.length) : null;
}

/** "pursuing" with a graduation already past counts as completed. */
function effectiveStatus(e: Education, ctx: MatchContext): EducationStatus {
  return e.status === 'pursuing' && monthIndex(e.graduation) >= ctx.thisMonth ? 'pursuing' : 'completed';
}

const LEVEL_NAMES: Record<DegreeLevel, string> = { Bachelor: "Bachelor's", Master: "Master's", PhD: 'PhD' };

/** "Master's in Data Science, graduating Dec 2026", as a student says it. */
export function describeEducation(e: Education): string {
  return `${LEVEL_NAMES[e.level]} in ${e.field}, ${e.status === 'pursuing' ? 'graduating' : 'graduated'} ${yearMonthLabel(e.graduation)}`;
}
function describeAll(entries: readonly Education[]): string {
  return entries.map(describeEducation).join('; ');
}

function levelOk(req: DegreeRequirement, e: Education): boolean {
  if (req.anyLevel) return true;
  if (req.levels.includes(e.level)) return true;
  return !req.exact && RANK[e.level] >= Math.min(...req.levels.map((l) => RANK[l]));
}

/**
 * On a graduate (full-time, early-career) posting a degree line asks for a finished degree: one
 * completed, or one that will be by the end of the posting's onboarding window. Being a student
 * of a higher degree does not count on its own (a PhD student does not hold the Master's asked for).
 */
function finishedInTime(e: Education, ctx: MatchContext): boolean {
  if (effectiveStatus(e, ctx) === 'completed') return true;
  const end = ctx.posting.onboardingEnd;
  return end !== null && monthIndex(e.graduation) <= end;
}

export function assessDegree(
  req: DegreeRequirement,
  ctx: MatchContext,
  kindWhenNoLevel: 'degree-field' | 'enrolment' = 'degree-field',
): Aspect {
  const kind = req.anyLevel && !req.fields ? kindWhenNoLevel : 'degree-field';
  const evidence = emptyEvidence();
  const entries = ctx.profile.education;
  const wanted = req.anyLevel
    ? 'a degree'
    : `a ${listOr(req.levels.map((l) => LEVEL_NAMES[l]))}${req.levels.length === 1 && req.levels[0] === 'PhD' ? '' : ' degree'}`;
  if (entries.length === 0) {
    evidence.notes.push('your profile lists no education');
    return aspect(kind, 'unknown', evidence, true);
  }
  const graduate = req.status !== 'pursuing' && ctx.posting.graduate;
  const candidates = entries.filter(
    (e) => levelOk(req, e) && (graduate ? finishedInTime(e, ctx) : req.status === null || effectiveStatus(e, ctx) === req.status),
  );
  if (candidates.length === 0) {
    const byLevel = entries.filter((e) => levelOk(req, e));
    const held = describeAll(entries);
    if (graduate && byLevel.length) {
      const end = ctx.posting.onboardingEnd;
      const by = end === null ? 'completed' : `completed by ${monthLabel(end)}, when this graduate role starts`;
      evidence.missing.push(`${wanted} ${by}`);
      evidence.notes.push(`a graduate role asks for a finished degree; yours: ${describeAll(byLevel)}`);
      // Without a known start the degree may be finished in time: partly there, as below.
      if (end === null) return aspect(kind, 'partial', evidence, true);
      return aspect(kind, 'unmet', evidence, true, `Needs ${wanted} ${by}; you have ${describeAll(byLevel)}`);
    }
    // Pursuing the right degree in the right field: it will be completed, so partly there.
    const soonEnough = byLevel.filter((e) => !req.fields || checkField(e.field, req.fields).ok !== false);
    if (soonEnough.length && req.status === 'completed') {
      const soon = soonEnough[0]!;
      evidence.matched.push({ requirement: req.words.join(', ') || wanted, profile: describeEducation(soon) });
      evidence.missing.push(`${wanted} completed`);
      evidence.notes.push('still in progress');
      return aspect(kind, 'partial', evidence, true);
    }
    if (req.equivalentExperience) {
      evidence.missing.push(wanted);
      evidence.notes.push('the line also accepts equivalent experience, which a profile cannot show');
      return aspect(kind, 'unknown', evidence, true);
    }
    const pursuing = req.status === 'pursuing' ? ' in progress' : '';
    evidence.missing.push(`${wanted}${pursuing}`);
    evidence.notes.push(`your education: ${held}`);
    return aspect(kind, 'unmet', evidence, true, `Needs ${wanted}${pursuing}; you have ${held}`);
  }
  const levelWords = req.words.join(', ') || wanted;
  if (!req.fields) {
    const e = candidates[0]!;
    evidence.matched.push({ requirement: levelWords, profile: describeEducation(e) });
    return aspect(kind, 'met', evidence, true);
  }
  let unknownNote: string | null = null;
  for (const e of candidates) {
    const f = checkField(e.field, req.fields);
    if (f.ok) {
      evidence.matched.push({ requirement: levelWords, profile: describeEducation(e) });
      if (f.how !== e.field) evidence.matched.push({ requirement: f.how, profile: e.field });
      if (f.how === 'related field' || f.how.endsWith(' field')) evidence.notes.push(`${e.field} counts as a ${f.how}`);
      return aspect(kind, 'met', evidence, true);
    }
    if (f.ok === null) unknownNote = f.how;
  }
  const e = candidates[0]!;
  evidence.matched.push({ requirement: levelWords, profile: describeEducation(e) });
  const named = req.fields.named.map((n) => n.text);
  evidence.missing.push(
    `a degree in ${listOr([...named, ...req.fields.broad.map((b) => `a ${b} field`)])}${req.fields.related ? ' or a related field' : ''}`,
  );
  if (unknownNote) evidence.notes.push(unknownNote);
  // The level is right; a different field is a shortfall, not an eligibility wall.
  return aspect(kind, 'partial', evidence, true);
}

// Students and recent graduates both: enrolment is one way in, not a requirement.
const STUDENTS_OR_GRADUATES =
  /\bstudents?\b[^.;]{0,30}?\b(?:and|or|as well as|&)\s(?:recent|new|fresh)\sgrad\w*|\b(?:recent|new|fresh)\sgrad\w*\s(?:and|or|&)\s(?:current\s)?students?\b/i;

/** Lines that need current enrolment without naming a degree ("must be a current university student"). */
const ENROLMENT_HINT = hint(['pursu', 'enrol', 'student', 'studying']);

export function readEnrolment(text: string, hints: number): boolean {
  if (!(hints & ENROLMENT_HINT) || STUDENTS_OR_GRADUATES.test(text)) return false;
  return PURSUING.test(text) && /\b(?:students?|university|college|school|degree|program|programme|studies|enrolled)\b/i.test(text);
}

export function assessEnrolment(ctx: MatchContext): Aspect {
  const evidence = emptyEvidence();
  if (ctx.profile.education.length === 0) {
    evidence.notes.push('your profile lists no education');
    return aspect('enrolment', 'unknown', evidence, true);
  }
  const current = ctx.profile.education.find((e) => effectiveStatus(e, ctx) === 'pursuing');
  if (current) {
    evidence.matched.push({ requirement: 'a current student', profile: describeEducation(current) });
    return aspect('enrolment', 'met', evidence, true);
  }
  evidence.missing.push('a degree in progress');
  return aspect('enrolment', 'unmet', evidence, true, 'Needs you to be a current student; your profile has no degree in progress');
}

// ——— graduation windows ———

export interface GraduationRequirement {
  /** Inclusive month indexes; null = open. */
  from: number | null;
  to: number | null;
  words: string;
  /** The window comes from the internship's end ("return to school after the internship"). */
  afterInternship?: boolean;
  /** "recent graduates": a degree already completed can be the one in the window. */
  recent?: boolean;
  /**
   * The window is when the degree the line names is completed ("Bachelor's degree obtained after
   * September 2024"): that degree's date is the one to check, not the one in progress.
   */
  ofDegree?: boolean;
}

// A month, a season or a part of the year before the year: "December 2026", "Spring 2027",
// "late 2026", "mid-2027", "2026". Every pattern YM is part of takes any letter case (the `i` flag).
const SEASON_WORD = `(?:${SEASON_SOURCE})`;
const YM = `(?:(${MONTH_PATTERN}|${SEASON_WORD}|\\b(?:early|mid|late))(?:-|\\s*,?\\s*(?:of\\s+)?))?(20\\d\\d)`;
// Each graduation word is read whole and bounded (no real word runs past 30 more letters): a
// word that could end anywhere lets the gap below retry from each of its letters, and each of
// the many trigger words in a long run of them would scan the rest of the run (quadratic).
const GRAD =
  "graduat\\w{0,30}(?!\\w)|class(?:es)? of|completion|finish(?:ing)? (?:your|their|the) (?:degree|studies)|complet\\w{0,30} (?:your |their |a |the )?(?:[\\w']{1,40} ){0,2}(?:degree|studies|program(?:me)?)|obtain\\w{0,30} (?:your |their |a |an |the )?(?:[\\w']{1,40} ){0,2}degree|(?:degree|diploma)s? (?:(?:was|is|has been|to be|must be|should be) )?(?:obtained|completed|awarded|conferred|received|earned|finished)";
// The graduation words that say when a degree is completed, not when its student graduates.
const DEGREE_DATE = /^(?:complet|obtain|degree|diploma)/i;
// The gap between the graduation words and the dates is bounded: a clause, not the whole text.
const GAP = '[^.;]{0,80}?';
const BETWEEN = new RegExp(`(?:${GRAD})${GAP}\\b(?:between|from)\\s+${YM}\\s*(?:and|to|-|–|through|until)\\s*${YM}`, 'i');
const BY = new RegExp(`(?:${GRAD})${GAP}\\b(by|before|no later than|prior to|on or before)\\s+(?:the end of\\s+)?${YM}`, 'i');
const AFTER = new RegExp(`(?:${GRAD})${GAP}\\b(?:after|from|on or after|no earlier than|not earlier than|not before)\\s+${YM}`, 'i');
const OR_LATER = new RegExp(`(?:${GRAD})${GAP}${YM}\\s+or\\s+(later|after|earlier|before)`, 'i');
const IN = new RegExp(`(?:${GRAD})${GAP}\\b(?:in|during|of|:)\\s+(?:the\\s+)?${YM}(?:\\s*(?:or|and|\\/|-|–|to)\\s*${YM})?`, 'i');
// "In the 2026-2027 academic year", "academic year 2026/27": September to August.
const ACADEMIC_YEAR = new RegExp(
  `(?:${GRAD})${GAP}\\b(?:(20\\d\\d)\\s?[-–/]\\s?(?:20)?(\\d\\d)\\s(?:academic|school|university) year|(?:academic|school|university) year (?:of\\s)?(20\\d\\d)\\s?[-–/]\\s?(?:20)?(\\d\\d))\\b`,
  'i',
);
const YEAR_GRADS = /\b(20\d\d)\s+(?:graduates?|grads?)\b|\bclass(?:es)? of\s+(20\d\d)(?:\s*(?:or|and|\/|-|–)\s*(20\d\d))?\b/i;
const FINAL_YEAR = /\bfinal[- ]year\b|\blast year of (?:study|studies|(?:your|their) degree)\b/i;
const PENULTIMATE = /\bpenultimate[- ]year\b|\bpre-final[- ]year\b|\bsecond[- ]to[- ]last year\b/i;
// "in the second or third year of a Bachelor's", "first- or second-year students", "Year 2 or 3
// students", "second year or above": the years of study, counted back from the graduation (the
// final year ends at the next graduation, the one before a year later).
const ORDINAL = '(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)';
const YEARS_OF_STUDY = new RegExp(
  `\\b${ORDINAL}(?:-?\\s?years?)?-?\\s?(?:,|or|and|\\/|to|-)\\s?${ORDINAL}[- ]years?\\b|\\b${ORDINAL}[- ]year\\b((?:\\s[\\w']+){0,2}?\\s(?:or|and)\\s(?:above|higher|later|beyond))?|\\byears?\\s([1-5])(?:\\s?(?:or|and|\\/|to|-)\\s?([1-5]))?\\b`,
  'i',
);
const STUDY_CONTEXT =
  /\b(?:students?|undergrad\w*|bachelor|master|ph\.?\s?d|degree|universit(?:y|ies)|college|studies|programs?|programmes?)\b/i;
const WORK_YEAR = /\b(?:on the job|of (?:work|employment|experience)|of your (?:career|role))\b/i;
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
};

/** The graduation window of students in the years of study the line names, or null. */
function yearsOfStudy(text: string, ctx: MatchContext): GraduationRequirement | null {
  const done = COMPLETED_YEARS.exec(text);
  if (done) {
    // Years behind the student: in the year after them or later (or graduated).
    const length = STUDY_YEARS[levelNamed(text)];
    const years = parseNumber(done[1]!);
    if (years === null || years < 1 || years >= length) return null;
    return { from: null, to: ctx.thisMonth + (length - years) * 12, words: done[0] };
  }
  const classYear = classYears(text, ctx);
  if (classYear) return classYear;
  const m = YEARS_OF_STUDY.exec(text);
  if (!m || !STUDY_CONTEXT.test(text) || WORK_YEAR.test(text)) return null;
  const year = (w: string | undefined) => (w === undefined ? undefined : (ORDINALS[w.toLowerCase()] ?? Number(w)));
  const length = STUDY_YEARS[levelNamed(text)];
  const first = year(m[1] ?? m[3] ?? m[5])!;
  const last = m[4] !== undefined ? length : (year(m[2] ?? m[6]) ?? first);
  const lo = Math.min(first, last);
  const hi = Math.min(Math.max(first, last), length);
  if (lo > length) return null;
  return studyWindow(lo, hi, length, ctx, m[0]);
}

function levelNamed(text: string): DegreeLevel {
  return PHD.test(text) ? 'PhD' : MASTER.test(text) || POSTGRAD.test(text) ? 'Master' : 'Bachelor';
}

/** A window of students in their `lo`th to `hi`th year of a degree of `length` years. */
function studyWindow(lo: number, hi: number, length: number, ctx: MatchContext, words: string): GraduationRequirement {
  return { from: ctx.thisMonth + (length - hi) * 12, to: ctx.thisMonth + (length - lo + 1) * 12, words };
}

// The American college years: "current sophomores or juniors", "rising seniors", "juniors and
// seniors", "in their junior year". The same words name job levels ("junior or senior engineers",
// "senior stakeholders"), so they count only as students: with a student word after them, two
// of them joined, "rising" before them, or "current", "college" or "undergraduate" before the plural.
const CLASS_WORD = '(freshm[ae]n|sophomores?|juniors?|seniors?)';
const CLASS_YEAR = new RegExp(
  `\\b(?:(rising)\\s+|(current(?:ly)?|college|university|undergraduate)\\s+)?${CLASS_WORD}(?:\\s*(?:,|or|and|\\/|&)\\s*(?:rising\\s+)?${CLASS_WORD})?(\\s+(?:students?|undergraduates?|year|standing))?\\b`,
  'i',
);
const JOB_AFTER =
  /^\s+(?:[\w-]+\s+)?(?:engineers?|developers?|analysts?|managers?|designers?|scientists?|researchers?|staff|levels?|roles?|positions?|leaders(?:hip)?|management|stakeholders?|executives?|specialists?|associates?|consultants?|professionals?|hires?|talent|teams?|colleagues?|partners?|members?)\b/i;
const CLASS_YEARS: Readonly<Record<string, number>> = { freshman: 1, freshmen: 1, sophomore: 2, junior: 3, senior: 4 };
/** Months (0 = January) in which a "rising" student has already moved up a year: the summer. */
const SUMMER_MONTHS = [5, 6, 7];

function classYears(text: string, ctx: MatchContext): GraduationRequirement | null {
  const m = CLASS_YEAR.exec(text);
  if (!m || JOB_AFTER.test(text.slice(m.index + m[0].length))) return null;
  const [, rising, current, first, second, studentWord] = m;
  const plural = /s$|men$/i.test(first!);
  if (!rising && !second && !studentWord && !(current && plural)) return null;
  const year = (w: string) => CLASS_YEARS[w.toLowerCase().replace(/s$/, '')]!;
  // A rising senior is a junior until the summer before senior year.
  const shift = rising && !SUMMER_MONTHS.includes(ctx.thisMonth % 12) ? 1 : 0;
  const years = [year(first!), ...(second ? [year(second)] : [])].map((y) => y - shift);
  return studyWindow(Math.min(...years), Math.max(...years), STUDY_YEARS.Bachelor, ctx, m[0]);
}

// "penultimate or final year", "final or pre-final year students": either year of study.
const PENULTIMATE_OR =
  /\b(?:penultimate|pre-final|second[- ]to[- ]last)\s+(?:or|and|\/)\s+final[- ]year\b|\bfinal\s+(?:or|and|\/)\s+(?:penultimate|pre-final|second[- ]to[- ]last)[- ]year\b/i;
// "recent graduates", "graduated within the past 12 months", "graduated in the last two years".
const RECENT = new RegExp(
  `\\brecent(?:ly)?[- ](?:[A-Za-z]+ )?grad\\w*|\\bgraduated (?:with)?in the (?:past|last) (?:(${NUMBER_PATTERN}) )?(months?|years?)`,
  'i',
);
// "Graduated within the past 12 months", "obtained a Bachelor's degree within the last two
// years": a span the line states, read before a bare "recent graduates" in the same line.
const RECENT_SPAN = new RegExp(
  `\\b(?:graduated|obtained|completed|received|earned)\\b[^.;]{0,60}?\\b(?:with)?in the (?:past|last) (?:(${NUMBER_PATTERN}) )?(months?|years?)\\b`,
  'i',
);
// "Graduated no more than 2 years ago", "graduated within 1 year", "within 2 years of graduation",
// "up to 24 months after graduation": the same span, said without "in the past".
const RECENT_AGO = [
  new RegExp(
    `\\bgraduated\\s(?:no more than|not more than|at most|less than|within)\\s(${NUMBER_PATTERN}|a|an|one)\\s(months?|years?)\\b`,
    'i',
  ),
  new RegExp(
    `\\bwithin\\s(${NUMBER_PATTERN}|a|an|one)\\s(months?|years?)\\s(?:of|after|since|from)\\s(?:(?:your|their)\\s)?graduat\\w*`,
    'i',
  ),
  new RegExp(
    `\\b(?:up to|no more than|not more than|at most|less than)\\s(${NUMBER_PATTERN}|a|an|one)\\s(months?|years?)\\s(?:after|since|from|post[- ]?)\\s?graduat\\w*`,
    'i',
  ),
];
function recentAgo(text: string): RegExpExecArray | null {
  for (const re of RECENT_AGO) {
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}
const RETURN_TO_SCHOOL =
  /\b(?:return(?:ing)?|go(?:ing)? back)\s+to\s+(?:school|university|college|(?:your|their)\s+(?:studies|degree|program|programme))|\bat least one (?:semester|term|quarter|year)\b[^.;]{0,80}\b(?:remaining|left|after)\b|\b(?:continue|continuing) (?:your|their) (?:studies|education|degree)|\bremaining (?:semester|term|quarter)\b/i;

// Months a season's graduations fall in (northern-hemisphere university terms).
const GRADUATION_SEASONS: Readonly<Record<Season, [number, number]>> = {
  spring: [3, 6],
  summer: [6, 9],
  fall: [9, 12],
  autumn: [9, 12],
  winter: [12, 14],
};
// "Graduating in late 2026": the months of a third of the year.
const YEAR_PARTS: Readonly<Record<string, [number, number]>> = { early: [1, 4], mid: [5, 8], late: [9, 12] };

function ym(month: string | undefined, year: string, end: boolean): number {
  const y = Number(year);
  if (month) {
    const key = month.toLowerCase();
    const season = Object.hasOwn(GRADUATION_SEASONS, key)
      ? GRADUATION_SEASONS[key as Season]
      : Object.hasOwn(YEAR_PARTS, key)
        ? YEAR_PARTS[key]
        : undefined;
    if (season) return y * 12 + (end ? season[1] : season[0]) - 1;
    return y * 12 + monthNumber(month)! - 1;
  }
  return y * 12 + (end ? 11 : 0);
}

// Cheap gates: the window patterns all start from a graduation word and need a year.
const GRADUATION_WORD = hint([
  'graduat',
  'class of',
  'classes of',
  'completion',
  'finish',
  'complet',
  'obtain',
  'awarded',
  'conferred',
  'received',
  'earned',
]);
const OTHER_HINT = hint([
  'final',
  'penultimate',
  'to-last',
  'to last',
  'semester',
  'term',
  'quarter',
  'return',
  'going back',
  'continu',
  'remaining',
  'recent',
  // "within the past 12 months", "in the last two years"
  'in the past',
  'in the last',
  // "graduated no more than 2 years ago", "within 2 years of graduation"
  'graduated no',
  'graduated not',
  'graduated at most',
  'graduated less',
  'graduated within',
  ' of graduat',
  'after graduat',
  'since graduat',
  'from graduat',
]);
// Years of study: "second-year", "2nd year", "Year 3".
const STUDY_YEAR_HINT = hint([
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  '1st',
  '2nd',
  '3rd',
  '4th',
  '5th',
  'year 1',
  'year 2',
  'year 3',
  'year 4',
  'year 5',
  'years 1',
  'years 2',
  'years 3',
  // "completed at least two years of study"
  'complet',
  'finish',
  // "current sophomores or juniors", "rising seniors"
  'freshm',
  'sophomore',
  'junior',
  'senior',
]);

// "12/2026": a month and year in figures, read as "Dec 2026" (not the end of "05/12/2026").
const NUMERIC_MONTH = /(?<![\d/])(0?[1-9]|1[0-2])\/(20\d\d)\b/g;

// "Graduated in 2025 or will graduate in 2026": a second window joined by "or", read after the first.
const OR_NEXT = /^\s*(?:,\s*)?(?:or|and)\b/i;
// Between a stated span and the window after it: " or ", ", or ".
const OR_AFTER = /^\s?,?\s?or\s/i;

// Who may not apply: "students graduating in Spring 2027 or earlier are not eligible", "must not
// have graduated before December 2026", "recent graduates are not eligible".
const NOT_ELIGIBLE =
  /\b(?:are|is|will be)\s(?:not|no longer)\s(?:eligible|considered)\b|\bineligible\b|\b(?:must|should|may|can)\s?not\s(?:have\s)?graduat\w*|\bcannot\s(?:have\s)?graduat\w*/i;
const NOT_HINT = hint(['not', 'ineligible']);

export function readGraduation(line: string, ctx: MatchContext, hints: number): GraduationRequirement | null {
  const req = readWindow(line, ctx, hints);
  if (!req || !(hints & NOT_HINT)) return req;
  // The clause that holds the window says who is left out: the window turned round.
  const at = line.indexOf(req.words);
  if (at === -1) return req;
  const start = Math.max(line.lastIndexOf(';', at), line.lastIndexOf('. ', at)) + 1;
  const ends = [line.indexOf(';', at + req.words.length), line.indexOf('. ', at + req.words.length)].filter((i) => i !== -1);
  const clause = line.slice(start, ends.length ? Math.min(...ends) : line.length);
  if (!NOT_ELIGIBLE.test(clause) || req.afterInternship) return req;
  const words = clause.trim();
  // Not a recent graduate: still studying ("open to students only; recent graduates are not eligible").
  if (req.recent) return { from: ctx.thisMonth, to: null, words };
  if (req.from === null && req.to !== null) return { from: req.to + 1, to: null, words };
  if (req.to === null && req.from !== null) return { from: null, to: req.from - 1, words };
  // A window with two ends turned round is two; the line is left to the other readers.
  return null;
}

function readWindow(line: string, ctx: MatchContext, hints: number): GraduationRequirement | null {
  const text = line.includes('/') ? line.replace(NUMERIC_MONTH, (_, m: string, y: string) => `${SHORT_MONTHS[Number(m) - 1]} ${y}`) : line;
  // "Graduated within the past 12 months or graduating by August 2026": from the stated span
  // back from now to the date the line gives.
  const span = hints & OTHER_HINT ? RECENT_SPAN.exec(text) : null;
  const or = span ? OR_AFTER.exec(text.slice(span.index + span[0].length)) : null;
  if (span && or) {
    const next = graduationIn(text.slice(span.index + span[0].length + or[0].length), ctx, hints);
    if (next && !next.afterInternship && !next.recent) {
      const from = ctx.thisMonth - recentMonths(span);
      const end = text.indexOf(next.words, span.index) + next.words.length;
      return {
        from: next.from === null ? from : Math.min(from, next.from),
        to: next.to === null ? null : Math.max(ctx.thisMonth, next.to),
        words: text.slice(span.index, end),
        recent: true,
      };
    }
  }
  const first = graduationIn(text, ctx, hints);
  if (!first || first.afterInternship || first.recent) return first;
  const at = text.indexOf(first.words);
  const rest = text.slice(at + first.words.length);
  if (!OR_NEXT.test(rest)) return first;
  const second = graduationIn(rest, ctx, hints);
  if (!second || second.afterInternship || second.recent) return first;
  const end = rest.indexOf(second.words) + second.words.length;
  return {
    from: first.from === null || second.from === null ? null : Math.min(first.from, second.from),
    to: first.to === null || second.to === null ? null : Math.max(first.to, second.to),
    words: text.slice(at, at + first.words.length + end),
    ...(first.ofDegree ? { ofDegree: true } : {}),
  };
}

function graduationIn(text: string, ctx: MatchContext, hints: number): GraduationRequirement | null {
  const req = windowIn(text, ctx, hints);
  return req && !req.recent && !req.afterInternship && DEGREE_DATE.test(req.words) ? { ...req, ofDegree: true } : req;
}

// "Class of '27": the year in two figures.
const CLASS_OF_SHORT = /\bclass(?:es)? of\s?'(\d\d)\b/i;

function windowIn(text: string, ctx: MatchContext, hints: number): GraduationRequirement | null {
  const short = hints & GRADUATION_WORD ? CLASS_OF_SHORT.exec(text) : null;
  if (short) return { from: ym(undefined, `20${short[1]}`, false), to: ym(undefined, `20${short[1]}`, true), words: short[0] };
  const windowed = (hints & GRADUATION_WORD) !== 0 && /20\d\d/.test(text);
  if (!windowed && !(hints & OTHER_HINT)) return hints & STUDY_YEAR_HINT ? yearsOfStudy(text, ctx) : null;
  let m = windowed ? BETWEEN.exec(text) : null;
  if (m) return { from: ym(m[1], m[2]!, false), to: ym(m[3], m[4]!, true), words: m[0] };
  m = windowed ? BY.exec(text) : null;
  if (m) {
    const strict = /before|prior/i.test(m[1]!);
    const to = strict ? (m[2] ? ym(m[2], m[3]!, false) - 1 : Number(m[3]) * 12 - 1) : ym(m[2], m[3]!, true);
    return { from: null, to, words: m[0] };
  }
  m = windowed ? OR_LATER.exec(text) : null;
  if (m) {
    const later = /later|after/i.test(m[3]!);
    return later ? { from: ym(m[1], m[2]!, false), to: null, words: m[0] } : { from: null, to: ym(m[1], m[2]!, true), words: m[0] };
  }
  m = windowed ? AFTER.exec(text) : null;
  if (m) return { from: ym(m[1], m[2]!, false), to: null, words: m[0] };
  m = windowed ? ACADEMIC_YEAR.exec(text) : null;
  if (m) {
    const first = Number(m[1] ?? m[3]);
    const second = 2000 + Number(m[2] ?? m[4]);
    if (second === first + 1) return { from: first * 12 + 8, to: second * 12 + 7, words: m[0] };
  }
  m = windowed ? IN.exec(text) : null;
  // "graduating in 2025 or 2026" is the span of both.
  if (m) return { from: ym(m[1], m[2]!, false), to: m[4] ? ym(m[3], m[4], true) : ym(m[1], m[2]!, true), words: m[0] };
  m = windowed ? YEAR_GRADS.exec(text) : null;
  if (m) {
    const y = m[1] ?? m[2]!;
    // "class of 2026 or 2027" is the span of both.
    return { from: ym(undefined, y, false), to: ym(undefined, m[3] ?? y, true), words: m[0] };
  }
  const recent = hints & OTHER_HINT ? (RECENT_SPAN.exec(text) ?? recentAgo(text) ?? RECENT.exec(text)) : null;
  // "recent graduates": graduated within the stated span (a year when none is stated), up to now.
  const recentFrom = recent ? ctx.thisMonth - recentMonths(recent) : null;
  m = FINAL_YEAR.exec(text);
  // "final year or recent graduate", "penultimate or final year": the span of both.
  if (m) {
    const penultimate = hints & OTHER_HINT ? PENULTIMATE_OR.exec(text) : null;
    return {
      from: recentFrom ?? ctx.thisMonth,
      to: ctx.thisMonth + (penultimate ? 24 : 12),
      words: penultimate ? penultimate[0] : recent ? `${m[0]} or ${recent[0]}` : m[0],
      recent: recent !== null,
    };
  }
  // "Open to current students and recent graduates": still studying, or graduated in the span.
  if (recent && STUDENTS_OR_GRADUATES.test(text)) return { from: recentFrom, to: null, words: recent[0], recent: true };
  if (recent) return { from: recentFrom, to: ctx.thisMonth, words: recent[0], recent: true };
  m = PENULTIMATE.exec(text);
  if (m) return { from: ctx.thisMonth + 12, to: ctx.thisMonth + 24, words: m[0] };
  const study = hints & STUDY_YEAR_HINT ? yearsOfStudy(text, ctx) : null;
  if (study) return study;
  m = RETURN_TO_SCHOOL.exec(text);
  if (m) {
    const end = internshipEnd(ctx);
    return { from: end === null ? ctx.thisMonth + 1 : end + 1, to: null, words: m[0], afterInternship: true };
  }
  return null;
}

function recentMonths(m: RegExpExecArray): number {
  if (!m[2]) return 12;
  const n = m[1] ? (parseNumber(m[1]) ?? 1) : 1;
  return m[2].toLowerCase().startsWith('year') ? n * 12 : n;
}

function internshipEnd(ctx: MatchContext): number | null {
  if (ctx.posting.internshipEnd !== null) return monthIndexOfDay(ctx.posting.internshipEnd);
  return null;
}

function describeWindow(req: GraduationRequirement): string {
  if (req.afterInternship)
    return `graduation after ${req.from === null ? 'the internship' : `the internship ends (${monthLabel(req.from - 1)})`}`;
  if (req.from !== null && req.to !== null) {
    return req.from === req.to
      ? `graduation in ${monthLabel(req.from)}`
      : `graduation between ${monthLabel(req.from)} and ${monthLabel(req.to)}`;
  }
  if (req.from !== null) return `graduation in or after ${monthLabel(req.from)}`;
  return `graduation by ${monthLabel(req.to!)}`;
}

function inWindow(req: GraduationRequirement, e: Education): boolean {
  const g = monthIndex(e.graduation);
  return (req.from === null || g >= req.from) && (req.to === null || g <= req.to);
}

function graduationOf(e: Education): string {
  return `${LEVEL_NAMES[e.level]} ${e.status === 'pursuing' ? 'graduating' : 'graduated'} ${yearMonthLabel(e.graduation)}`;
}

/**
 * The degree the window is about: of the level the line names (when it names one), the one in
 * progress if there is one, else the last completed. A master's student's old bachelor's does not
 * meet "graduating by June 2026", unless the line asks about a bachelor's or for recent graduates.
 */
export function assessGraduation(req: GraduationRequirement, ctx: MatchContext, degree: DegreeRequirement | null): Aspect {
  const evidence = emptyEvidence();
  const all = ctx.profile.education;
  if (all.length === 0) {
    evidence.notes.push('your profile lists no education');
    return aspect('graduation', 'unknown', evidence, true);
  }
  const ofLevel = degree ? all.filter((e) => levelOk(degree, e)) : [];
  // "Bachelor's degree obtained after September 2024": the Bachelor's, if the profile has one,
  // finished or not; a master's student's Master's does not stand in for it.
  const named = req.ofDegree && degree && !degree.anyLevel ? all.filter((e) => degree.levels.includes(e.level)) : [];
  const entries = named.length ? named : ofLevel.length ? ofLevel : all;
  const pursuing = entries.filter((e) => e.status === 'pursuing');
  const pool = req.recent || named.length || pursuing.length === 0 ? entries : pursuing;
  // A degree of exactly the level named also answers ("obtain your Bachelor's before …").
  const hit =
    pool.find((e) => inWindow(req, e)) ??
    (degree && !degree.anyLevel ? all.find((e) => degree.levels.includes(e.level) && inWindow(req, e)) : undefined);
  const wanted = describeWindow(req);
  if (hit) {
    evidence.matched.push({ requirement: wanted, profile: describeEducation(hit) });
    return aspect('graduation', 'met', evidence, true);
  }
  const yours = pool.map(graduationOf).join(', ');
  evidence.missing.push(wanted);
  evidence.notes.push(`yours: ${yours}`);
  return aspect('graduation', 'unmet', evidence, true, `Needs ${wanted}; you have ${yours}`);
}
