import type { Commitment, DegreeLevel, JobPosting } from '../posting/schema';
import { ProfileSchema, type Profile } from '../profile/schema';
import { skillIndex, type SkillIndex } from '../skills/lookup';
import { assessAvailability, windowsOfPeriods, type AvailabilityRequirement } from './availability';
import { aspect } from './aspect';
import { TrackedContext, type MatchContext, type PostingFacts } from './context';
import { dayOfDate, monthIndexOfDay, parseIsoDay, isoOfDay, yearOfDay, type Day, type Window } from './dates';
import { assessDegree } from './education';
import { combine, assessLine, type LineAssessment } from './line';
import { assessLocation, placeOf, type Place } from './places';
import type { EligibilityResult, LineKind, LineResult, MatchReport } from './report';
import { holdSkills, type SkillHoldings } from './holdings';
import { countVerdicts, scoreOfCounts } from './summary';

/**
 * Matches a posting's qualification lines (and the eligibility facts stated elsewhere in it)
 * against a profile. Pure and deterministic: `now` is a parameter, nothing reads the clock.
 */

export type MatchablePosting = Pick<
  JobPosting,
  | 'minimumQualifications'
  | 'preferredQualifications'
  | 'degreeLevels'
  | 'locations'
  | 'onsiteDaysPerWeek'
  | 'internshipPeriods'
  | 'startDates'
  | 'commitment'
  | 'cohort'
  | 'title'
  | 'employmentType'
>;

// Holdings depend only on the skills list and the roles' titles; profiles are matched against
// many postings.
const holdingsCache = new WeakMap<string[], { index: SkillIndex; roles: Profile['experience']; holdings: SkillHoldings }>();
function holdingsFor(profile: Profile, index: SkillIndex): SkillHoldings {
  const cached = holdingsCache.get(profile.skills);
  if (cached && cached.index === index && cached.roles === profile.experience) return cached.holdings;
  const holdings = holdSkills(
    profile.skills,
    index,
    profile.experience.map((r) => r.title),
  );
  holdingsCache.set(profile.skills, { index, roles: profile.experience, holdings });
  return holdings;
}

const COHORT_YEAR = /\b(20\d\d)\b/;

function trackedContext(posting: Partial<MatchablePosting>, profile: Profile, now: Date, index: SkillIndex): TrackedContext {
  const today = dayOfDate(now);
  const cohortYear = posting.cohort ? Number(COHORT_YEAR.exec(posting.cohort)?.[1]) || null : null;
  let firstOnboard: string | null | undefined;
  for (const p of posting.internshipPeriods ?? []) {
    if (p.onboardBy) {
      firstOnboard = p.onboardBy;
      break;
    }
  }
  const firstStart = posting.startDates?.[0];
  const defaultYear =
    cohortYear ??
    (firstOnboard ? yearOfDay(parseIsoDay(firstOnboard)) : firstStart ? yearOfDay(parseIsoDay(firstStart)) : yearOfDay(today));
  const windows = posting.internshipPeriods?.length ? windowsOfPeriods(posting.internshipPeriods, defaultYear) : [];
  const facts: PostingFacts = {
    locations: posting.locations ?? [],
    onsiteDaysPerWeek: posting.onsiteDaysPerWeek ?? null,
    internshipEnd: windows.length ? lastDay(windows) : null,
    cohortYear,
    windows,
    graduate: isGraduatePosting(posting),
    onboardingEnd: onboardingEnd(posting, cohortYear),
  };
  return new TrackedContext({
    now,
    today,
    thisMonth: monthIndexOfDay(today),
    defaultYear,
    posting: facts,
    profile,
    skills: holdingsFor(profile, index),
    index,
  });
}

// The program, as the page shows it: "Graduate" in the title ("Software Engineer Graduate - 2026
// Start"), or a campus cohort with a regular (not intern) employment type; never an internship.
const INTERN = /\bintern(?:ship)?s?\b/i;
const GRADUATE_TITLE = /(?<![\w-])graduates?\b/i;
const UNDERGRADUATE = /\bunder-?graduate/i;
const REGULAR = /\b(?:regular|full[- ]time|permanent)\b/i;
function isGraduatePosting(posting: Partial<MatchablePosting>): boolean {
  const title = posting.title ?? '';
  if (INTERN.test(title) || INTERN.test(posting.employmentType ?? '') || INTERN.test(posting.cohort ?? '')) return false;
  if (GRADUATE_TITLE.test(title.replace(UNDERGRADUATE, ' ')) || GRADUATE_TITLE.test((posting.cohort ?? '').replace(UNDERGRADUATE, ' ')))
    return true;
  return Boolean(posting.cohort && REGULAR.test(posting.employmentType ?? ''));
}

