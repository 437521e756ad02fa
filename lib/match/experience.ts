import type { Education, Experience } from '../profile/schema';
import { aspect, emptyEvidence, type Aspect } from './aspect';
import type { MatchContext } from './context';
import { NUMBER_PATTERN, monthIndex, parseNumber } from './dates';
import { STUDY_YEARS } from './education';
import type { Verdict } from './report';

/**
 * "3+ years of experience in …", "5+ years with Python and SQL", "less than a year of working
 * experience": the years are the months of the profile's roles added up (overlaps once, a role
 * still going on counts up to this month), internships included where the line asks for at least
 * so many years. The skills such a line names are checked as skills by the caller.
 *
 * A ceiling ("graduates with less than 1 year of work experience", the graduate programs' rule) is
 * about work after studies: internships, and roles in the years a degree is studied (a teaching
 * assistant's post), are what a student has, so they are not counted; work between two degrees
 * is. A floor that says full-time ("at least 1 year of full-time work experience") counts the
 * same way. A degree's years are its usual length (STUDY_YEARS) up to its graduation.
 *
 * With no roles listed the years are not told, so unknown, with one exception: a current student
 * (a degree in progress) who lists none does not have several years (two or more) of work
 * experience. Years with a tool ("2+ years of hands-on experience with PyTorch", not "in backend
 * development") are another thing: a student gains them in study and research, which a profile
 * does not date, so for those an empty role list tells only that they cannot be more than the
 * years since the studies began (each degree taken at its usual length: STUDY_YEARS).
 */

export interface YearsRequirement {
  /** Months asked for at least, or at most ("less than a year"). */
  months: number;
  atMost: boolean;
  /** "full-time", "after graduation": internships are not that kind of work. */
  fullTime: boolean;
  words: string;
}

const FULL_TIME = /\bfull[- ]?time\b|\b(?:after|post)[- ]?graduat/i;
// "6 months of full-time or internship experience": either kind, so all of it counts.
const EITHER_KIND =
  /\bfull[- ]?time\s(?:or|and|\/)\s(?:part[- ]time\s(?:or\s)?)?intern(?:ship)?s?\b|\bintern(?:ship)?s?\s(?:or|and|\/)\sfull[- ]?time\b/i;

const YEARS = new RegExp(
  `\\b(?:(less than|under|fewer than|no more than|at most|up to)\\s+)?(?:(?:at least|a minimum of|minimum(?: of)?|over|more than)\\s+)?(half\\s+)?(${NUMBER_PATTERN}|a|an)\\s*\\+?\\s*(?:-\\s*\\d{1,2}\\s*)?(?:\\+\\s*)?(?:or more\\s+)?(?:full[- ]time\\s+)?(years?|yrs|months?)\\b`,
  'i',
);

/** "3+ years", "less than a year", "18 months"; null where the time is of internships. */
export function readYears(text: string): YearsRequirement | null {
  const m = YEARS.exec(text);
  if (!m || INTERNSHIP_TIME.test(text)) return null;
  const n = parseNumber(m[3]!);
  const inMonths = m[4]!.toLowerCase().startsWith('m');
  if (n === null || n > (inMonths ? 480 : 40) || (inMonths && m[2])) return null;
  // "Half a year or more": six months.
  const fullTime = FULL_TIME.test(text) && !EITHER_KIND.test(text);
  return { months: inMonths ? n : m[2] ? n * 6 : n * 12, atMost: m[1] !== undefined, fullTime, words: m[0] };
}

type Span = readonly [number, number];

/** The month before a degree's study began, taken at its usual length up to its graduation. */
function studyBegan(e: Education): number {
  return monthIndex(e.graduation) - STUDY_YEARS[e.level] * 12;
}

/** The months of each degree's study. */
function studySpans(ctx: MatchContext): Span[] {
  return ctx.profile.education.map((e) => [studyBegan(e) + 1, monthIndex(e.graduation)] as const);
}

