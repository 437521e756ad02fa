import { assessAvailability, readAvailability } from './availability';
import { aspect, emptyEvidence, type Aspect } from './aspect';
import type { MatchContext } from './context';
import { DEGREE_HINT, assessDegree, assessEnrolment, assessGraduation, readDegree, readEnrolment, readGraduation } from './education';
import { assessLanguages, readLanguages } from './languages';
import { assessLocation, assessWorkAuthorization, readLocation, readWorkAuthorization } from './places';
import { assessPublications, readPublications } from './publications';
import type { Evidence, LineKind, LineResult, Verdict } from './report';
import { assessSkills, skillItems } from './skills';
import { assessInternship, assessRole, assessYears, readInternship, readRole, readYears, withoutRoleNoun } from './experience';
import { hint, hintsOf, TYPOGRAPHIC } from './hints';
import { cleanLine, clauses } from './text';

/**
 * One qualification line → kind, verdict, evidence. Every reader that recognises something in
 * the line adds an aspect (a line can ask for a degree and a graduation window at once); the kind
 * is the first aspect's, in the order below, and the verdict combines them: an unmet hard aspect
 * makes the line unmet, unknown aspects are left out, and a line with nothing assessable is
 * "soft" and unknown, never counted against the candidate.
 */

export interface LineAssessment {
  result: LineResult;
  /** Every aspect's kind, so posting-level checks are not repeated when a line already covers them. */
  kinds: readonly LineKind[];
  /** Reasons of hard aspects that are unmet. */
  blockers: string[];
}

const YEAR_WORD = hint(['year', 'yrs', 'month']);
const CLEARANCE = /\b(?:(?:security|government|federal|secret|top secret|TS\/SCI|U\.?S\.?|active)\s){1,3}clearances?\b/gi;
const EXPERIENCE_WORDS = hint(['experience', 'worked', 'track record']);
const EXPERIENCE = /\bexperience\b|\bexperienced\b|\bworked\b|\btrack record\b/i;
const DEGREE_WORDS = /\b(?:degree|bachelor|master|ph\.?\s?d|doctora|undergraduate|postgraduate|majors?|majoring|BS|MS)\b/i;
const PUBLICATION_WORDS = /\bpublications?\b|\bpublish(?:ed|ing)\b|\bpapers?\b|\bconferences?\b|\bjournals?\b|\bvenues?\b/i;

const ON_SITE = /\bon-?\s?site\b|\bin[- ]person\b|\bin[- ]office\b|\bour [\w ]{0,20}office\b|\brelocat/i;

const SOFT_KINDS: readonly LineKind[] = Object.freeze(['soft']);
const SOFT_NOTE = 'not something a profile can show; never counted against you';
const HOPE_NOTE = 'an interest, attitude or nice-to-have, not a requirement; never counted against you';
const ACHIEVEMENT_NOTE = 'competition results and awards are not in a profile; never counted against you';
const CONTRIBUTION_NOTE = 'open-source contributions are not in a profile; never counted against you';