/** The last month a graduate can join: the last start date, else December of the cohort year. */
function onboardingEnd(posting: Partial<MatchablePosting>, cohortYear: number | null): number | null {
  const starts = posting.startDates ?? [];
  if (starts.length) return monthIndexOfDay(parseIsoDay([...starts].sort()[starts.length - 1]!));
  return cohortYear === null ? null : cohortYear * 12 + 11;
}

function lastDay(windows: Window[]): Day {
  let last = -Infinity;
  for (const w of windows) last = Math.max(last, w.to);
  return last;
}

// ——— requirements stated outside the qualification lists ———

type CheckInput =
  | { source: 'degreeLevels'; levels: DegreeLevel[] }
  | { source: 'commitment'; commitment: Commitment }
  | { source: 'internshipPeriods'; windows: Window[] }
  | { source: 'startDates'; startDates: string[]; commitment: Commitment | null }
  | { source: 'locations'; locations: string[]; days: number | null };

interface Check {
  result: EligibilityResult;
  blockers: string[];
}

function check(source: EligibilityResult['source'], text: string, assessment: LineAssessment): Check {
  const blockers: string[] = [];
  for (const b of assessment.blockers) blockers.push(b);
  // Spelled out, not spread: object spread was a third of the eligibility checks' time.
  const r = assessment.result;
  return { result: { text, kind: r.kind, verdict: r.verdict, evidence: r.evidence, source }, blockers };
}

function runCheck(input: CheckInput, ctx: MatchContext): Check {
  switch (input.source) {
    case 'degreeLevels': {
      const { levels } = input;
      const text = `Degree level in the title: ${levels.join('/')}`;
      const a = assessDegree(
        { levels, words: [levels.join('/')], anyLevel: false, exact: true, status: null, equivalentExperience: false, fields: null },
        ctx,
      );
      return check('degreeLevels', text, combine(text, [a]));
    }
    case 'commitment': {
      const { commitment } = input;
      const text = `Commit to at least ${commitment.amount} ${commitment.unit}${commitment.amount === 1 ? '' : 's'}`;
      const req: AvailabilityRequirement = {
        windows: [],
        duration: { amount: commitment.amount, unit: commitment.unit, words: text },
        season: null,
        starts: [],
      };
      return check('commitment', text, combine(text, [assessAvailability(req, ctx)]));
    }
    case 'internshipPeriods': {
      const { windows } = input;
      const text = `Internship period${windows.length > 1 ? ', one of' : ''}: ${windows.map((w) => w.label).join('; ')}`;
      const req: AvailabilityRequirement = { windows, duration: null, season: null, starts: [] };
      return check('internshipPeriods', text, combine(text, [assessAvailability(req, ctx)]));
    }
    case 'startDates': {
      const { startDates, commitment } = input;
      const text = `Start date${startDates.length > 1 ? ', one of' : ''}: ${startDates.join(', ')}`;
      const starts = startDates.map((d) => ({ from: parseIsoDay(d), to: parseIsoDay(d), label: isoOfDay(parseIsoDay(d)) }));
      const req: AvailabilityRequirement = {
        windows: [],
        duration: commitment
          ? { amount: commitment.amount, unit: commitment.unit, words: `${commitment.amount} ${commitment.unit}s` }
          : null,
        season: null,
        starts,
      };
      const a = assessAvailability(req, ctx);
      return check('startDates', text, combine(text, [aspect('start-dates', a.verdict, a.evidence, a.hard, a.reason)]));
    }
    case 'locations': {
      const { locations, days } = input;
      const places: Place[] = locations.map((l) => placeOf(l) ?? { text: l, city: l.trim().toLowerCase(), country: '' });
      const text = `Work location: ${locations.join(' or ')}${days ? `, on site ${days} days a week` : ''}`;
      const a = assessLocation(
        { places, words: locations.join(', '), line: text, fromPosting: false, daysPerWeek: days ? `${days} days a week` : null },
        ctx,
      );
      return check('locations', text, combine(text, [a]));
    }
  }
}

function eligibility(
  posting: Partial<MatchablePosting>,
  ctx: TrackedContext,
  covered: Set<LineKind>,
  cache: ProfileCache | null,
): { results: EligibilityResult[]; blockers: string[] } {
  const inputs: CheckInput[] = [];
  const levels = posting.degreeLevels ?? [];
  if (levels.length && !covered.has('degree-field') && !covered.has('enrolment')) inputs.push({ source: 'degreeLevels', levels });
  const commitment = posting.commitment ?? null;
  if (commitment && !covered.has('duration')) inputs.push({ source: 'commitment', commitment });
  const windows = ctx.posting.windows;
  if (windows.length && !covered.has('internship-window')) inputs.push({ source: 'internshipPeriods', windows });
  const startDates = posting.startDates ?? [];
  if (startDates.length && !covered.has('start-dates')) inputs.push({ source: 'startDates', startDates, commitment });
  const locations = posting.locations ?? [];
  if (locations.length && !covered.has('location'))
    inputs.push({ source: 'locations', locations, days: posting.onsiteDaysPerWeek ?? null });

  const results: EligibilityResult[] = [];
  const blockers: string[] = [];
  for (const input of inputs) {
    const c = cache ? remember(cache.checks, JSON.stringify(input), ctx, runCheckFrozen, input) : runCheck(input, ctx);
    results.push(c.result);
    for (const b of c.blockers) blockers.push(b);
  }
  return { results, blockers };
}