/** Each role's months, first to last (a role still going on runs to this month). */
function roleSpans(roles: readonly Experience[], thisMonth: number): Span[] {
  return roles.map((r) => [monthIndex(r.from), r.to === null ? thisMonth : monthIndex(r.to)] as const);
}

/** The months of `parts` outside the given spans (a part may be cut in two). */
function outside(parts: readonly Span[], spans: readonly Span[]): Span[] {
  let kept: Span[] = [...parts];
  for (const [a, b] of spans) {
    kept = kept.flatMap(([from, to]): Span[] => {
      if (to < a || from > b) return [[from, to]];
      const cut: Span[] = [];
      if (from < a) cut.push([from, a - 1]);
      if (to > b) cut.push([b + 1, to]);
      return cut;
    });
  }
  return kept;
}

function monthsOf(roles: readonly Experience[], thisMonth: number): number {
  return monthsIn(roleSpans(roles, thisMonth));
}

/** The months the parts cover, overlaps counted once. */
function monthsIn(parts: readonly Span[]): number {
  const spans = parts.filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of spans) {
    // Months inclusive: a role from 2024-06 to 2024-08 is three months.
    const from = Math.max(a, end + 1);
    if (b >= from) total += b - from + 1;
    end = Math.max(end, b);
  }
  return total;
}

