import type { JobPosting } from '../posting/schema';
import { ProfileSchema, type Profile } from '../profile/schema';
import { skillIndex, type SkillIndex } from '../skills/lookup';
import { assessAvailability, windowsOfPeriods, type AvailabilityRequirement } from './availability';
import { TrackedContext, type MatchContext, type PostingFacts } from './context';
import { dayOfDate, monthIndexOfDay, parseIsoDay, isoOfDay, yearOfDay } from './dates';
import { assessDegree } from './education';
import { combine, assessLine, type LineAssessment } from './line';
import { assessLocation, placeOf, type Place } from './places';
import type { EligibilityResult, LineKind, LineResult, MatchReport, Verdict } from './report';
import { holdSkills, type SkillHoldings } from './skills';
import { shorten } from './text';

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
>;

export const WEIGHTS = { minimum: 3, eligibility: 3, preferred: 1 } as const;
const VALUE: Record<Exclude<Verdict, 'unknown'>, number> = { met: 1, partial: 0.5, unmet: 0 };

// Holdings depend only on the skills list; profiles are matched against many postings.
const holdingsCache = new WeakMap<string[], { index: SkillIndex; holdings: SkillHoldings }>();
function holdingsFor(profile: Profile, index: SkillIndex): SkillHoldings {
  const cached = holdingsCache.get(profile.skills);
  if (cached && cached.index === index) return cached.holdings;
  const holdings = holdSkills(profile.skills, index);
  holdingsCache.set(profile.skills, { index, holdings });
  return holdings;
}