// ——— caching per profile ———

// Postings repeat lines (team templates, boilerplate) and eligibility facts, and a profile is
// matched against many postings: an assessment depends only on its input, the profile, the skill
// index and the posting facts it read (recorded by the context), so it is computed once per
// different value of those facts. Cached results are frozen so a consumer cannot change what
// another report shows. Profiles are values: a changed profile is a new object.
interface Entry<T> {
  used: number;
  values: string;
  value: T;
}
interface ProfileCache {
  lines: Map<string, Entry<LineAssessment>[]>;
  checks: Map<string, Entry<Check>[]>;
}
const caches = new WeakMap<Profile, WeakMap<SkillIndex, ProfileCache>>();
const CACHE_LIMIT = 20_000;
const ENTRY_LIMIT = 64;

function cacheFor(ctx: MatchContext): ProfileCache {
  let byIndex = caches.get(ctx.profile);
  if (!byIndex) caches.set(ctx.profile, (byIndex = new WeakMap()));
  let cache = byIndex.get(ctx.index);
  if (!cache) byIndex.set(ctx.index, (cache = { lines: new Map(), checks: new Map() }));
  return cache;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function remember<A, T>(
  store: Map<string, Entry<T>[]>,
  key: string,
  ctx: TrackedContext,
  compute: (arg: A, ctx: MatchContext) => T,
  arg: A,
): T {
  let entries = store.get(key);
  if (entries) {
    for (const e of entries) if (ctx.valuesOf(e.used) === e.values) return e.value;
  } else {
    if (store.size >= CACHE_LIMIT) store.clear();
    store.set(key, (entries = []));
  }
  // An input that reads posting facts keeps one entry per value seen; bound them like the keys.
  if (entries.length >= ENTRY_LIMIT) entries.length = 0;
  ctx.used = 0;
  const value = compute(arg, ctx);
  const used = ctx.used;
  entries.push({ used, values: ctx.valuesOf(used), value });
  return value;
}

function assessLineFrozen(line: string, ctx: MatchContext): LineAssessment {
  const fresh = assessLine(line, ctx);
  return { result: deepFreeze(fresh.result), kinds: fresh.kinds, blockers: fresh.blockers };
}
function runCheckFrozen(input: CheckInput, ctx: MatchContext): Check {
  const fresh = runCheck(input, ctx);
  return { result: deepFreeze(fresh.result), blockers: fresh.blockers };
}

export interface MatchOptions {
  /** Reuse line assessments across calls with the same profile object (default true). */
  cache?: boolean;
  index?: SkillIndex;
}

export function matchPosting(posting: Partial<MatchablePosting>, profile: Profile, now: Date, options: MatchOptions = {}): MatchReport {
  const index = options.index ?? skillIndex();
  const ctx = trackedContext(posting, profile, now, index);
  const cache = (options.cache ?? true) ? cacheFor(ctx) : null;
  const blockers: string[] = [];
  const covered = new Set<LineKind>();
  const minimum: LineResult[] = [];
  for (const line of posting.minimumQualifications ?? []) {
    const a = cache ? remember(cache.lines, line, ctx, assessLineFrozen, line) : assessLine(line, ctx);
    minimum.push(a.result);
    for (const k of a.kinds) covered.add(k);
    // The line itself is shown with its verdict: the reason alone, once, is the blocker.
    for (const b of a.blockers) if (!blockers.includes(b)) blockers.push(b);
  }
  const preferred: LineResult[] = [];
  for (const line of posting.preferredQualifications ?? []) {
    preferred.push((cache ? remember(cache.lines, line, ctx, assessLineFrozen, line) : assessLine(line, ctx)).result);
  }
  const elig = eligibility(posting, ctx, covered, cache);
  for (const b of elig.blockers) if (!blockers.includes(b)) blockers.push(b);
  return {
    // From the same counts as the summary's, so a score and its "N of M met" always agree.
    score: scoreOfCounts(countVerdicts(elig.results, countVerdicts(minimum)), countVerdicts(preferred)),
    minimum,
    preferred,
    eligibility: elig.results,
    blockers,
    skillListVersion: index.version,
  };
}

/** Assesses one line on its own (options page preview, tests). */
export function matchLine(line: string, profile: Profile, now: Date, posting: Partial<MatchablePosting> = {}): LineResult {
  return assessLine(line, trackedContext(posting, profile, now, skillIndex())).result;
}

/** Parses untrusted profile data (CLI, import) into a Profile, or throws the ZodError. */
export function parseProfile(data: unknown): Profile {
  return ProfileSchema.parse(data);
}