function yearsLabel(months: number): string {
  if (months < 12) return `${months} month${months === 1 ? '' : 's'}`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${years} year${years === 1 ? '' : 's'}${rest ? ` ${rest} month${rest === 1 ? '' : 's'}` : ''}`;
}

// "Experience as a teaching assistant", "3+ years of experience as a data scientist", "as a TA
// or tutor": the role named (and one other after "or"), up to a word that ends it. Checked
// against the titles of the profile's roles.
const ROLE_END = '(?=\\s*(?:[,.;:()/]|\\s(?:or|and|in|at|for|is|are|with|within|on|would|will|preferred|a plus)\\b|$))';
const ROLE_WORDS = '([a-z][a-z-]{1,30}(?:\\s[a-z][a-z-]{1,30}){0,3}?)';
const ROLE_AS = new RegExp(`\\bexperience\\s+(?:working\\s+)?as\\s+(?:an?\\s+)?${ROLE_WORDS}${ROLE_END}`, 'i');
// The run of spaces is read from its start only: a look-behind keeps a long run linear.
const ROLE_NOUN = /(?<!\s)\s+(?:role|position|capacity|function)$/;
/** "data engineering role" → "data engineering". */
export function withoutRoleNoun(role: string): string {
  return role.replace(ROLE_NOUN, '');
}
// "2 years in a data engineering role", "experience in a product manager position".
const ROLE_IN = new RegExp(
  `\\b(?:in|as)\\s+(?:an?|the)\\s+([a-z][a-z-]{1,30}(?:\\s[a-z][a-z-]{1,30}){0,3}?\\s+(?:role|position|capacity|function))s?\\b`,
  'i',
);
// The last word before "role" as a title or a field of work has it ("data engineering role",
// "product manager position"), not as a kind ("customer-facing", "similar", "leadership").
const TITLE_OR_FIELD =
  /\b(?:engineer|developer|analyst|scientist|manager|designer|researcher|consultant|specialist|assistant|marketer|recruiter|writer|editor|producer|strategist|architect|administrator|coordinator|officer|accountant|auditor|lawyer|counsel|paralegal|teacher|tutor|engineering|management|marketing|analytics|operations|design|research|sales|recruiting|consulting|finance|accounting|development|moderation|legal)$/i;
const ROLE_OR = new RegExp(`^\\s?(?:or|/)\\s?(?:an?\\s+)?${ROLE_WORDS}${ROLE_END}`, 'i');
// Words of a role that do not tell one role from another.
// (Words are split at hyphens: "full-time" is "full" and "time".)
const ROLE_NOISE = new Set([
  'junior',
  'senior',
  'lead',
  'associate',
  'intern',
  'full',
  'time',
  'part',
  'role',
  'position',
  'capacity',
  'function',
]);

const roleWords = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 1 && !ROLE_NOISE.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));

/** The roles a line names ("a teaching assistant or tutor" → both), or null. */
export function readRole(text: string): string[] | null {
  const as = ROLE_AS.exec(text);
  const inRole = as ? null : ROLE_IN.exec(text);
  // "In a customer-facing role" names a kind of role, not one a title tells.
  if (inRole && !TITLE_OR_FIELD.test(withoutRoleNoun(inRole[1]!))) return null;
  const m = as ?? inRole;
  if (!m) return null;
  const roles = [m[1]!];
  const other = ROLE_OR.exec(text.slice(m.index + m[0].length));
  if (other) roles.push(other[1]!);
  // "Experience as an intern" is the internships' reader's.
  const named = roles.map((r) => r.toLowerCase()).filter((r) => roleWords(r).length > 0);
  return named.length ? named : null;
}

/**
 * How a title answers a role: 'same' when it holds every word of it ("Teaching Assistant,
 * Algorithms" is a teaching assistant; "TA" is its initials), 'like' when it holds the role's last
 * word only (a Backend Engineer for "software engineer": perhaps), else null.
 */
/** One word of a role in a title's, by its stem: "engineering" is an engineer's, "analytics" an analyst's. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 5 && common >= Math.min(a.length, b.length) - 3;
}

function titleFits(title: string, role: string): 'same' | 'like' | null {
  const have = roleWords(title);
  const words = new Set(have);
  const wanted = roleWords(role);
  if (wanted.every((w) => words.has(w) || have.some((t) => sameWord(w, t)))) return 'same';
  if (
    wanted.length === 1 &&
    wanted[0]!.length <= 4 &&
    have
      .map((w) => w[0])
      .join('')
      .includes(wanted[0]!)
  )
    return 'same';
  const last = wanted[wanted.length - 1]!;
  return words.has(last) || have.some((t) => sameWord(last, t)) ? 'like' : null;
}

/** The roles whose titles are the role named, and those only like it. */
function rolesAs(roles: readonly Experience[], named: readonly string[]): { same: Experience[]; like: Experience[] } {
  const same: Experience[] = [];
  const like: Experience[] = [];
  for (const r of roles) {
    const fits = named.map((n) => titleFits(r.title, n));
    if (fits.includes('same')) same.push(r);
    else if (fits.includes('like')) like.push(r);
  }
  return { same, like };
}

const label = (r: Experience) => (r.organization ? `${r.title}, ${r.organization}` : r.title);
const roleLabel = (named: readonly string[]) => withoutRoleNoun(named.join(' or '));
/** "as a data scientist", "in a data engineering role": the role with the words it is asked in. */
const asRole = (named: readonly string[]) => {
  const role = named.join(' or ');
  return /\b(?:role|position|capacity|function)$/.test(role) ? `in a ${role}` : `as ${role}`;
};

/** "Experience as a teaching assistant (is a plus)": a role of the profile's with that title. */
export function assessRole(named: readonly string[], ctx: MatchContext): Aspect {
  const evidence = emptyEvidence();
  const roles = ctx.profile.experience;
  const wanted = `experience ${asRole(named)}`;
  if (roles.length === 0) {
    evidence.notes.push('your profile lists no roles');
    return aspect('experience-years', 'unknown', evidence);
  }
  const { same, like } = rolesAs(roles, named);
  for (const r of same) evidence.matched.push({ requirement: wanted, profile: label(r) });
  if (same.length) return aspect('experience-years', 'met', evidence);
  evidence.missing.push(wanted);
  if (like.length) {
    for (const r of like) evidence.matched.push({ requirement: `a role like ${roleLabel(named)}`, profile: label(r) });
    evidence.notes.push(`whether ${like.map((r) => r.title).join(', ')} counts as ${roleLabel(named)} is for you to judge`);
    return aspect('experience-years', 'partial', evidence);
  }
  evidence.notes.push(`none of your roles' titles says ${roleLabel(named)}`);
  return aspect('experience-years', 'unmet', evidence);
}

/**
 * `withSkills`: the line asks for years with the skills it names, not for years of work.
 * `named`: the years are of a role the line names ("3+ years as a data scientist"): the roles
 * with that title.
 */
