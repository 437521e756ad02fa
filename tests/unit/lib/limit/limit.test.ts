import { describe, expect, it } from 'vitest';
import {
  BADGE_COLORS,
  badgeForCount,
  computeLimitState,
  countFor,
  defaultCycleStart,
  dismissalKey,
  fullestProgram,
  needsWarning,
  overallBadge,
  STRICT_PROGRAM,
  type LimitApplicationInput,
} from '../../../../lib/limit/limit';
import { deriveProgram, programFor } from '../../../../lib/program/program';
import { local } from '../../support/local-time';

const now = new Date('2025-11-15T10:00:00');
const perProgram = { cycleStart: null, strictLimit: false };
const strict = { cycleStart: null, strictLimit: true };

const BSMS_2026 = programFor('intern-bsms', '2026 Start');
const PHD_2026 = programFor('intern-phd', '2026 Start');
const GRAD_2026 = programFor('graduate', '2026 Start');
const BSMS_ANY = programFor('intern-bsms', null);

function app(
  jobId: string | null,
  appliedAt: string,
  program: typeof BSMS_2026 | null,
  extra: Partial<LimitApplicationInput> = {},
): LimitApplicationInput {
  return {
    jobId,
    site: 'tiktok',
    title: `Job ${jobId ?? 'from history'}`,
    program,
    appliedAt,
    status: 'applied',
    limit: program ? 2 : null,
    source: 'user',
    ...extra,
  };
}

