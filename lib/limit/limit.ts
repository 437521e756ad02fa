/**
 * The application limit, computed in one place for the popup, the toolbar badge and the page
 * banner. Pure and free of Zod so every part of the extension can run it.
 *
 * TikTok's Early Careers FAQ: "You may apply for up to two Early Career positions per program
 * within the application timeframe … The application limit applies to both TikTok and its
 * affiliates' jobs globally." So an application counts only against its own program (track and
 * intake), in the order made, with TikTok's and ByteDance's jobs together. A job that belongs to
 * no program (an experienced hire: its posting states no limit) counts against nothing.
 */

import { localDay, localDayYearBefore } from '../date';
import { hasIntake, type Program } from '../program/program';
import { FAQ_LIMIT_PER_PROGRAM } from '../sites/programs';
// A type only: erased from the build, so the limit stays free of Zod wherever it runs.
import type { Site } from '../posting/schema';

export type { Program };

/** Where Job Lens learnt of an application. */
type ApplicationSource = 'user' | 'site-confirmation' | 'site-duplicate' | 'site-history';

/**
 * One application, whatever recorded it: a job the user marked applied, or a row of the site's
 * application history for a job Job Lens never saw (then `jobId` may be null and `program` is
 * what the title tells, e.g. `deriveProgram({ title })`).
 */
export interface LimitApplicationInput {
  jobId: string | null;
  site: Site;
  title: string;
  /** The program it counts against; null counts against nothing. */
  program: Program | null;
  /** ISO datetime of the submission. */
  appliedAt: string;
  /** The user's status or the site's ("applied", "Resume screening"); shown, never decides counting. */
  status: string;
  /** The limit the posting states (its `max`), when known. */
  limit: number | null;
  source: ApplicationSource;
}

export interface LimitSettings {
  /** YYYY-MM-DD; null = the 12 months before `now`. The window of the strict reading. */
  cycleStart: string | null;
  /** Every early-career application against one limit, whatever its program. */
  strictLimit: boolean;
}

type LimitStateName = 'ok' | 'last-one' | 'reached' | 'over';

/** A counted application, in the order made. */
export interface LimitApplication {
  jobId: string | null;
  title: string;
  site: Site;
  appliedAt: string;
  status: string;
  source: ApplicationSource;
  program: Program;
}

/** One program's count. In the strict reading there is one, `STRICT_PROGRAM`. */
export interface ProgramCount {
  program: Program;
  limit: number;
  used: number;
  remaining: number;
  state: LimitStateName;
  /** The applications that count, in the order they were made. */
  applications: LimitApplication[];
}

export interface LimitState {
  strict: boolean;
  /** Every program with an application, in the order of its first one. */
  programs: ProgramCount[];
  /** Applications to jobs in no program (experienced hires): they count against nothing. */
  uncounted: number;
  /** The smallest limit any posting seen states (the badge's "0/2" before any application). */
  defaultLimit: number | null;
  /**
   * YYYY-MM-DD, the first day counted where a window is needed: in the strict reading, and for a
   * program whose postings name no intake. A program with an intake is bounded by it and needs none.
   */
  cycleStart: string;
}

export const STRICT_PROGRAM: Program = { key: 'all:early-career', label: 'All early-career programs' };

/** The same local calendar day twelve months earlier, the default start of a recruiting cycle. */
export function defaultCycleStart(now: Date): string {
  return localDayYearBefore(now);
}