export function assessYears(req: YearsRequirement, ctx: MatchContext, withSkills = false, named: readonly string[] | null = null): Aspect {
  const all = ctx.profile.experience;
  if (named === null || all.length === 0) return assessYearsOf(all, req, ctx, withSkills, null);
  // The years of the roles with that title; if they fall short, those with roles only like it
  // (partly met, for the candidate to judge).
  const { same, like } = rolesAs(all, named);
  const strict = assessYearsOf(same, req, ctx, withSkills, asRole(named));
  if (strict.verdict === 'met' || like.length === 0 || req.atMost) return strict;
  const loose = assessYearsOf([...same, ...like], req, ctx, withSkills, asRole(named));
  if (loose.verdict !== 'met') return strict;
  loose.evidence.notes.push(`counting ${like.map((r) => r.title).join(', ')} as ${roleLabel(named)}: for you to judge`);
  return { ...loose, verdict: 'partial' };
}

function assessYearsOf(
  roles: readonly Experience[],
  req: YearsRequirement,
  ctx: MatchContext,
  withSkills: boolean,
  role: string | null,
): Aspect {
  const evidence = emptyEvidence();
  if (role !== null && roles.length === 0) {
    evidence.missing.push(`${req.atMost ? 'less than' : 'at least'} ${yearsLabel(req.months)} ${role}`);
    evidence.notes.push(`none of your roles' titles says ${withoutRoleNoun(role.replace(/^(?:as |in an? )/, ''))}`);
    return aspect('experience-years', req.atMost ? 'met' : 'unmet', evidence);
  }
  const wanted = `${req.atMost ? 'less than' : 'at least'} ${yearsLabel(req.months)} ${role ?? 'of work experience'}`;
  // "0-2 years of experience": none is enough, for anyone whose profile says anything of their
  // roles or studies (an empty profile stays unknown everywhere).
  if (req.months === 0 && !req.atMost && (roles.length > 0 || ctx.profile.education.length > 0)) {
    evidence.matched.push({ requirement: 'no minimum of work experience', profile: 'any' });
    return aspect('experience-years', 'met', evidence);
  }
  if (roles.length === 0) {
    const student = ctx.profile.education.some((e) => e.status === 'pursuing' && monthIndex(e.graduation) >= ctx.thisMonth);
    if (student && withSkills && !req.atMost) {
      let began = Infinity;
      for (const e of ctx.profile.education) began = Math.min(began, studyBegan(e));
      const studied = Math.max(0, ctx.thisMonth - began);
      if (studied < req.months) {
        evidence.missing.push(`at least ${yearsLabel(req.months)} with the skills named`);
        evidence.notes.push(`your profile lists no roles, and your studies began about ${yearsLabel(studied)} ago`);
        return aspect('experience-years', 'unmet', evidence);
      }
      evidence.notes.push('your profile lists no roles; years with a skill can come from study or research, which it does not date');
      return aspect('experience-years', 'unknown', evidence);
    }
    if (student && (req.atMost || req.months >= 24)) {
      evidence.notes.push('your profile lists no work experience, and you are a current student');
      if (req.atMost) {
        evidence.matched.push({ requirement: wanted, profile: 'no work experience listed' });
        return aspect('experience-years', 'met', evidence);
      }
      evidence.missing.push(wanted);
      return aspect('experience-years', 'unmet', evidence);
    }
    evidence.notes.push('your profile lists no work experience');
    return aspect('experience-years', 'unknown', evidence);
  }
  const afterStudies = req.atMost || req.fullTime;
  const months = afterStudies
    ? monthsIn(
        outside(
          roleSpans(
            roles.filter((r) => !r.internship),
            ctx.thisMonth,
          ),
          studySpans(ctx),
        ),
      )
    : monthsOf(roles, ctx.thisMonth);
  const have =
    role !== null
      ? `${yearsLabel(months)} ${role}${afterStudies ? ' outside internships and your studies' : ''} in your profile`
      : `${yearsLabel(months)} of ${afterStudies ? 'work outside internships and your studies' : 'experience in your profile'}`;
  const ok = req.atMost ? months < req.months : months >= req.months;
  const verdict: Verdict = ok ? 'met' : 'unmet';
  if (ok) evidence.matched.push({ requirement: wanted, profile: have });
  else {
    evidence.missing.push(wanted);
    evidence.notes.push(`you have ${have.replace(' in your profile', '')}`);
  }
  return aspect('experience-years', verdict, evidence);
}

