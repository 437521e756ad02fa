import { afterEach, describe, expect, it } from 'vitest';
import { computeLimitState, countFor, dismissalKey } from '../../../../lib/limit/limit';
import { programFor } from '../../../../lib/program/program';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { deleteAllData } from '../../../../lib/store/erase';
import { mergeHistory } from '../../../../lib/store/flows';
import { confirmApplication, recordApplyStarted, recordPostingSeen, setStatus } from '../../../../lib/store/jobs';
import { V2_VERSION, V2JobRowSchema } from '../../../../lib/store/migrations/v2';
import * as v1Format from '../../../../lib/transfer/formats/v1';
import { IMPORT_LIMITS } from '../../../../lib/transfer/format';
import {
  countForJob,
  dismissBanner,
  listProgramOverrides,
  loadLimitInputs,
  loadLimitState,
  pageLimitFor,
  programChoices,
  setProgramOverride,
} from '../../../../lib/store/limit';
import { getSettings, setCycleStart, setStrictLimit } from '../../../../lib/store/settings';
import { makePosting } from '../../support/factory';
import { fromTab } from '../../support/sent-from';

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
const seenAt = new Date('2025-09-01T00:00:00Z');

const BSMS = 'intern-bsms:2026-start';
const GRAD = 'graduate:2026-start';
const bsms = (o = {}) =>
  makePosting({ title: 'Big Data Engineer Intern (Live Recommendation) - 2026 Start (BS/MS)', degreeLevels: ['Bachelor', 'Master'], ...o });
const graduate = () =>
  makePosting({
    title: 'Software Engineer Graduate (Search) - 2026 Start (BS/MS)',
    employmentType: 'Regular',
    degreeLevels: ['Bachelor', 'Master'],
  });
const experienced = () =>
  makePosting({
    title: 'Senior Backend Engineer - Shop Seller Growth',
    employmentType: 'Regular',
    cohort: null,
    degreeLevels: ['Bachelor'],
    applicationLimit: null,
  });

async function seen(...postings: ReturnType<typeof makePosting>[]) {
  for (const p of postings) await recordPostingSeen(db, p, seenAt);
  return postings;
}
const apply = (jobId: string, day: string) => setStatus(db, jobId, 'applied', new Date(`${day}T13:00:00Z`), { appliedAt: day });

describe('settings', () => {
  it('defaults to no cycle start and the reading per program, and keeps what the user sets', async () => {
    fresh();
    expect(await getSettings(db)).toEqual({ cycleStart: null, strictLimit: false });
    expect(await setCycleStart(db, '2025-09-01', now)).toEqual({ ok: true, settings: { cycleStart: '2025-09-01', strictLimit: false } });
    expect(await setStrictLimit(db, true, now)).toEqual({ ok: true, settings: { cycleStart: '2025-09-01', strictLimit: true } });
    await setCycleStart(db, null, now);
    await setStrictLimit(db, false, now);
    expect(await getSettings(db)).toEqual({ cycleStart: null, strictLimit: false });
  });

  it('refuses a malformed date and keeps the stored one', async () => {
    fresh();
    await setCycleStart(db, '2025-09-01', now);
    expect(await setCycleStart(db, '1 Sept 2025', now)).toMatchObject({ ok: false, message: expect.stringContaining('cycleStart') });
    expect((await getSettings(db)).cycleStart).toBe('2025-09-01');
  });
});

