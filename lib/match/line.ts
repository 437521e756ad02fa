import { assessAvailability, readAvailability } from './availability';
import { aspect, emptyEvidence, type Aspect, type MatchContext } from './context';
import { assessDegree, assessEnrolment, assessGraduation, readDegree, readEnrolment, readGraduation } from './education';
import { assessLanguages, readLanguages } from './languages';
import { assessLocation, assessWorkAuthorization, readLocation, readWorkAuthorization } from './places';
import { assessPublications, readPublications } from './publications';
import type { Evidence, LineKind, LineResult, Verdict } from './report';
import { assessSkills, skillItems } from './skills';
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

const YEARS = /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:\+\s*)?(?:-\s*\d+\s*)?(?:years?|yrs)\b/i;
const YEAR_WORD = hint(['year', 'yrs']);
const EXPERIENCE_WORDS = hint(['experience', 'worked', 'track record']);
const EXPERIENCE = /\bexperience\b|\bexperienced\b|\bworked\b|\btrack record\b/i;
const DEGREE_WORDS = /\b(?:degree|bachelor|master|ph\.?\s?d|doctora|undergraduate|postgraduate|major|majoring|BS|MS)\b/i;
const PUBLICATION_WORDS = /\bpublications?\b|\bpublished\b|\bpapers?\b|\bconferences?\b|\bjournals?\b/i;

const ON_SITE = /\bon-?\s?site\b|\bin[- ]person\b|\bin[- ]office\b|\bour [\w ]{0,20}office\b|\brelocat/i;

const SOFT_KINDS: readonly LineKind[] = Object.freeze(['soft']);
const SOFT_NOTE = 'soft skill or not assessable from a profile; never counted against you';

export function assessLine(text: string, ctx: MatchContext): LineAssessment {
  // One scan of the line tells which readers can find anything in it. Cleaning only cuts a list
  // marker and trailing separators, which hold none of the hint words, unless it also replaces
  // typographic characters: then the clean line is scanned again.
  const raw = hintsOf(text);
  const typographic = (raw & TYPOGRAPHIC) !== 0;
  const clean = cleanLine(text, typographic);
  const hints = typographic ? hintsOf(clean) : raw;
  const aspects: Aspect[] = [];

  const degree = readDegree(clean, hints);
  if (degree) aspects.push(assessDegree(degree, ctx));
  else if (readEnrolment(clean, hints)) aspects.push(assessEnrolment(ctx));

  const graduation = readGraduation(clean, ctx, hints);
  if (graduation) aspects.push(assessGraduation(graduation, ctx));

  const availability = graduation ? readAvailability(clean.replace(graduation.words, ' '), ctx) : readAvailability(clean, ctx, hints);
  if (availability) aspects.push(assessAvailability(availability, ctx));

  // "Authorized to work in Singapore" is about papers, not about where the desk is.
  const auth = readWorkAuthorization(clean, ctx, hints);
  const location = !auth || ON_SITE.test(clean) ? readLocation(clean, ctx, hints) : null;
  if (location) aspects.push(assessLocation(location, ctx));
  if (auth) aspects.push(assessWorkAuthorization(auth, ctx));

  const publications = readPublications(clean, hints);
  if (publications) aspects.push(assessPublications(publications, ctx));

  const languages = readLanguages(clean, hints);
  if (languages) aspects.push(assessLanguages(languages, ctx));

  // Skills: not in the parts that name a degree's field ("Master's in Statistics") or a venue.
  const skillText =
    degree || publications
      ? clauses(clean)
          .filter((c) => !(degree && DEGREE_WORDS.test(c)) && !(publications && PUBLICATION_WORDS.test(c)))
          .join('; ')
      : clean;
  const items = skillText ? skillItems(skillText, ctx, hints) : [];
  const experience = (hints & EXPERIENCE_WORDS) !== 0 && EXPERIENCE.test(clean);
  const years = hints & YEAR_WORD ? YEARS.exec(clean) : null;
  if (years && experience && !availability) {
    aspects.push(experienceYears(years[0], items.length ? assessSkills(skillText, ctx, items)?.aspect ?? null : null));
  } else if (items.length) {
    aspects.push(assessSkills(skillText, ctx, items)!.aspect);
  } else if (aspects.length === 0 && experience) {
    const evidence = emptyEvidence();
    evidence.notes.push('the profile does not record work experience');
    aspects.push(aspect('experience-years', 'unknown', evidence));
  }

  if (aspects.length === 0) {
    const evidence = emptyEvidence();
    evidence.notes.push(SOFT_NOTE);
    return { result: { text, kind: 'soft', verdict: 'unknown', evidence }, kinds: SOFT_KINDS, blockers: [] };
  }
  return combine(text, aspects);
}

function experienceYears(words: string, skills: Aspect | null): Aspect {
  const evidence = skills
    ? { matched: [...skills.evidence.matched], missing: [...skills.evidence.missing], notes: [...skills.evidence.notes] }
    : emptyEvidence();
  evidence.notes.push(`asks for ${words} of experience; the profile does not record years`);
  // Skills that are missing are known to be missing; present skills do not prove the years.
  const verdict: Verdict = skills && (skills.verdict === 'unmet' || skills.verdict === 'partial') ? skills.verdict : 'unknown';
  return aspect('experience-years', verdict, evidence);
}

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
