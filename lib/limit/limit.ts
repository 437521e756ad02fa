/**
 * The application limit, computed in one place for the popup, the toolbar badge and the page
 * banner. Pure and free of Zod so the content script can carry it.
 *
 * TikTok and ByteDance are affiliates: their campus postings say the limit "is applicable to
 * TikTok [ByteDance] and its affiliates' jobs globally", so applications on both boards count
 * against one limit, in the order they were made.
 */

import { localDay, localDayYearBefore } from '../date';

export type LimitSite = 'tiktok' | 'bytedance';

export interface LimitJob {
  jobId: string;
  title: string;
  site: LimitSite;
  /** ISO datetime of the submitted application; null when not applied. */
  appliedAt: string | null;
  applicationLimit: { max: number; scope: 'affiliates-global' | 'company'; inOrder: boolean } | null;
}

export interface LimitSettings {
  /** YYYY-MM-DD; null = the 12 months before `now`. */
  cycleStart: string | null;
}

export type LimitStateName = 'ok' | 'last-one' | 'reached' | 'over';

export interface LimitApplication {
  jobId: string;
  title: string;
  site: LimitSite;
  appliedAt: string;
}

export interface LimitState {
  used: number;
  /** Null when no posting the user has seen states a limit. */
  limit: number | null;
  remaining: number | null;
  /** The applications that count, in the order they were made. */
  applications: LimitApplication[];
  state: LimitStateName;
  /** YYYY-MM-DD, the first day counted. */
  cycleStart: string;
}

/** The same local calendar day twelve months earlier, the default start of a recruiting cycle. */
export function defaultCycleStart(now: Date): string {
  return localDayYearBefore(now);
}

/** Postings disagreeing on the limit would be odd; if they do, the smallest is the safe reading. */
function smallestLimit(jobs: readonly LimitJob[]): number | null {
  let smallest: number | null = null;
  for (const job of jobs) {
    const max = job.applicationLimit?.max;
    if (max !== undefined && (smallest === null || max < smallest)) smallest = max;
  }
  return smallest;
}

function byApplicationOrder(a: LimitApplication, b: LimitApplication): number {
  if (a.appliedAt !== b.appliedAt) return a.appliedAt < b.appliedAt ? -1 : 1;
  return a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0;
}

/**
 * Counts every job with an application date on or after the cycle start, whatever its status
 * since: a rejected or withdrawn application was still submitted, and the site gives no sign that
 * it frees a slot, so counting it is the reading that never lets the user exceed the limit.
 *
 * The limit is read from the applied postings; when none of them states one, from any posting
 * given (the user may not have applied yet but has seen a campus posting that states it).
 */
export function computeLimitState({
  jobs,
  settings,
  now,
}: {
  jobs: readonly LimitJob[];
  settings: LimitSettings;
  now: Date;
}): LimitState {
  const cycleStart = settings.cycleStart ?? defaultCycleStart(now);
  const counted = jobs.filter(
    (job): job is LimitJob & { appliedAt: string } => job.appliedAt !== null && localDay(job.appliedAt) >= cycleStart,
  );
  const applications = counted
    .map(({ jobId, title, site, appliedAt }) => ({ jobId, title, site, appliedAt }))
    .sort(byApplicationOrder);
  const limit = smallestLimit(counted) ?? smallestLimit(jobs);
  const used = applications.length;

  let state: LimitStateName = 'ok';
  if (limit !== null) {
    if (used > limit) state = 'over';
    else if (used === limit) state = 'reached';
    else if (limit - used === 1) state = 'last-one';
  }
  return {
    used,
    limit,
    remaining: limit === null ? null : Math.max(0, limit - used),
    applications,
    state,
    cycleStart,
  };
}

export const BADGE_COLORS = {
  ok: '#3a5a8c',
  warning: '#b45309',
  limit: '#b91c1c',
} as const;

export interface Badge {
  text: string;
  color: string;
}

/** The toolbar badge: "1/2", amber at the last slot, red at and over the limit. */
export function badgeFor(state: LimitState): Badge {
  if (state.limit === null) {
    return { text: state.used === 0 ? '' : String(state.used), color: BADGE_COLORS.ok };
  }
  const text = `${state.used}/${state.limit}`;
  if (state.state === 'last-one') return { text, color: BADGE_COLORS.warning };
  if (state.state === 'reached' || state.state === 'over') return { text, color: BADGE_COLORS.limit };
  return { text, color: BADGE_COLORS.ok };
}