describe('loadLimitState', () => {
  it('counts confirmed applications per program, TikTok and ByteDance together; a form only opened counts nothing', async () => {
    fresh();
    const [tiktok, bytedance, opened, grad, senior] = await seen(bsms(), bsms({ site: 'bytedance' }), bsms(), graduate(), experienced());
    await recordApplyStarted(db, tiktok!.jobId, new Date('2025-10-02T09:00:00Z'));
    await confirmApplication(db, tiktok!.jobId, new Date('2025-10-03T09:00:00Z'));
    await recordApplyStarted(db, opened!.jobId, new Date('2025-10-04T09:00:00Z'));
    await apply(senior!.jobId, '2025-10-05');

    let state = await loadLimitState(db, now);
    expect(state.programs.map((p) => [p.program.key, p.used, p.state])).toEqual([[BSMS, 1, 'last-one']]);
    expect(state.uncounted).toBe(1);

    await apply(bytedance!.jobId, '2025-10-20');
    state = await loadLimitState(db, now);
    const count = countForJob(state, (await db.jobs.get(opened!.jobId))!)!;
    expect(count.applications.map((a) => [a.site, a.jobId])).toEqual([
      ['tiktok', tiktok!.jobId],
      ['bytedance', bytedance!.jobId],
    ]);
    expect(count.state).toBe('reached');
    // The Graduate job and the experienced one are not warned.
    expect(countForJob(state, (await db.jobs.get(grad!.jobId))!)).toMatchObject({ used: 0, state: 'ok' });
    expect(countForJob(state, (await db.jobs.get(senior!.jobId))!)).toBeNull();
  });

  it('undoes an application when the job is moved back to saved', async () => {
    fresh();
    const [a, b] = await seen(bsms(), bsms());
    await apply(a!.jobId, '2025-10-01');
    await apply(b!.jobId, '2025-10-02');
    expect((await loadLimitState(db, now)).programs[0]!.state).toBe('reached');
    await setStatus(db, b!.jobId, 'saved', now);
    const state = await loadLimitState(db, now);
    expect(state.programs[0]!.applications.map((x) => x.jobId)).toEqual([a!.jobId]);
  });

  it('counts everything together in the strict reading, within the cycle', async () => {
    fresh();
    const [a, g, old] = await seen(bsms(), graduate(), bsms());
    await apply(old!.jobId, '2024-06-01');
    await apply(a!.jobId, '2025-10-01');
    await apply(g!.jobId, '2025-10-02');
    expect((await loadLimitState(db, now)).programs.map((p) => [p.program.key, p.used])).toEqual([
      [BSMS, 2],
      [GRAD, 1],
    ]);
    await setStrictLimit(db, true, now);
    const strict = await loadLimitState(db, now);
    expect(strict.programs.map((p) => [p.program.key, p.used, p.state])).toEqual([['all:early-career', 2, 'reached']]);
  });

  it('counts applications given from elsewhere (rows of the site’s history) with the saved ones', async () => {
    fresh();
    const [a] = await seen(bsms());
    await apply(a!.jobId, '2025-10-01');
    const state = await loadLimitState(db, now, [
      {
        jobId: null,
        site: 'tiktok',
        title: 'Data Engineer Intern (Payments) - 2026 Start (BS/MS)',
        program: programFor('intern-bsms', '2026 Start'),
        appliedAt: '2025-09-20T06:05:00.000Z',
        status: 'Resume screening',
        limit: null,
        source: 'site-history',
      },
    ]);
    expect(state.programs[0]!.applications.map((x) => [x.jobId, x.source])).toEqual([
      [null, 'site-history'],
      [a!.jobId, 'user'],
    ]);
  });

  it('gives the same answer as computing over every job, without reading them all', async () => {
    fresh();
    const three = { max: 3, scope: 'affiliates-global', inOrder: true } as const;
    const postings = [
      experienced(),
      bsms({ applicationLimit: three }),
      experienced(),
      ...Array.from({ length: 30 }, () => bsms({ applicationLimit: three })),
      bsms(),
    ];
    await seen(...postings);
    await apply(postings[0]!.jobId, '2025-11-01');
    await apply(postings[1]!.jobId, '2025-11-02');

    const inputs = await loadLimitInputs(db);
    expect(inputs.applications).toHaveLength(2);
    expect(inputs.defaultLimit).toBe(2);
    const settings = await getSettings(db);
    const all = (await db.jobs.toArray()).filter((j) => j.appliedAt !== null);
    expect(all).toHaveLength(2);
    const state = computeLimitState({ ...inputs, settings, now });
    expect(state.programs.map((p) => [p.program.key, p.used, p.limit])).toEqual([[BSMS, 1, 3]]);
    expect(await loadLimitState(db, now)).toEqual(state);
  });
});

