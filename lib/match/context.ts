import type { Profile } from '../profile/schema';
import type { SkillIndex } from '../skills/lookup';
import type { Day, Window } from './dates';
import type { SkillHoldings } from './holdings';

/** Posting facts the line assessors may use; all optional so single lines can be assessed alone. */
export interface PostingFacts {
  locations: string[];
  onsiteDaysPerWeek: number | null;
  /** Last day of the latest internship period, for "return to school after the internship". */
  internshipEnd: Day | null;
  cohortYear: number | null;
  /** The posting's internship periods as date windows. */
  windows: Window[];
  /** A graduate (full-time, early-career) posting: degree lines ask for a finished degree. */
  graduate: boolean;
  /** Month index of the last month a graduate role can start (its start dates, else its cohort year). */
  onboardingEnd: number | null;
}

export interface MatchContext {
  now: Date;
  today: Day;
  /** Month index (year*12 + month-1) of `now`. */
  thisMonth: number;
  /** Year for month ranges and seasons written without one. */
  defaultYear: number;
  posting: PostingFacts;
  profile: Profile;
  skills: SkillHoldings;
  index: SkillIndex;
  /** Facts read since the last reset, one bit each (see `TrackedContext`). */
  used: number;
}

// One bit per fact besides the line, the profile and the skill index that an assessment can read.
const NOW = 1;
const TODAY = 2;
const THIS_MONTH = 4;
const DEFAULT_YEAR = 8;
const LOCATIONS = 16;
const ONSITE_DAYS = 32;
const INTERNSHIP_END = 64;
const COHORT_YEAR = 128;
const WINDOWS = 256;
const GRADUATE = 512;
const ONBOARDING_END = 1024;

/**
 * A context that records which facts are read. A cached line assessment is then reused for any
 * posting that agrees on those facts only: most lines (skills, degrees, soft lines) read none, so
 * they are assessed once per profile instead of once per combination of posting facts. Recording
 * through getters, rather than by hand next to each use, keeps this right as the readers change.
 */
export class TrackedContext implements MatchContext {
  used = 0;
  readonly profile: Profile;
  readonly skills: SkillHoldings;
  readonly index: SkillIndex;
  private readonly _now: Date;
  private readonly _today: Day;
  private readonly _thisMonth: number;
  private readonly _defaultYear: number;
  private readonly _facts: PostingFacts;
  private readonly _posting: TrackedFacts;
  private _values: Map<number, string> | null = null;

  constructor(fields: Omit<MatchContext, 'used'>) {
    this.profile = fields.profile;
    this.skills = fields.skills;
    this.index = fields.index;
    this._now = fields.now;
    this._today = fields.today;
    this._thisMonth = fields.thisMonth;
    this._defaultYear = fields.defaultYear;
    this._facts = fields.posting;
    this._posting = new TrackedFacts(this, fields.posting);
  }
  get now(): Date {
    this.used |= NOW;
    return this._now;
  }
  get today(): Day {
    this.used |= TODAY;
    return this._today;
  }
  get thisMonth(): number {
    this.used |= THIS_MONTH;
    return this._thisMonth;
  }
  get defaultYear(): number {
    this.used |= DEFAULT_YEAR;
    return this._defaultYear;
  }
  get posting(): PostingFacts {
    return this._posting;
  }

  /** The values of the facts in `used`, as one string: equal strings, equal facts. */
  valuesOf(used: number): string {
    if (used === 0) return '';
    this._values ??= new Map();
    let key = this._values.get(used);
    if (key !== undefined) return key;
    const f = this._facts;
    const parts: unknown[] = [];
    if (used & NOW) parts.push(this._now.getTime());
    if (used & TODAY) parts.push(this._today);
    if (used & THIS_MONTH) parts.push(this._thisMonth);
    if (used & DEFAULT_YEAR) parts.push(this._defaultYear);
    if (used & LOCATIONS) parts.push(f.locations);
    if (used & ONSITE_DAYS) parts.push(f.onsiteDaysPerWeek);
    if (used & INTERNSHIP_END) parts.push(f.internshipEnd);
    if (used & COHORT_YEAR) parts.push(f.cohortYear);
    if (used & WINDOWS) parts.push(f.windows);
    if (used & GRADUATE) parts.push(f.graduate);
    if (used & ONBOARDING_END) parts.push(f.onboardingEnd);
    key = JSON.stringify(parts);
    this._values.set(used, key);
    return key;
  }
}

class TrackedFacts implements PostingFacts {
  private readonly _ctx: TrackedContext;
  private readonly _facts: PostingFacts;
  constructor(ctx: TrackedContext, facts: PostingFacts) {
    this._ctx = ctx;
    this._facts = facts;
  }
  get locations(): string[] {
    this._ctx.used |= LOCATIONS;
    return this._facts.locations;
  }
  get onsiteDaysPerWeek(): number | null {
    this._ctx.used |= ONSITE_DAYS;
    return this._facts.onsiteDaysPerWeek;
  }
  get internshipEnd(): Day | null {
    this._ctx.used |= INTERNSHIP_END;
    return this._facts.internshipEnd;
  }
  get cohortYear(): number | null {
    this._ctx.used |= COHORT_YEAR;
    return this._facts.cohortYear;
  }
  get windows(): Window[] {
    this._ctx.used |= WINDOWS;
    return this._facts.windows;
  }
  get graduate(): boolean {
    this._ctx.used |= GRADUATE;
    return this._facts.graduate;
  }
  get onboardingEnd(): number | null {
    this._ctx.used |= ONBOARDING_END;
    return this._facts.onboardingEnd;
  }
}