/**
 * "Prior internship experience in software engineering", "Previous internship experience is a
 * plus": checked against the profile's roles marked as internships. What the internship was in is
 * not something the roles' titles tell reliably, so a line that names a kind says so in a note.
 */
const INTERNSHIP =
  /\b(?:internships?|intern)\s+experiences?\b|\b(?:previous|prior|past|relevant|completed|at least one|one or more)\s+internships?\b|\bexperience (?:as an? intern|from (?:an? )?internships?)\b|\b(?:\d|two|three|four)\s*(?:\+|or more)?\s+(?:[\w-]+\s+)?internships\b/i;
// "2 or more internships", "at least two internships": how many.
const INTERNSHIP_COUNT = new RegExp(`\\b(${NUMBER_PATTERN})\\s*(?:\\+|or more)?\\s+(?:[\\w-]+\\s+)?internships\\b`, 'i');
// "At least 6 months of internship experience", "a year of internships": how long, all told.
const INTERNSHIP_TIME = new RegExp(
  `\\b(half\\s+)?(${NUMBER_PATTERN}|a|an)\\s*\\+?\\s*(months?|years?)\\s+(?:or more\\s+)?of\\s+(?:(?!(?:or|and)\\s)[\\w-]+\\s+){0,2}?internships?\\b`,
  'i',
);
const OF_A_KIND =
  /\b(?:internships?|intern)\s+experiences?\s+(?:in|with|at|on|related to|relevant to)\b|\binternships?\s+(?:in|with|at|on)\b/i;

export function readInternship(text: string): boolean {
  return INTERNSHIP.test(text) || INTERNSHIP_TIME.test(text);
}

export function assessInternship(text: string, ctx: MatchContext): Aspect {
  const evidence = emptyEvidence();
  const roles = ctx.profile.experience;
  const wanted = 'internship experience';
  if (roles.length === 0) {
    evidence.notes.push('your profile lists no roles');
    return aspect('experience-years', 'unknown', evidence);
  }
  const internships = roles.filter((r) => r.internship);
  if (internships.length === 0) {
    evidence.missing.push(wanted);
    evidence.matched.push({ requirement: 'experience', profile: label(roles[0]!) });
    evidence.notes.push('none of your roles is marked as an internship');
    return aspect('experience-years', 'partial', evidence);
  }
  const count = INTERNSHIP_COUNT.exec(text);
  const needed = count ? (parseNumber(count[1]!) ?? 1) : 1;
  const time = INTERNSHIP_TIME.exec(text);
  const amount = time ? (parseNumber(time[2]!) ?? 1) * (time[3]!.toLowerCase().startsWith('year') ? 12 : 1) : 0;
  const neededMonths = time?.[1] ? amount / 2 : amount;
  const months = monthsOf(internships, ctx.thisMonth);
  if (internships.length < needed || months < neededMonths) {
    const asked = [needed > 1 ? `${needed} internships` : null, neededMonths ? `${yearsLabel(neededMonths)} of internships` : null];
    evidence.missing.push(`at least ${asked.filter(Boolean).join(', ')}`);
    evidence.notes.push(`you list ${internships.length} internship${internships.length === 1 ? '' : 's'}, ${yearsLabel(months)} in all`);
    return aspect('experience-years', 'unmet', evidence);
  }
  for (const r of internships) evidence.matched.push({ requirement: wanted, profile: label(r) });
  if (OF_A_KIND.test(text)) evidence.notes.push('whether the internship was of the kind asked for is for you to judge');
  return aspect('experience-years', 'met', evidence);
}