describe('program corrections', () => {
  it('moves a job to another program, to "no limit", and back to what the posting says', async () => {
    fresh();
    const [a, b, senior] = await seen(bsms(), bsms(), experienced());
    await apply(a!.jobId, '2025-10-01');
    await apply(b!.jobId, '2025-10-02');
    await apply(senior!.jobId, '2025-10-03');
    const grad = programFor('graduate', '2026 Start');

    expect(await setProgramOverride(db, b!.jobId, grad, now)).toMatchObject({ ok: true });
    let state = await loadLimitState(db, now);
    expect(state.programs.map((p) => [p.program.key, p.used])).toEqual([
      [BSMS, 1],
      [GRAD, 1],
    ]);

    // The user knows the senior posting is campus after all; and says the first has no limit.
    await setProgramOverride(db, senior!.jobId, grad, now);
    await setProgramOverride(db, a!.jobId, 'none', now);
    state = await loadLimitState(db, now);
    expect(state.programs.map((p) => [p.program.key, p.used])).toEqual([[GRAD, 2]]);
    expect(state.uncounted).toBe(1);
    expect((await listProgramOverrides(db)).map((j) => j.jobId).sort()).toEqual([a!.jobId, b!.jobId, senior!.jobId].sort());

    // Undo: back to the posting's own program.
    for (const job of [a!, b!, senior!]) await setProgramOverride(db, job.jobId, null, now);
    state = await loadLimitState(db, now);
    expect(state.programs.map((p) => [p.program.key, p.used])).toEqual([[BSMS, 2]]);
    expect(await listProgramOverrides(db)).toEqual([]);
  });

  it('refuses a malformed program and an unknown job, changing nothing', async () => {
    fresh();
    const [a] = await seen(bsms());
    expect(await setProgramOverride(db, a!.jobId, { key: 'Not a key', label: 'x' }, now)).toMatchObject({ ok: false });
    expect(await setProgramOverride(db, '7999999999999999999', 'none', now)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no job'),
    });
    expect((await db.jobs.get(a!.jobId))!.programOverride).toBeNull();
  });

  it('treats a row saved before corrections existed as uncorrected', async () => {
    // Corrections came with version 3: a row saved by version 2 has no `programOverride` at all,
    // and the upgrade to version 3 gives it null, which reads as "as the posting says".
    n += 1;
    const name = `limit-store-test-${n}`;
    const v2 = openDb(name, V2_VERSION);
    await v2.open();
    const posting = bsms();
    const row = V2JobRowSchema.parse({
      ...posting,
      status: 'applied',
      statusHistory: [{ status: 'applied', at: '2025-10-01T13:00:00.000Z' }],
      notes: '',
      notesUpdatedAt: null,
      appliedAt: '2025-10-01T12:00:00.000Z',
      applyStartedAt: null,
      userUpdatedAt: '2025-10-01T13:00:00.000Z',
      firstSeenAt: seenAt.toISOString(),
      lastSeenAt: seenAt.toISOString(),
      changedAt: null,
      changedFields: [],
    });
    expect('programOverride' in row).toBe(false);
    await v2.table('jobs').add(row);
    v2.close();

    db = openDb(name);
    expect((await db.jobs.get(posting.jobId))!.programOverride).toBeNull();
    let state = await loadLimitState(db, now);
    expect(state.programs.map((p) => [p.program.key, p.used])).toEqual([[BSMS, 1]]);
    // And it can be corrected like any other.
    expect(await setProgramOverride(db, posting.jobId, 'none', now)).toMatchObject({ ok: true });
    state = await loadLimitState(db, now);
    expect(state.programs.map((p) => [p.program.key, p.used])).toEqual([]);
    expect(state.uncounted).toBe(1);
  });

  it('offers every program seen so far and each track of the job’s intake', async () => {
    fresh();
    const [a] = await seen(
      bsms(),
      graduate(),
      experienced(),
      makePosting({ title: 'Research Intern (Speech) - 2027 Start (PhD)', degreeLevels: ['PhD'], cohort: '2027 Start' }),
    );
    const choices = (await programChoices(db, (await db.jobs.get(a!.jobId))!)).map((p) => p.key);
    expect(choices).toEqual(
      expect.arrayContaining([BSMS, GRAD, 'intern-phd:2027-start', 'intern-phd:2026-start', 'graduate-mba:2026-start']),
    );
    expect(new Set(choices).size).toBe(choices.length);
  });
});