describe('computeLimitState, per program', () => {
  it('with no applications, no program is counted, and a program not applied to stands at 0 of its stated limit', () => {
    const state = computeLimitState({ applications: [], settings: perProgram, now, defaultLimit: 2 });
    expect(state.programs).toEqual([]);
    expect(countFor(state, BSMS_2026, 2)).toMatchObject({ used: 0, limit: 2, remaining: 2, state: 'ok', applications: [] });
  });

  it('counts an application only against its own program', () => {
    const applications = [app('7001', local('2025-10-01T12:00:00'), BSMS_2026), app('7002', local('2025-10-03T12:00:00'), BSMS_2026)];
    const state = computeLimitState({ applications, settings: perProgram, now });
    expect(countFor(state, BSMS_2026, 2)).toMatchObject({ used: 2, remaining: 0, state: 'reached' });
    // A Graduate posting and a PhD intern posting are other programs, with both places free.
    expect(countFor(state, GRAD_2026, 2)).toMatchObject({ used: 0, state: 'ok' });
    expect(countFor(state, PHD_2026, 2)).toMatchObject({ used: 0, state: 'ok' });
    expect(needsWarning(countFor(state, GRAD_2026, 2))).toBe(false);
    expect(needsWarning(countFor(state, BSMS_2026, 2))).toBe(true);
  });

  it('an experienced-hire job (no program) counts against nothing and is never warned', () => {
    const applications = [
      app('7001', local('2025-10-01T12:00:00'), BSMS_2026),
      app('7100', local('2025-10-02T12:00:00'), null),
      app('7101', local('2025-10-03T12:00:00'), null),
    ];
    const state = computeLimitState({ applications, settings: perProgram, now });
    expect(state.programs.map((p) => [p.program.key, p.used])).toEqual([[BSMS_2026.key, 1]]);
    expect(state.uncounted).toBe(2);
    expect(countFor(state, null, null)).toBeNull();
    expect(needsWarning(countFor(state, null, null))).toBe(false);
  });

  it('counts TikTok and ByteDance applications together, in the order made, whatever order they come in', () => {
    const applications = [
      app('7003', local('2025-10-20T09:00:00'), BSMS_2026, { site: 'bytedance', title: 'Backend Engineer Intern' }),
      app('7001', local('2025-10-02T12:00:00'), BSMS_2026, { title: 'Data Scientist Intern' }),
      app('7002', local('2025-10-02T08:00:00'), PHD_2026, { title: 'Research Intern' }),
    ];
    const state = computeLimitState({ applications, settings: perProgram, now });
    const bsms = countFor(state, BSMS_2026, 2)!;
    expect(bsms.applications.map((a) => [a.jobId, a.site])).toEqual([
      ['7001', 'tiktok'],
      ['7003', 'bytedance'],
    ]);
    // Programs in the order of their first application.
    expect(state.programs.map((p) => p.program.key)).toEqual([PHD_2026.key, BSMS_2026.key]);
  });

  it('keeps the time order of applications made on the same day', () => {
    const applications = [app('7009', local('2025-10-02T15:00:00'), BSMS_2026), app('7001', local('2025-10-02T08:00:00'), BSMS_2026)];
    const state = computeLimitState({ applications, settings: perProgram, now });
    expect(state.programs[0]!.applications.map((a) => a.jobId)).toEqual(['7001', '7009']);
  });

  it('three applications against two: over', () => {
    const applications = ['01', '02', '03'].map((d, i) => app(`700${i}`, local(`2025-10-${d}T12:00:00`), BSMS_2026));
    expect(computeLimitState({ applications, settings: perProgram, now }).programs[0]).toMatchObject({
      used: 3,
      remaining: 0,
      state: 'over',
    });
  });

  it('rejected and withdrawn applications still count', () => {
    const applications = [
      app('7001', local('2025-09-01T12:00:00'), BSMS_2026, { status: 'rejected' }),
      app('7002', local('2025-09-02T12:00:00'), BSMS_2026, { status: 'withdrawn' }),
    ];
    expect(computeLimitState({ applications, settings: perProgram, now }).programs[0]!.state).toBe('reached');
  });

  it('needs no time window for a program with an intake: its intake bounds it', () => {
    const applications = [app('7001', local('2024-03-01T12:00:00'), BSMS_2026)];
    expect(computeLimitState({ applications, settings: perProgram, now }).programs[0]!.used).toBe(1);
  });

  it('counts a program without an intake only within the cycle (the last 12 months, or from the day set)', () => {
    const applications = [app('7001', local('2024-11-14T12:00:00'), BSMS_ANY), app('7002', local('2024-11-15T12:00:00'), BSMS_ANY)];
    const state = computeLimitState({ applications, settings: perProgram, now });
    expect(state.cycleStart).toBe('2024-11-15');
    expect(state.programs[0]!.applications.map((a) => a.jobId)).toEqual(['7002']);
    const fromSet = computeLimitState({ applications, settings: { cycleStart: '2024-11-16', strictLimit: false }, now });
    expect(fromSet.programs).toEqual([]);
  });

  it('reads a program’s limit from its postings, the FAQ’s two where none states one', () => {
    const three = [app('7001', local('2025-10-01T12:00:00'), GRAD_2026, { limit: 3 })];
    expect(computeLimitState({ applications: three, settings: perProgram, now }).programs[0]).toMatchObject({
      limit: 3,
      remaining: 2,
      state: 'ok',
    });
    const fromHistory = [app(null, local('2025-10-01T12:00:00'), GRAD_2026, { limit: null, source: 'site-history' })];
    expect(computeLimitState({ applications: fromHistory, settings: perProgram, now }).programs[0]).toMatchObject({ limit: 2, used: 1 });
  });

  it('counts a row of the site’s history for a job never seen, with the program its title tells', () => {
    const title = 'Big Data Engineer Intern (Live Recommendation) - 2026 Start (BS/MS)';
    const history = app(null, local('2025-10-05T06:05:00'), deriveProgram({ title }), {
      title,
      status: 'Resume screening',
      limit: null,
      source: 'site-history',
    });
    const state = computeLimitState({
      applications: [app('7001', local('2025-10-01T12:00:00'), BSMS_2026), history],
      settings: perProgram,
      now,
    });
    const count = countFor(state, BSMS_2026, 2)!;
    expect(count.state).toBe('reached');
    expect(count.applications[1]).toMatchObject({ jobId: null, title, status: 'Resume screening', source: 'site-history' });
  });

  it('takes a posting’s smaller stated limit for its own page', () => {
    const state = computeLimitState({ applications: [app('7001', local('2025-10-01T12:00:00'), BSMS_2026)], settings: perProgram, now });
    expect(countFor(state, BSMS_2026, 1)).toMatchObject({ limit: 1, used: 1, state: 'reached' });
  });

  it('finds the fullest program', () => {
    const applications = [
      app('7001', local('2025-10-01T12:00:00'), BSMS_2026),
      app('7002', local('2025-10-02T12:00:00'), PHD_2026),
      app('7003', local('2025-10-03T12:00:00'), PHD_2026),
    ];
    expect(fullestProgram(computeLimitState({ applications, settings: perProgram, now }))?.program.key).toBe(PHD_2026.key);
    expect(fullestProgram(computeLimitState({ applications: [], settings: perProgram, now }))).toBeNull();
  });
});