export function assessLine(text: string, ctx: MatchContext): LineAssessment {
  // One scan of the line tells which readers can find anything in it. Cleaning only cuts a list
  // marker and trailing separators, which hold none of the hint words, unless it also replaces
  // typographic characters: then the clean line is scanned again.
  const raw = hintsOf(text);
  const typographic = (raw & TYPOGRAPHIC) !== 0;
  const cleaned = cleanLine(text, typographic);
  const hints = typographic ? hintsOf(cleaned) : raw;
  // What the line says is not needed ("a degree in Computer Science is not required") asks
  // nothing of any reader below.
  const clean = hints & NOT_NEEDED_WORDS ? withoutOptionalParts(cleaned) : cleaned;
  const paths = hints & DEGREE_HINT ? degreePaths(clean) : null;
  if (paths) return betterPath(text, assessLine(paths[0], ctx), assessLine(paths[1], ctx));
  const aspects: Aspect[] = [];

  const degree = readDegree(clean, hints);
  if (degree) aspects.push(assessDegree(degree, ctx));
  else if (readEnrolment(clean, hints)) aspects.push(assessEnrolment(ctx));

  const graduation = readGraduation(clean, ctx, hints);
  if (graduation) aspects.push(assessGraduation(graduation, ctx, degree));

  const availability = graduation ? readAvailability(clean.replace(graduation.words, ' '), ctx) : readAvailability(clean, ctx, hints);
  if (availability) aspects.push(assessAvailability(availability, ctx));

  // "Authorized to work in Singapore" is about papers, not about where the desk is.
  const auth = readWorkAuthorization(clean, ctx, hints);
  const location = !auth || ON_SITE.test(clean) ? readLocation(clean, ctx, hints) : null;
  if (location) aspects.push(assessLocation(location, ctx));
  if (auth) aspects.push(assessWorkAuthorization(auth, ctx));

  const publications = readPublications(clean, hints);
  if (publications) aspects.push(assessPublications(publications, ctx));

  // "Proficient in English; Mandarin is a plus": the part that is a plus asks nothing of a minimum
  // line's languages and skills (a line that is all plus, as preferred lines are, stays as it is).
  const asked = hints & SOFT_WORDS ? withoutBonusParts(clean) : clean;
  const languages = readLanguages(asked, hints);
  if (languages) aspects.push(assessLanguages(languages, ctx));

  // Skills: not in the parts that name a degree's field ("Master's in Statistics") or a venue, nor
  // in what the line only hopes for ("a passion for machine learning", "Kafka is nice to have").
  const unasked = hints & SOFT_WORDS ? withoutSoftParts(asked) : clean;
  const skillText =
    degree || publications
      ? clauses(unasked)
          .filter((c) => !(degree && DEGREE_WORDS.test(c)) && !(publications && PUBLICATION_WORDS.test(c)))
          .join('; ')
      : unasked;
  const experience = (hints & EXPERIENCE_WORDS) !== 0 && EXPERIENCE.test(unasked);
  const years = hints & YEAR_WORD && !availability ? readYears(unasked) : null;
  // "Experience as a TA", "2 years in a data engineering role": a role the titles can tell.
  const role = (experience || years) && !readInternship(unasked) ? readRole(unasked) : null;
  // "U.S. security clearance" is papers, not the security skill; the role's own words ("data
  // engineering") are the role's, not skills asked besides.
  let skillsAsked = /clearance/i.test(skillText) ? skillText.replace(CLEARANCE, (m) => ' '.repeat(m.length)) : skillText;
  if (role) skillsAsked = withoutWords(skillsAsked, role);
  const items = skillsAsked.trim() ? skillItems(skillsAsked, ctx, hints) : [];
  // "5+ years with Python" is an experience line without the word.
  const afterYears = years ? unasked.slice(unasked.indexOf(years.words) + years.words.length) : '';
  if (years && (experience || role !== null || (items.length > 0 && YEARS_WITH.test(afterYears)))) {
    const withSkills = items.length > 0 && WITH_A_SKILL.test(afterYears) && !WORK.test(unasked);
    aspects.push(
      experienceYears(
        assessYears(years, ctx, withSkills, role),
        items.length ? (assessSkills(skillsAsked, ctx, items)?.aspect ?? null) : null,
      ),
    );
  } else if (role !== null) {
    // "Experience as a teaching assistant (with Python)": a role of that title, and any skills named.
    aspects.push(assessRole(role, ctx));
    if (items.length) aspects.push(assessSkills(skillsAsked, ctx, items)!.aspect);
  } else if (readInternship(unasked)) {
    // "Prior internship experience (with Python)": the internships, and any skills named.
    aspects.push(assessInternship(unasked, ctx));
    if (items.length) aspects.push(assessSkills(skillsAsked, ctx, items)!.aspect);
  } else if (items.length) {
    aspects.push(assessSkills(skillsAsked, ctx, items)!.aspect);
  } else if (aspects.length === 0 && experience) {
    const evidence = emptyEvidence();
    evidence.notes.push('a profile cannot show what kind of experience this is; never counted against you');
    aspects.push(aspect('experience-years', 'unknown', evidence));
  }

  if (aspects.length === 0) {
    const evidence = emptyEvidence();
    evidence.notes.push(
      unasked === cleaned
        ? SOFT_NOTE
        : ACHIEVEMENT.test(cleaned)
          ? ACHIEVEMENT_NOTE
          : CONTRIBUTION.test(cleaned)
            ? CONTRIBUTION_NOTE
            : HOPE_NOTE,
    );
    return { result: { text, kind: 'soft', verdict: 'unknown', evidence }, kinds: SOFT_KINDS, blockers: [] };
  }
  return combine(text, aspects);
}

