import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type JobLensDb } from '../../../lib/store/db';
import { confirmApplication, recordApplyStarted, recordPostingSeen, setStatus } from '../../../lib/store/jobs';
import { loadLimitInputs, loadLimitState } from '../../../lib/store/limit';
import { getSettings, setCycleStart } from '../../../lib/store/settings';
import { computeLimitState } from '../../../lib/limit/limit';
import { makePosting } from './factory';

let db: JobLensDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});
function fresh() {
  n += 1;
  db = openDb(`limit-store-test-${n}`);
}
const now = new Date('2025-11-15T10:00:00Z');

describe('settings', () => {
  it('defaults to no cycle start and keeps one the user sets', async () => {
    fresh();
    expect(await getSettings(db)).toEqual({ cycleStart: null });
    expect(await setCycleStart(db, '2025-09-01', now)).toEqual({ ok: true, settings: { cycleStart: '2025-09-01' } });
    expect(await getSettings(db)).toEqual({ cycleStart: '2025-09-01' });
    await setCycleStart(db, null, now);
    expect(await getSettings(db)).toEqual({ cycleStart: null });
  });

  it('refuses a malformed date and keeps the stored one', async () => {
    fresh();
    await setCycleStart(db, '2025-09-01', now);
    expect(await setCycleStart(db, '1 Sept 2025', now)).toMatchObject({ ok: false, message: expect.stringContaining('cycleStart') });
    expect(await getSettings(db)).toEqual({ cycleStart: '2025-09-01' });
  });
});

describe('loadLimitState', () => {
  it('counts confirmed applications only, across TikTok and ByteDance, within the cycle', async () => {
    fresh();
    const tiktok = makePosting();
    const bytedance = makePosting({ site: 'bytedance' });
    const opened = makePosting();
    const old = makePosting();
    for (const p of [tiktok, bytedance, opened, old]) await recordPostingSeen(db, p, new Date('2025-09-01T00:00:00Z'));
    await setStatus(db, old.jobId, 'applied', new Date('2025-09-01T00:00:00Z'), { appliedAt: '2025-08-15' });
    await recordApplyStarted(db, tiktok.jobId, new Date('2025-10-02T09:00:00Z'));
    await confirmApplication(db, tiktok.jobId, new Date('2025-10-03T09:00:00Z'));
    await recordApplyStarted(db, opened.jobId, new Date('2025-10-04T09:00:00Z'));

    let state = await loadLimitState(db, now);
    // The old application is within the default 12 months; the opened-but-unconfirmed one is not counted.
    expect(state).toMatchObject({ used: 2, limit: 2, state: 'reached' });

    await setCycleStart(db, '2025-09-01', now);
    state = await loadLimitState(db, now);
    expect(state).toMatchObject({ used: 1, state: 'last-one', cycleStart: '2025-09-01' });
    expect(state.applications.map((a) => a.jobId)).toEqual([tiktok.jobId]);

    await setStatus(db, bytedance.jobId, 'applied', new Date('2025-10-21T00:00:00Z'), { appliedAt: '2025-10-20' });
    state = await loadLimitState(db, now);
    expect(state.applications.map((a) => [a.site, a.jobId])).toEqual([
      ['tiktok', tiktok.jobId],
      ['bytedance', bytedance.jobId],
    ]);
    expect(state.state).toBe('reached');
  });

  it('gives the same answer as computing over every job, without reading them all', async () => {
    fresh();
    const three = { max: 3, scope: 'affiliates-global', inOrder: true } as const;
    const postings = [
      makePosting({ applicationLimit: null }),
      makePosting({ applicationLimit: three }),
      makePosting({ applicationLimit: null }),
      ...Array.from({ length: 30 }, () => makePosting({ applicationLimit: three })),
      makePosting(),
    ];
    for (const p of postings) await recordPostingSeen(db, p, now);
    await setStatus(db, postings[0]!.jobId, 'applied', now, { appliedAt: '2025-11-01' });

    const inputs = await loadLimitInputs(db);
    expect(inputs.length).toBeLessThanOrEqual(2);
    const all = await db.jobs.toArray();
    const settings = await getSettings(db);
    expect(computeLimitState({ jobs: inputs, settings, now })).toEqual(computeLimitState({ jobs: all, settings, now }));
    expect((await loadLimitState(db, now)).limit).toBe(2);
  });
});