export function buildContext(posting: Partial<MatchablePosting>, profile: Profile, now: Date, index: SkillIndex = skillIndex()): MatchContext {
  const today = dayOfDate(now);
  const cohortYear = posting.cohort ? Number(/\b(20\d\d)\b/.exec(posting.cohort)?.[1]) || null : null;
  const firstOnboard = posting.internshipPeriods?.find((p) => p.onboardBy)?.onboardBy;
  const firstStart = posting.startDates?.[0];
  const defaultYear =
    cohortYear ?? (firstOnboard ? yearOfDay(parseIsoDay(firstOnboard)) : firstStart ? yearOfDay(parseIsoDay(firstStart)) : yearOfDay(today));
  const windows = posting.internshipPeriods?.length ? windowsOfPeriods(posting.internshipPeriods, defaultYear) : [];
  const facts: PostingFacts = {
    locations: posting.locations ?? [],
    onsiteDaysPerWeek: posting.onsiteDaysPerWeek ?? null,
    internshipEnd: windows.length ? Math.max(...windows.map((w) => w.to)) : null,
    cohortYear,
    windows,
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

function score(groups: { weight: number; lines: { verdict: Verdict }[] }[]): number | null {
  let total = 0;
  let got = 0;
  for (const { weight, lines } of groups) {
    for (const { verdict } of lines) {
      if (verdict === 'unknown') continue;
      total += weight;
      got += weight * VALUE[verdict];
    }
  }
  return total === 0 ? null : Math.round((100 * got) / total);
}

function eligibility(posting: Partial<MatchablePosting>, ctx: MatchContext, covered: Set<LineKind>): { results: EligibilityResult[]; blockers: string[] } {
  const results: EligibilityResult[] = [];
  const blockers: string[] = [];
  const add = (source: EligibilityResult['source'], text: string, assessment: LineAssessment) => {
    results.push({ ...assessment.result, text, source });
    for (const b of assessment.blockers) blockers.push(`${b} (posting: ${text})`);
  };

  const levels = posting.degreeLevels ?? [];
  if (levels.length && !covered.has('degree-field') && !covered.has('enrolment')) {
    const text = `Degree level in the title: ${levels.join('/')}`;
    const a = assessDegree({ levels, words: [levels.join('/')], anyLevel: false, exact: true, status: null, equivalentExperience: false, fields: null }, ctx);
    add('degreeLevels', text, combine(text, [a]));
  }
  const commitment = posting.commitment ?? null;
  if (commitment && !covered.has('duration')) {
    const text = `Commit to at least ${commitment.amount} ${commitment.unit}${commitment.amount === 1 ? '' : 's'}`;
    const req: AvailabilityRequirement = { windows: [], duration: { ...commitment, words: text }, season: null, starts: [] };
    add('commitment', text, combine(text, [assessAvailability(req, ctx)]));
  }
  if (ctx.posting.windows.length && !covered.has('internship-window')) {
    const windows = ctx.posting.windows;
    const text = `Internship period${windows.length > 1 ? ', one of' : ''}: ${windows.map((w) => w.label).join('; ')}`;
    const req: AvailabilityRequirement = { windows, duration: null, season: null, starts: [] };
    add('internshipPeriods', text, combine(text, [assessAvailability(req, ctx)]));
  }
  const startDates = posting.startDates ?? [];
  if (startDates.length && !covered.has('start-dates')) {
    const text = `Start date${startDates.length > 1 ? ', one of' : ''}: ${startDates.join(', ')}`;
    const starts = startDates.map((d) => ({ from: parseIsoDay(d), to: parseIsoDay(d), label: isoOfDay(parseIsoDay(d)) }));
    const req: AvailabilityRequirement = {
      windows: [],
      duration: commitment ? { ...commitment, words: `${commitment.amount} ${commitment.unit}s` } : null,
      season: null,
      starts,
    };
    const a = assessAvailability(req, ctx);
    add('startDates', text, combine(text, [{ ...a, kind: 'start-dates' }]));
  }
  const locations = posting.locations ?? [];
  if (locations.length && !covered.has('location')) {
    const places: Place[] = locations.map((l) => placeOf(l) ?? { text: l, city: l.trim().toLowerCase(), country: '' });
    const days = posting.onsiteDaysPerWeek ?? null;
    const text = `Work location: ${locations.join(' or ')}${days ? `, on site ${days} days a week` : ''}`;
    const a = assessLocation({ places, words: locations.join(', '), fromPosting: false, daysPerWeek: days ? `${days} days a week` : null }, ctx);
    add('locations', text, combine(text, [a]));
  }
  return { results, blockers };
}

// Postings repeat lines (team templates, boilerplate), and a profile is matched against many
// postings: a line's assessment depends only on its text, the profile, the skill index and the
// posting facts it read (recorded by the context), so it is computed once per different value of
// those facts. Cached results are frozen so a consumer cannot change what another report shows.
// Profiles are values: a changed profile is a new object.
interface CachedLine {
  used: number;
  values: string;
  assessment: LineAssessment;
}
const lineCaches = new WeakMap<Profile, WeakMap<SkillIndex, Map<string, CachedLine[]>>>();
const LINE_CACHE_LIMIT = 20_000;
const LINE_ENTRY_LIMIT = 64;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function assessCached(line: string, ctx: MatchContext, cache: boolean): LineAssessment {
  if (!cache || !(ctx instanceof TrackedContext)) return assessLine(line, ctx);
  let byIndex = lineCaches.get(ctx.profile);
  if (!byIndex) lineCaches.set(ctx.profile, (byIndex = new WeakMap()));
  let lines = byIndex.get(ctx.index);
  if (!lines) byIndex.set(ctx.index, (lines = new Map()));
  let entries = lines.get(line);
  if (entries) {
    for (const e of entries) if (ctx.valuesOf(e.used) === e.values) return e.assessment;
  } else {
    if (lines.size >= LINE_CACHE_LIMIT) lines.clear();
    lines.set(line, (entries = []));
  }
  // A line that reads posting facts keeps one entry per value seen; bound them like the lines.
  if (entries.length >= LINE_ENTRY_LIMIT) entries.length = 0;
  ctx.used = 0;
  const fresh = assessLine(line, ctx);
  const used = ctx.used;
  const assessment = { result: deepFreeze(fresh.result), kinds: fresh.kinds, blockers: fresh.blockers };
  entries.push({ used, values: ctx.valuesOf(used), assessment });
  return assessment;
}

export interface MatchOptions {
  /** Reuse line assessments across calls with the same profile object (default true). */
  cache?: boolean;
  index?: SkillIndex;
}

export function matchPosting(posting: Partial<MatchablePosting>, profile: Profile, now: Date, options: MatchOptions = {}): MatchReport {
  const index = options.index ?? skillIndex();
  const ctx = buildContext(posting, profile, now, index);
  const blockers: string[] = [];
  const covered = new Set<LineKind>();
  const minimum: LineResult[] = [];
  const cache = options.cache ?? true;
  for (const line of posting.minimumQualifications ?? []) {
    const a = assessCached(line, ctx, cache);
    minimum.push(a.result);
    a.kinds.forEach((k) => covered.add(k));
    for (const b of a.blockers) blockers.push(`${b} (minimum: "${shorten(line)}")`);
  }
  const preferred = (posting.preferredQualifications ?? []).map((line) => assessCached(line, ctx, cache).result);
  const elig = eligibility(posting, ctx, covered);
  blockers.push(...elig.blockers);
  return {
    score: score([
      { weight: WEIGHTS.minimum, lines: minimum },
      { weight: WEIGHTS.eligibility, lines: elig.results },
      { weight: WEIGHTS.preferred, lines: preferred },
    ]),
    minimum,
    preferred,
    eligibility: elig.results,
    blockers,
    skillListVersion: index.version,
  };
}

/** Assesses one line on its own (options page preview, tests). */
export function matchLine(line: string, profile: Profile, now: Date, posting: Partial<MatchablePosting> = {}): LineResult {
  return assessLine(line, buildContext(posting, profile, now)).result;
}

/** Parses untrusted profile data (CLI, import) into a Profile, or throws the ZodError. */
export function parseProfile(data: unknown): Profile {
  return ProfileSchema.parse(data);
}