describe('page limit and banner dismissals', () => {
  it('names the page’s program and count, and remembers a dismissal for that count only', async () => {
    fresh();
    const [a, b, c] = await seen(bsms(), bsms(), bsms());
    await apply(a!.jobId, '2025-10-01');
    let state = await loadLimitState(db, now);
    let page = await pageLimitFor(db, state, c!.jobId);
    expect(page).toMatchObject({ program: { key: BSMS }, count: { used: 1, limit: 2 }, dismissed: false });

    expect(page.banner).toMatchObject({
      title: 'Job Lens: 1 place left: 1 of 2 used',
      dismissKey: dismissalKey(page.count!),
      onForm: false,
    });
    expect((await pageLimitFor(db, state, c!.jobId, true)).banner).toMatchObject({
      onForm: true,
      consequence: 'This would be your last place in this program.',
    });
    await dismissBanner(db, dismissalKey(page.count!), now);
    expect(await pageLimitFor(db, state, c!.jobId)).toMatchObject({ dismissed: true, banner: null });
    // Another job of the same program at the same count: dismissed too.
    expect((await pageLimitFor(db, state, b!.jobId)).dismissed).toBe(true);

    await apply(b!.jobId, '2025-10-02');
    state = await loadLimitState(db, now);
    page = await pageLimitFor(db, state, c!.jobId);
    expect(page).toMatchObject({
      count: { used: 2, state: 'reached' },
      dismissed: false,
      banner: { title: 'Job Lens: Limit reached: 2 of 2' },
    });
    expect(countFor(state, null, null)).toBeNull();
  });

  it('knows nothing of a job never read', async () => {
    fresh();
    const state = await loadLimitState(db, now);
    expect(await pageLimitFor(db, state, '7999999999999999999')).toEqual({ program: null, count: null, dismissed: false, banner: null });
  });
});

describe('deleteAllData', () => {
  it('empties every table', async () => {
    fresh();
    const [a] = await seen(bsms());
    await apply(a!.jobId, '2025-10-01');
    await setStrictLimit(db, true, now);
    await db.profile.put({ id: 'me', data: {}, updatedAt: now.toISOString() });
    // An application the site showed for a job never saved: its own table since version 3.
    await mergeHistory(
      db,
      [
        {
          site: 'tiktok',
          jobId: '7500000000000000777',
          title: 'Data Engineer Intern - 2026 Start (BS/MS)',
          viaReferral: false,
          status: 'Resume screening',
          appliedAt: '2025-10-03T10:00',
        },
      ],
      now,
    );
    expect(db.tables.map((t) => t.name).sort()).toEqual(['applications', 'jobs', 'profile', 'settings', 'siteApplications', 'versions']);
    for (const table of db.tables.filter((t) => t.name !== 'versions')) expect(await table.count()).toBeGreaterThan(0);
    await deleteAllData(db);
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });
});

