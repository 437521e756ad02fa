import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor, computeLimitState, defaultCycleStart, type LimitJob } from '../../../lib/limit/limit';
import { local } from '../local-time';

const TWO = { max: 2, scope: 'affiliates-global', inOrder: true } as const;
const now = new Date('2025-11-15T10:00:00');
const noSettings = { cycleStart: null };

function job(id: string, appliedAt: string | null, extra: Partial<LimitJob> = {}): LimitJob {
  return {
    jobId: id,
    title: `Software Engineer Intern (${id}) - 2026 Start (BS/MS)`,
    site: 'tiktok',
    appliedAt,
    applicationLimit: TWO,
    ...extra,
  };
}

describe('computeLimitState', () => {
  it('no applications and a posting stating the limit: ok, 2 remaining', () => {
    const state = computeLimitState({ jobs: [job('7001', null)], settings: noSettings, now });
    expect(state).toMatchObject({ used: 0, limit: 2, remaining: 2, state: 'ok', applications: [] });
  });

  it('one application of two: last one left', () => {
    const state = computeLimitState({ jobs: [job('7001', local('2025-10-02T12:00:00')), job('7002', null)], settings: noSettings, now });
    expect(state).toMatchObject({ used: 1, limit: 2, remaining: 1, state: 'last-one' });
  });

  it('TikTok and ByteDance applications count together, in the order made', () => {
    const jobs = [
      job('7003', local('2025-10-20T09:00:00'), { site: 'bytedance', title: 'Backend Engineer Intern' }),
      job('7001', local('2025-10-02T12:00:00'), { title: 'Data Scientist Intern' }),
    ];
    const state = computeLimitState({ jobs, settings: noSettings, now });
    expect(state.state).toBe('reached');
    expect(state.remaining).toBe(0);
    expect(state.applications).toEqual([
      { jobId: '7001', title: 'Data Scientist Intern', site: 'tiktok', appliedAt: local('2025-10-02T12:00:00') },
      { jobId: '7003', title: 'Backend Engineer Intern', site: 'bytedance', appliedAt: local('2025-10-20T09:00:00') },
    ]);
  });

  it('three applications against a limit of two: over, nothing remaining', () => {
    const jobs = ['01', '02', '03'].map((d, i) => job(`700${i}`, local(`2025-10-${d}T12:00:00`)));
    expect(computeLimitState({ jobs, settings: noSettings, now })).toMatchObject({ used: 3, remaining: 0, state: 'over' });
  });

  it('applications on the same day keep their time order', () => {
    const jobs = [job('7009', local('2025-10-02T15:00:00')), job('7001', local('2025-10-02T08:00:00'))];
    expect(computeLimitState({ jobs, settings: noSettings, now }).applications.map((a) => a.jobId)).toEqual(['7001', '7009']);
  });

  it('by default counts only the last 12 months', () => {
    const jobs = [job('7001', local('2024-11-14T12:00:00')), job('7002', local('2024-11-15T12:00:00'))];
    const state = computeLimitState({ jobs, settings: noSettings, now });
    expect(state.cycleStart).toBe('2024-11-15');
    expect(state.applications.map((a) => a.jobId)).toEqual(['7002']);
  });

  it('a cycle start set by the user moves the window', () => {
    const jobs = [job('7001', local('2025-08-30T12:00:00')), job('7002', local('2025-09-01T12:00:00')), job('7003', local('2025-10-05T12:00:00'))];
    const state = computeLimitState({ jobs, settings: { cycleStart: '2025-09-01' }, now });
    expect(state).toMatchObject({ used: 2, state: 'reached', cycleStart: '2025-09-01' });
  });

  it('compares the cycle start with the day the user applied on, in their own zone', () => {
    // Late on the eve and just after midnight: a UTC day would misplace one of them in any zone
    // but UTC, which the runs in UTC+14 and UTC−12 show.
    const jobs = [job('7001', local('2025-08-31T23:30:00')), job('7002', local('2025-09-01T00:30:00'))];
    const state = computeLimitState({ jobs, settings: { cycleStart: '2025-09-01' }, now });
    expect(state.applications.map((a) => a.jobId)).toEqual(['7002']);
  });

  it('reads the limit from applied postings first, else from any posting, else unknown', () => {
    const three = { max: 3, scope: 'affiliates-global', inOrder: true } as const;
    const applied = computeLimitState({
      jobs: [job('7001', local('2025-10-01T12:00:00'), { applicationLimit: three }), job('7002', null, { applicationLimit: TWO })],
      settings: noSettings,
      now,
    });
    expect(applied.limit).toBe(3);

    const fromSeen = computeLimitState({
      jobs: [job('7001', local('2025-10-01T12:00:00'), { applicationLimit: null }), job('7002', null)],
      settings: noSettings,
      now,
    });
    expect(fromSeen.limit).toBe(2);

    const unknown = computeLimitState({ jobs: [job('7001', local('2025-10-01T12:00:00'), { applicationLimit: null })], settings: noSettings, now });
    expect(unknown).toMatchObject({ used: 1, limit: null, remaining: null, state: 'ok' });
  });

  it('postings that disagree give the smallest limit', () => {
    const jobs = [
      job('7001', local('2025-10-01T12:00:00'), { applicationLimit: { max: 3, scope: 'company', inOrder: false } }),
      job('7002', local('2025-10-03T12:00:00'), { applicationLimit: TWO }),
    ];
    expect(computeLimitState({ jobs, settings: noSettings, now })).toMatchObject({ limit: 2, state: 'reached' });
  });
});

describe('defaultCycleStart', () => {
  it('is the same day a year earlier, and 29 February falls to 1 March', () => {
    expect(defaultCycleStart(new Date('2025-11-15T23:59:00'))).toBe('2024-11-15');
    expect(defaultCycleStart(new Date('2028-02-29T10:00:00'))).toBe('2027-03-01');
  });
});

describe('badgeFor', () => {
  const at = (apps: number, limit: number | null) =>
    computeLimitState({
      jobs: Array.from({ length: Math.max(apps, 1) }, (_, i) =>
        job(`70${i}`, i < apps ? local(`2025-10-0${i + 1}T12:00:00`) : null, { applicationLimit: limit === null ? null : { ...TWO, max: limit } }),
      ),
      settings: noSettings,
      now,
    });

  it('is empty with no applications and no known limit', () => {
    expect(badgeFor(at(0, null))).toEqual({ text: '', color: BADGE_COLORS.ok });
  });
  it('shows the count alone when the limit is unknown', () => {
    expect(badgeFor(at(1, null)).text).toBe('1');
  });
  it('shows 0/2 in the normal colour', () => {
    expect(badgeFor(at(0, 2))).toEqual({ text: '0/2', color: BADGE_COLORS.ok });
  });
  it('turns to the warning colour at the last slot', () => {
    expect(badgeFor(at(1, 2))).toEqual({ text: '1/2', color: BADGE_COLORS.warning });
  });
  it('turns to the limit colour at and over the limit', () => {
    expect(badgeFor(at(2, 2))).toEqual({ text: '2/2', color: BADGE_COLORS.limit });
    expect(badgeFor(at(3, 2))).toEqual({ text: '3/2', color: BADGE_COLORS.limit });
  });
});