describe('computeLimitState, the strict reading', () => {
  const applications = [
    app('7001', local('2025-10-01T12:00:00'), BSMS_2026),
    app('7002', local('2025-10-02T12:00:00'), GRAD_2026),
    app('7100', local('2025-10-03T12:00:00'), null),
  ];

  it('counts every early-career application against one limit, and experienced ones still against nothing', () => {
    const state = computeLimitState({ applications, settings: strict, now });
    expect(state.programs).toHaveLength(1);
    expect(state.programs[0]).toMatchObject({ program: STRICT_PROGRAM, used: 2, state: 'reached' });
    expect(state.programs[0]!.applications.map((a) => [a.jobId, a.program.key])).toEqual([
      ['7001', BSMS_2026.key],
      ['7002', GRAD_2026.key],
    ]);
    // Any program's page reads the one count.
    expect(countFor(state, PHD_2026, 2)).toMatchObject({ used: 2, state: 'reached' });
    expect(countFor(state, null, null)).toBeNull();
    expect(state.uncounted).toBe(1);
  });

  it('uses the cycle as its window, since programs of every intake meet there', () => {
    const old = [app('7000', local('2024-06-01T12:00:00'), BSMS_2026), ...applications];
    expect(computeLimitState({ applications: old, settings: strict, now }).programs[0]!.used).toBe(2);
    expect(
      computeLimitState({ applications: old, settings: perProgram, now }).programs.find((p) => p.program.key === BSMS_2026.key)!.used,
    ).toBe(2);
  });
});

describe('defaultCycleStart', () => {
  it('is the same local day a year before', () => {
    expect(defaultCycleStart(new Date('2025-11-15T10:00:00'))).toBe('2024-11-15');
    expect(defaultCycleStart(new Date('2024-02-29T10:00:00'))).toBe('2023-03-01');
  });
});

describe('badges', () => {
  const state = (apps: LimitApplicationInput[], defaultLimit: number | null = 2) =>
    computeLimitState({ applications: apps, settings: perProgram, now, defaultLimit });

  it('reads "used/limit" in the program’s colour: ok, amber at the last place, red at and over the limit', () => {
    const one = state([app('7001', local('2025-10-01T12:00:00'), BSMS_2026)]);
    expect(badgeForCount(countFor(one, GRAD_2026, 2)!)).toMatchObject({ text: '0/2', color: BADGE_COLORS.ok });
    expect(badgeForCount(countFor(one, BSMS_2026, 2)!)).toMatchObject({
      text: '1/2',
      color: BADGE_COLORS.warning,
      title: 'Job Lens: Undergrad/Master Intern · 2026 Start: 1 of 2 applications used',
    });
    const two = state([app('7001', local('2025-10-01T12:00:00'), BSMS_2026), app('7002', local('2025-10-02T12:00:00'), BSMS_2026)]);
    expect(badgeForCount(countFor(two, BSMS_2026, 2)!)).toMatchObject({ text: '2/2', color: BADGE_COLORS.limit });
  });

  it('shows the fullest program away from a job; 0/2 once a posting stated the limit; nothing before', () => {
    const apps = [
      app('7001', local('2025-10-01T12:00:00'), BSMS_2026),
      app('7002', local('2025-10-02T12:00:00'), PHD_2026),
      app('7003', local('2025-10-03T12:00:00'), PHD_2026),
    ];
    expect(overallBadge(state(apps))).toMatchObject({ text: '2/2', color: BADGE_COLORS.limit });
    expect(overallBadge(state([]))).toMatchObject({ text: '0/2', color: BADGE_COLORS.ok });
    expect(overallBadge(state([], null)).text).toBe('');
    // Experienced applications alone fill no program.
    expect(overallBadge(state([app('7100', local('2025-10-01T12:00:00'), null)])).text).toBe('0/2');
  });

  it('remembers a dismissal by program and count, so a new count shows the banner again', () => {
    const one = state([app('7001', local('2025-10-01T12:00:00'), BSMS_2026)]);
    const two = state([app('7001', local('2025-10-01T12:00:00'), BSMS_2026), app('7002', local('2025-10-02T12:00:00'), BSMS_2026)]);
    expect(dismissalKey(countFor(one, BSMS_2026, 2)!)).toBe('intern-bsms:2026-start@1/2');
    expect(dismissalKey(countFor(two, BSMS_2026, 2)!)).not.toBe(dismissalKey(countFor(one, BSMS_2026, 2)!));
  });
});