function byApplicationOrder(a: LimitApplicationInput, b: LimitApplicationInput): number {
  if (a.appliedAt !== b.appliedAt) return a.appliedAt < b.appliedAt ? -1 : 1;
  const ka = a.jobId ?? a.title;
  const kb = b.jobId ?? b.title;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function stateOf(used: number, limit: number): LimitStateName {
  if (used > limit) return 'over';
  if (used === limit) return 'reached';
  if (limit - used === 1) return 'last-one';
  return 'ok';
}

function count(program: Program, limit: number, applications: LimitApplication[]): ProgramCount {
  const used = applications.length;
  return { program, limit, used, remaining: Math.max(0, limit - used), state: stateOf(used, limit), applications };
}

/**
 * Counts each application against its program, whatever its status since: a rejected or
 * withdrawn application was still submitted, and the site gives no sign that it frees a place.
 * A program's limit is the smallest its postings state (they agree in practice); with none
 * stated (a program the user set by hand, a history row), the FAQ's two.
 */
export function computeLimitState({
  applications,
  settings,
  now,
  defaultLimit = null,
}: {
  applications: readonly LimitApplicationInput[];
  settings: LimitSettings;
  now: Date;
  /** The smallest limit stated by any posting seen, applied to or not. */
  defaultLimit?: number | null;
}): LimitState {
  const cycleStart = settings.cycleStart ?? defaultCycleStart(now);
  const groups = new Map<string, { program: Program; limit: number | null; applications: LimitApplication[] }>();
  let uncounted = 0;
  for (const app of [...applications].sort(byApplicationOrder)) {
    if (!app.program) {
      uncounted += 1;
      continue;
    }
    const program = settings.strictLimit ? STRICT_PROGRAM : app.program;
    const windowed = settings.strictLimit || !hasIntake(app.program);
    if (windowed && localDay(app.appliedAt) < cycleStart) continue;
    let group = groups.get(program.key);
    if (!group) groups.set(program.key, (group = { program, limit: null, applications: [] }));
    if (app.limit !== null && (group.limit === null || app.limit < group.limit)) group.limit = app.limit;
    const { jobId, title, site, appliedAt, status, source } = app;
    group.applications.push({ jobId, title, site, appliedAt, status, source, program: app.program });
  }
  const programs = [...groups.values()].map((g) => count(g.program, g.limit ?? defaultLimit ?? FAQ_LIMIT_PER_PROGRAM, g.applications));
  return { strict: settings.strictLimit, programs, uncounted, defaultLimit, cycleStart };
}

/**
 * The count a job's program stands at: the program's own, or an empty one for a program not yet
 * applied to. `postedLimit` is the job's stated limit. Null for a job in no program.
 */
export function countFor(state: LimitState, program: Program | null, postedLimit: number | null): ProgramCount | null {
  if (!program) return null;
  const key = state.strict ? STRICT_PROGRAM.key : program.key;
  const found = state.programs.find((p) => p.program.key === key);
  if (found) {
    if (postedLimit === null || postedLimit >= found.limit) return found;
    return count(found.program, postedLimit, found.applications);
  }
  return count(state.strict ? STRICT_PROGRAM : program, postedLimit ?? state.defaultLimit ?? FAQ_LIMIT_PER_PROGRAM, []);
}

/** The program closest to its limit (most of it used, then the most applications, then the first). */
export function fullestProgram(state: LimitState): ProgramCount | null {
  let best: ProgramCount | null = null;
  for (const p of state.programs) {
    if (!best || p.used / p.limit > best.used / best.limit || (p.used / p.limit === best.used / best.limit && p.used > best.used)) best = p;
  }
  return best;
}

/** True when the page banner belongs on a page of this program: one place left, or none. */
export function needsWarning(count: ProgramCount | null): count is ProgramCount {
  return count !== null && count.state !== 'ok';
}

/** What a page banner's dismissal is remembered by: the program and its count. */
export function dismissalKey(count: ProgramCount): string {
  return `${count.program.key}@${count.used}/${count.limit}`;
}

export const BADGE_COLORS = {
  ok: '#3a5a8c',
  warning: '#b45309',
  limit: '#b91c1c',
} as const;

export interface Badge {
  text: string;
  color: string;
  /** The toolbar button's tooltip. */
  title: string;
}

/** The toolbar badge for one program's count: "1/2", amber at the last place, red at and over the limit. */
export function badgeForCount(count: ProgramCount): Badge {
  const text = `${count.used}/${count.limit}`;
  const title = `Job Lens: ${count.program.label}: ${count.used} of ${count.limit} applications used`;
  if (count.state === 'last-one') return { text, color: BADGE_COLORS.warning, title };
  if (count.state === 'reached' || count.state === 'over') return { text, color: BADGE_COLORS.limit, title };
  return { text, color: BADGE_COLORS.ok, title };
}

/** The badge away from a job: the fullest program, or "0/2" once a posting stating a limit was seen. */
export function overallBadge(state: LimitState): Badge {
  const fullest = fullestProgram(state);
  if (fullest) return badgeForCount(fullest);
  if (state.defaultLimit !== null) {
    return { text: `0/${state.defaultLimit}`, color: BADGE_COLORS.ok, title: 'Job Lens: no early-career applications yet' };
  }
  return { text: '', color: BADGE_COLORS.ok, title: 'Job Lens' };
}

/** The badge on the tab of a job in no program: empty, because applying there counts against nothing. */
export const NO_PROGRAM_BADGE: Badge = {
  text: '',
  color: BADGE_COLORS.ok,
  title: 'Job Lens: this job states no application limit',
};