/** The text with each of the roles' words blanked where they stand (offsets kept). */
function withoutWords(text: string, roles: readonly string[]): string {
  let out = text;
  const lower = text.toLowerCase();
  for (const role of roles) {
    const words = withoutRoleNoun(role);
    const at = lower.indexOf(words);
    if (at !== -1) out = out.slice(0, at) + ' '.repeat(words.length) + out.slice(at + words.length);
  }
  return out;
}

/**
 * "A Master's degree or above, or a Bachelor's degree with 2 years of experience": two ways in,
 * each a whole requirement. Split where ", or" starts a second degree that comes with experience
 * of its own; "Undergraduate, or Postgraduate who is currently pursuing …" is one requirement.
 */
const SECOND_DEGREE =
  /[,;]\s*or\s+(?=(?:an?\s+|the\s+)?(?:recent\s+)?(?:bachelor|master|ph\.?\s?d|doctora|undergraduate|postgraduate|graduates?|BS|MS|BA|MA|BSc|MSc|BEng|MEng)\b)/i;
// The first way names a degree or a time of study ("Final year students graduating between …").
const FIRST_WAY = /\bgraduat|\bfinal[- ]year\b|\bstudents?\b/i;
const WITH_WORD = /\bwith\b/i;
const YEARS_OR_EXPERIENCE = /\b(?:years?|experience)\b/i;
/** "… with 2 years of experience" within one comma part (two linear scans, no backtracking). */
function withExperience(text: string): boolean {
  const w = WITH_WORD.exec(text);
  if (!w) return false;
  const rest = text.slice(w.index);
  const end = rest.search(/[,;]/);
  return YEARS_OR_EXPERIENCE.test(end === -1 ? rest : rest.slice(0, end));
}
function degreePaths(line: string): [string, string] | null {
  const m = SECOND_DEGREE.exec(line);
  const first = m ? line.slice(0, m.index) : '';
  if (!m || !(DEGREE_WORDS.test(first) || FIRST_WAY.test(first))) return null;
  const second = line.slice(m.index + m[0].length);
  return withExperience(second) ? [first, second] : null;
}

const PATH_RANK: Record<Verdict, number> = { met: 3, partial: 2, unknown: 1, unmet: 0 };
/** The way in that suits the profile best; the other is named in the evidence. */
function betterPath(text: string, first: LineAssessment, second: LineAssessment): LineAssessment {
  const [best, other] = PATH_RANK[second.result.verdict] > PATH_RANK[first.result.verdict] ? [second, first] : [first, second];
  const evidence: Evidence = {
    matched: best.result.evidence.matched,
    missing: best.result.evidence.missing,
    notes: [...best.result.evidence.notes, `the line also accepts: ${other.result.text.trim()}`],
  };
  // A blocker only when both ways are blocked, said as one reason: either way alone would mislead.
  const blocked = first.blockers.length > 0 && second.blockers.length > 0;
  return {
    result: { text, kind: best.result.kind, verdict: best.result.verdict, evidence },
    kinds: [...new Set([...first.kinds, ...second.kinds])],
    blockers: blocked ? [`${first.blockers.join('; ')} (or: ${second.blockers.join('; ')})`] : [],
  };
}