describe('corrections and the strict reading in exports', () => {
  it('carries a program correction and the strict setting through export and import; an older file without them imports as uncorrected', async () => {
    const { exportJson } = await import('../../../../lib/transfer/export');
    const { importJson } = await import('../../../../lib/transfer/import');
    fresh();
    const [a, b] = await seen(bsms(), bsms());
    await setProgramOverride(db, a!.jobId, 'none', now);
    await setStrictLimit(db, true, now);
    const text = await exportJson(db, now);
    const file = JSON.parse(text) as { jobs: Record<string, unknown>[]; settings: { key: string }[] };
    expect(file.jobs.find((j) => j.jobId === a!.jobId)!.programOverride).toBe('none');
    expect(file.settings.map((r) => r.key)).toContain('strictLimit');

    const other = db;
    fresh();
    expect(await importJson(db, text, now)).toMatchObject({ ok: true });
    expect((await db.jobs.get(a!.jobId))!.programOverride).toBe('none');
    expect((await getSettings(db)).strictLimit).toBe(true);
    await other.delete();

    // A file written before corrections existed: format 1, whose rows are version 2's (no
    // program correction, no other version 3 field, no strict setting, no site rows).
    const v3Only = ['programOverride', 'viaReferral', 'appliedDateUnknown', 'applyAskAgainAt', 'siteStatus', 'shortened'];
    const older = {
      ...file,
      version: 1,
      jobs: file.jobs.map((job) => Object.fromEntries(Object.entries(job).filter(([key]) => !v3Only.includes(key)))),
      settings: file.settings.filter((row) => row.key === 'cycleStart'),
    } as Record<string, unknown>;
    delete older.siteApplications;
    expect(v1Format.fileSchema(IMPORT_LIMITS).safeParse(older).error).toBeUndefined();
    await db.delete();
    fresh();
    expect(await importJson(db, JSON.stringify(older), now)).toMatchObject({ ok: true });
    expect((await db.jobs.get(a!.jobId))!.programOverride).toBeNull();
    expect((await db.jobs.get(b!.jobId))!.programOverride).toBeNull();
    expect((await getSettings(db)).strictLimit).toBe(false);
  });
});

describe('the messages for programs, the strict reading, dismissals and deletion', () => {
  it('validates each in the background and refuses bad input with a reason, changing nothing', async () => {
    const { createHandlers } = await import('../../../../lib/messages/handlers');
    const { createRouter } = await import('../../../../lib/messages/router');
    fresh();
    const [a] = await seen(bsms());
    const badges: string[] = [];
    const route = createRouter(createHandlers({ db, now: () => now, onLimitChange: (l) => void badges.push(String(l.strict)) }));
    expect(await route({ name: 'job:setProgram', data: { jobId: a!.jobId, program: { key: 'bad key', label: 'x' } } })).toMatchObject({
      ok: false,
    });
    expect(await route({ name: 'job:setProgram', data: { jobId: a!.jobId, program: 'nothing' } })).toMatchObject({ ok: false });
    expect((await db.jobs.get(a!.jobId))!.programOverride).toBeNull();
    expect(await route({ name: 'job:setProgram', data: { jobId: a!.jobId, program: 'none' } })).toMatchObject({ ok: true });
    expect(await route({ name: 'settings:setStrictLimit', data: { strict: 'yes' } })).toMatchObject({ ok: false });
    expect(await route({ name: 'settings:setStrictLimit', data: { strict: true } })).toMatchObject({
      ok: true,
      value: { limit: { strict: true } },
    });
    expect(badges.at(-1)).toBe('true');
    // The page banner is closed on the careers page: its content script sends the dismissal.
    const jobTab = fromTab(`https://lifeattiktok.com/search/${a!.jobId}`);
    expect(await route({ name: 'banner:dismiss', data: { key: '' } }, jobTab)).toMatchObject({ ok: false });
    expect(await route({ name: 'banner:dismiss', data: { key: 'intern-bsms:2026-start@1/2' } }, jobTab)).toMatchObject({ ok: true });
    expect(await route({ name: 'banner:dismiss', data: { key: 'intern-bsms:2026-start@1/2' } })).toMatchObject({ ok: false });
    expect(await route({ name: 'data:deleteAll', data: { confirm: 'delete' } })).toMatchObject({ ok: false });
    expect(await db.jobs.count()).toBe(1);
    expect(await route({ name: 'data:deleteAll', data: { confirm: 'delete everything' } })).toMatchObject({ ok: true });
    expect(await db.jobs.count()).toBe(0);
  });
});