/** The years decide when they are known; the skills named in the line are checked as skills. */
function experienceYears(years: Aspect, skills: Aspect | null): Aspect {
  const evidence = { matched: [...years.evidence.matched], missing: [...years.evidence.missing], notes: [...years.evidence.notes] };
  if (skills) {
    for (const m of skills.evidence.matched) evidence.matched.push(m);
    for (const m of skills.evidence.missing) evidence.missing.push(m);
    for (const n of skills.evidence.notes) evidence.notes.push(n);
  }
  let verdict: Verdict;
  if (years.verdict === 'unmet') verdict = 'unmet';
  else if (years.verdict === 'met') verdict = skills && skills.verdict !== 'unknown' ? skills.verdict : 'met';
  // Years only with roles like the one named: partly, unless the skills are missing outright.
  else if (years.verdict === 'partial') verdict = skills?.verdict === 'unmet' ? 'unmet' : 'partial';
  // Years not told: missing skills are known to be missing; present ones do not prove the years.
  else verdict = skills && (skills.verdict === 'unmet' || skills.verdict === 'partial') ? skills.verdict : 'unknown';
  return aspect('experience-years', verdict, evidence);
}

// What a line hopes for rather than asks: interest, curiosity, willingness to learn, attitude.
// The object follows the cue ("a passion for machine learning"): the rest of its clause is hope.
const HOPE =
  /\b(?:(?:strong |genuine |keen |deep |an? )?interest(?:ed)? in|passion(?:ate)? (?:for|about)|curiosity (?:about|for|in|to)|curious (?:about|to)|enthusias(?:m|tic) (?:for|about)|eager(?:ness)? to (?:learn|explore)|willing(?:ness)? to (?:learn|explore|pick up)|desire to (?:learn|explore)|(?:keen|open|happy) to (?:learn|explore|pick up)|(?:ability|able) to (?:learn|pick up) (?:new )?|learn(?:ing)? (?:new \w+ )?quickly|quick learner|appetite for|excited (?:about|by)|attitude (?:to|towards?)|ownership (?:of|over|for)|(?:growth|learning) mindset)/gi;
// The object comes before the cue ("Knowledge of Kafka is nice to have"): the whole clause is.
// Said not to be needed: "a degree in Computer Science is not required", "no Android experience
// needed". Such a clause asks nothing of any reader.
const NOT_NEEDED =
  /\bnice[- ]to[- ]have\b|\bnot (?:essential|required|mandatory|a requirement|needed|necessary)\b|\bno (?:[\w/+#.'-]+ ){0,6}?(?:is |are )?(?:needed|required|necessary)\b|\boptional\b/i;
const NOT_NEEDED_WORDS = hint(['not ', 'no ', 'nice to have', 'nice-to-have', 'optional']);
// Also welcome: "Kafka skills are welcome" asks for no skill ("PhD students are welcome to apply"
// still says who may apply, for the degree and graduation readers).
const OPTIONAL = new RegExp(`${NOT_NEEDED.source}|\\b(?:is|are) (?:also )?welcome\\b`, 'i');
// A record of competitions or awards ("a track record in ML competitions such as Kaggle"): the
// skills such a clause names are what it was about, not what it asks for, and a profile holds no
// results to check it against, so the whole clause is left out like an optional one.
const ACHIEVEMENT = /\b(?:competitions?|contests?|hackathons?|olympiads?|ICPC|Kaggle|awards?|prizes?|medals?)\b/i;
// A record of contributions ("open-source contributions on GitHub"), the same: "GitHub" there is
// where the record is, not a skill asked for.
const CONTRIBUTION = /\bopen[- ]source contribut\w*|\bcontribut\w* to (?:an? |the )?(?:[\w-]+ )?open[- ]source\b/i;
const SOFT_WORDS = hint([
  'interest',
  'passion',
  'curio',
  'enthusias',
  'eager',
  'willing',
  'desire to',
  'keen to',
  'open to',
  'happy to',
  'to learn',
  'to pick up',
  'quickly',
  'quick learner',
  'appetite',
  'excited',
  'attitude',
  'ownership',
  'mindset',
  'nice to have',
  'nice-to-have',
  'not essential',
  'not required',
  'not mandatory',
  'not a requirement',
  'optional',
  'welcome',
  'competition',
  'contest',
  'hackathon',
  'olympiad',
  'icpc',
  'kaggle',
  'award',
  'prize',
  'medal',
  'open source',
  'open-source',
  'plus',
  'bonus',
  'advantage',
  'asset',
  'preferred',
]);

// "… is a plus", "… a strong plus", "… would be an advantage", "… is preferred", "(Python preferred)".
const BONUS =
  /\b(?:is|are|would be|will be)\s(?:a|an)\s(?:[\w-]+\s)?(?:plus|bonus|advantage|asset)\b|\b(?:a|an)\s(?:[\w-]+\s)?(?:plus|bonus|advantage)\s?[.;]?\s?$|\bpreferred\s?\)?\s?[.;]?\s?$/i;
const PAREN = /\([^()]*\)/g;
// Commas inside a parenthesis ("(e.g. ClickHouse, Doris)") do not split.
const COMMA_PART = /(?:[^,(]|\([^()]*\)|\()+|,/g;

/**
 * The parts of a minimum line that are a plus, blanked (offsets kept), when another part asks for
 * something; else the line as it is. A part is a ";" clause or sentence ("…; Mandarin is a strong
 * plus"), a parenthesis ("(Python preferred)"), or a comma part that follows a whole requirement
 * ("Fluent in English, Mandarin would be an advantage"), not an item of a list ("search or NLP").
 */
function withoutBonusParts(text: string): string {
  let bonus = false;
  let asked = false;
  let out = '';
  CLAUSE.lastIndex = 0;
  for (let m = CLAUSE.exec(text); m && m[0].length > 0; m = CLAUSE.exec(text)) {
    let clause = m[0].replace(PAREN, (p) => {
      if (!BONUS.test(p)) return p;
      bonus = true;
      return ' '.repeat(p.length);
    });
    const split = withoutBonusCommaPart(clause);
    if (split !== null) {
      bonus = true;
      clause = split;
    } else if (bonusSubject(clause) !== null) {
      bonus = true;
      clause = ' '.repeat(clause.length);
    }
    if (/\w/.test(clause)) asked = true;
    out += clause;
  }
  return bonus && asked ? out : text;
}

/** The clause with its plus comma part blanked, or null when it has none after a whole requirement. */
function withoutBonusCommaPart(clause: string): string | null {
  if (!clause.includes(',')) return null;
  const parts = clause.match(COMMA_PART) ?? [];
  for (let i = 2; i < parts.length; i += 2) {
    const before = parts[i - 2]!.trim().split(/\s+/);
    const subject = bonusSubject(parts[i]!);
    // Not the end of a list ("…, Looker or SQL is a plus"), unless a clause of its own ("…, and
    // Python or R is a bonus").
    const ownClause = subject !== null && /^\s?(?:and|but|while|whereas)\s/i.test(subject);
    if (before.length >= 3 && subject !== null && (ownClause || !/\b(?:or|and)\b|\//i.test(subject))) {
      parts[i] = ' '.repeat(parts[i]!.length);
      return parts.join('');
    }
  }
  return null;
}

/**
 * What a part says is a plus, the words before the cue ("Mandarin" of "Mandarin is a plus"), or
 * null when it says nothing is or names nothing (a bare ", is a plus").
 */
function bonusSubject(part: string): string | null {
  const m = BONUS.exec(part);
  if (m === null) return null;
  const subject = part.slice(0, m.index);
  return /\w/.test(subject) ? subject : null;
}

// Clauses end at ";" and at a sentence's end, not at the dots of "e.g." or "Node.js" (nor at
// "e.g. ClickHouse", whose capital does not start a sentence); nothing is dropped.
const CLAUSE = /(?:[^;.]|(?<=\b(?:e\.g|eg|i\.e|etc|incl|vs))\.|\.(?!\s+[A-Z]))+(?:[;.]|$)|[;.]/g;

/** The text with each clause said not to be needed blanked (the same text when none is). */
function withoutOptionalParts(text: string): string {
  if (!NOT_NEEDED.test(text)) return text;
  CLAUSE.lastIndex = 0;
  let out = '';
  for (let m = CLAUSE.exec(text); m && m[0].length > 0; m = CLAUSE.exec(text)) {
    out += NOT_NEEDED.test(m[0]) ? ' '.repeat(m[0].length) : m[0];
  }
  return out;
}

function withoutSoftParts(text: string): string {
  CLAUSE.lastIndex = 0;
  let out = '';
  for (let m = CLAUSE.exec(text); m && m[0].length > 0; m = CLAUSE.exec(text)) {
    const clause = m[0];
    if (OPTIONAL.test(clause) || ACHIEVEMENT.test(clause) || CONTRIBUTION.test(clause)) {
      out += ' '.repeat(clause.length);
      continue;
    }
    HOPE.lastIndex = 0;
    const hope = HOPE.exec(clause);
    out += hope ? clause.slice(0, hope.index) + ' '.repeat(clause.length - hope.index) : clause;
  }
  return out;
}

// Years with a tool ("2+ years of hands-on experience with PyTorch", "5+ years with Python") rather
// than in a field of work ("3+ years of experience in backend development").
const WITH_A_SKILL =
  /^\s?(?:of\s)?(?:(?:hands-on|practical|relevant|solid|strong|proven)\s)?(?:experience\s)?(?:with|using|programming in|coding in)\b/i;
// Years of work rather than years with a skill: "3+ years of industry experience in Java".
const WORK =
  /\b(?:work(?:ing)?|industry|industrial|professional|commercial|full[- ]time|employment|production|post[- ]graduat\w*|in (?:a|the) role)\b/i;

const YEARS_WITH = /^\s*(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:with|in|using|of|programming|developing|building|working)\b/i;

export function combine(text: string, aspects: Aspect[]): LineAssessment {
  // One pass, no intermediate arrays: this runs for every line and eligibility check.
  const evidence: Evidence = { matched: [], missing: [], notes: [] };
  const kinds: LineKind[] = [];
  const blockers: string[] = [];
  let known = 0;
  let met = 0;
  let unmet = 0;
  let hardUnmet = false;
  for (const a of aspects) {
    for (const m of a.evidence.matched) evidence.matched.push(m);
    for (const m of a.evidence.missing) evidence.missing.push(m);
    for (const n of a.evidence.notes) evidence.notes.push(n);
    kinds.push(a.kind);
    if (a.verdict === 'unknown') continue;
    known++;
    if (a.verdict === 'met') met++;
    else if (a.verdict === 'unmet') {
      unmet++;
      if (a.hard) {
        hardUnmet = true;
        if (a.reason) blockers.push(a.reason);
      }
    }
  }
  let verdict: Verdict;
  if (known === 0) verdict = 'unknown';
  else if (hardUnmet) verdict = 'unmet';
  else if (met === known) verdict = 'met';
  else if (unmet === known) verdict = 'unmet';
  else verdict = 'partial';
  return { result: { text, kind: aspects[0]!.kind, verdict, evidence }, kinds, blockers };
}
