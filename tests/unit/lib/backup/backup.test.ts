import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readBackup, type KeyValueArea } from '../../../../lib/backup/copy';
import { NEARLY_FULL_BYTES, startStore, withBackup, type DataKeeper, type StartDeps } from '../../../../lib/backup/keeper';
import { openMemoryDb } from '../../../../lib/backup/memory';
import { RESTORED_EXTRACTED_AT } from '../../../../lib/backup/restore';
import { BACKUP_KEY, emptyBackup, type Backup } from '../../../../lib/backup/schema';
import { sendMessage } from '../../../../lib/messages/client';
import { createHandlers } from '../../../../lib/messages/handlers';
import type { MessageName, RequestOf, ResponseOf } from '../../../../lib/messages/protocol';
import { parseDocument } from '../../../../lib/extract/node';
import { readPage } from '../../../../lib/extract/page';
import { createRouter } from '../../../../lib/messages/router';
import { LATEST_VERSION, MIGRATIONS, openDb, openDbWith, type JobLensDb } from '../../../../lib/store/db';
import { loadLimitState } from '../../../../lib/store/limit';
import { openPageDb } from '../../../../components/data/page-db';
import type { ProfileInput } from '../../../../lib/profile/schema';
import { makePosting } from '../../support/factory';
import { importJson } from '../../../../lib/transfer/import';
import { applicationsKnown } from '../../support/limit-count';
import { DELETE_ALL_PHRASE } from '../../../../lib/store/erase';
import type { JobRecord } from '../../../../lib/store/schema';
import { contextFor } from '../../support/sent-from';
import { campusPageText } from '../../support/job-page';
import { localNoon } from '../../../../lib/date';

/**
 * The second copy in storage.local (fakeBrowser's) next to a fake-indexeddb database, driven
 * through the background's real router and handlers, as the extension runs them.
 */

const T0 = new Date('2026-03-02T09:00:00.000Z');
let clock = T0;
const tick = (minutes = 1) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
  return clock;
};

let dbCount = 0;
const uniqueName = () => `job-lens-backup-test-${(dbCount += 1)}`;

const area: KeyValueArea = {
  get: (key) => fakeBrowser.storage.local.get(key),
  set: (items) => fakeBrowser.storage.local.set(items),
};

const PROFILE: ProfileInput = {
  education: [{ level: 'Master', field: 'Statistics', status: 'pursuing', graduation: '2027-06' }],
  skills: ['Python', 'Spark'],
  locations: ['Singapore'],
};

const sessionArea: KeyValueArea = {
  get: (key) => fakeBrowser.storage.session.get(key),
  set: (items) => fakeBrowser.storage.session.set(items),
};

function depsFor(open: () => JobLensDb, storage: KeyValueArea = area): StartDeps {
  return { area: storage, session: sessionArea, now: () => clock, open, openMemory: () => openMemoryDb(uniqueName()) };
}

/** A database whose open fails the way a damaged or unavailable IndexedDB does. */
function throwingOnOpen(db: JobLensDb, error: Error): JobLensDb {
  vi.spyOn(db, 'open').mockImplementation(() => Dexie.Promise.reject(error) as ReturnType<JobLensDb['open']>);
  return db;
}

type Send = <K extends MessageName>(name: K, data: RequestOf<K>, tabUrl?: string) => Promise<ResponseOf<K>>;

function backgroundOf(keeper: DataKeeper): Send {
  const route = createRouter(withBackup(createHandlers({ db: keeper.db, now: () => clock, data: keeper }), keeper));
  // Each message from where the extension sends it: a content script's from its tab, the rest from the popup.
  return (name, data, tabUrl) => sendMessage((m) => route(m, contextFor(name, data, tabUrl)), name, data, { attempts: 1 });
}

/** What the content script sends for a job page showing `title` (read as the browser's script reads it). */
function jobPageRead(jobId: string, title: string): RequestOf<'page:read'> {
  const html = `<html><head><title>${title} | TikTok Careers</title></head><body><main><div>Technology</div><h1>${title}</h1>
    <div><span>Location</span><span>:</span><span>Singapore</span></div>
    <h2>Responsibilities</h2><ul><li>Build data pipelines.</li></ul>
    <h2>Qualifications</h2><ul><li>Currently pursuing a Bachelor's degree.</li></ul></main></body></html>`;
  return { jobId, page: readPage(parseDocument(html)), last: null };
}

async function copy(): Promise<Backup> {
  const read = await readBackup(area);
  if (read.kind !== 'ok') throw new Error(`no readable copy: ${read.kind}`);
  return read.backup;
}

/** A session of the extension that records an application, a saved job with notes, settings and the profile. */
async function recordSomeData(send: Send) {
  const applied = makePosting({ jobId: '7600000000000000001' });
  const noted = makePosting({ jobId: '7600000000000000002', site: 'bytedance' });
  const plain = makePosting({ jobId: '7600000000000000003' });
  for (const posting of [applied, noted, plain]) await send('posting:seen', { posting: { ...posting, extractedAt: tick().toISOString() } });
  tick();
  await send('apply:started', { site: 'tiktok', jobId: applied.jobId });
  tick();
  await send('apply:confirm', { jobId: applied.jobId });
  tick();
  await send('job:setStatus', { jobId: noted.jobId, status: 'saved' });
  await send('job:setNotes', { jobId: noted.jobId, notes: 'Ask Mei about the team; deadline in April.' });
  await send('settings:setCycleStart', { cycleStart: '2025-09-01' });
  await send('profile:save', { profile: PROFILE });
  return { applied, noted, plain };
}

beforeEach(() => {
  fakeBrowser.reset();
  clock = T0;
});

describe('the copy follows every kind of change', () => {
  it('adds, updates and removes entries as the user acts, and keeps the settings and profile', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    const job = makePosting({ jobId: '7600000000000000010' });
    const other = makePosting({ jobId: '7600000000000000011' });

    await send('posting:seen', { posting: job });
    // A job only seen can be found again: not in the copy.
    expect((await copy()).jobs).toEqual({});

    await send('job:setStatus', { jobId: job.jobId, status: 'saved' });
    expect((await copy()).jobs[job.jobId]).toMatchObject({ status: 'saved', title: job.title, site: 'tiktok', appliedAt: null });

    tick();
    await send('job:setNotes', { jobId: job.jobId, notes: 'Referral from Ana' });
    expect((await copy()).jobs[job.jobId]).toMatchObject({ notes: 'Referral from Ana', notesUpdatedAt: clock.toISOString() });

    await send('posting:seen', { posting: other });
    tick();
    await send('apply:started', { site: 'tiktok', jobId: other.jobId });
    const started = clock.toISOString();
    expect((await copy()).jobs[other.jobId]).toMatchObject({ status: 'seen', applyStartedAt: started });
    await send('apply:dismiss', { jobId: other.jobId });
    // Nothing of the user's left on it: the entry goes.
    expect((await copy()).jobs[other.jobId]).toBeUndefined();
    tick();
    await send('apply:started', { site: 'tiktok', jobId: other.jobId });
    const restarted = clock.toISOString();
    tick();
    await send('apply:confirm', { jobId: other.jobId });
    // Dated when the form was opened, as the database has it.
    expect((await copy()).jobs[other.jobId]).toMatchObject({
      status: 'applied',
      appliedAt: restarted,
      applyStartedAt: null,
      applicationLimit: other.applicationLimit,
    });
    expect(((await copy()).jobs[other.jobId] as { statusHistory: unknown[] }).statusHistory).toHaveLength(1);

    await send('settings:setCycleStart', { cycleStart: '2025-10-01' });
    expect((await copy()).settings).toEqual([{ key: 'cycleStart', value: '2025-10-01', updatedAt: clock.toISOString() }]);

    tick();
    await send('profile:save', { profile: PROFILE });
    expect((await copy()).profile).toMatchObject({ updatedAt: clock.toISOString(), data: { skills: ['Python', 'Spark'] } });

    // A visit refreshes an existing entry's title and time, nothing else.
    tick();
    await send('posting:seen', { posting: { ...job, title: 'Data Engineer Intern (renamed)', extractedAt: clock.toISOString() } });
    expect((await copy()).jobs[job.jobId]).toMatchObject({
      title: 'Data Engineer Intern (renamed)',
      notes: 'Referral from Ana',
      lastSeenAt: clock.toISOString(),
    });

    await send('job:delete', { jobId: job.jobId });
    expect(Object.keys((await copy()).jobs)).toEqual([other.jobId]);

    // An import writes every job with user data it brought.
    const imported = makePosting({ jobId: '7600000000000000012' });
    const file = {
      format: 'job-lens-export',
      version: 1,
      exportedAt: clock.toISOString(),
      jobs: [
        {
          ...(await keeper.db.jobs.get(other.jobId))!,
          ...imported,
          status: 'saved',
          notes: 'from the laptop',
          notesUpdatedAt: clock.toISOString(),
          appliedAt: null,
          applyStartedAt: null,
          statusHistory: [{ status: 'saved', at: clock.toISOString() }],
          userUpdatedAt: clock.toISOString(),
        },
      ],
      versions: [],
      settings: [],
      profile: null,
    };
    // The popup imports in its own page (same origin as the database), then tells the background.
    const importResult = await importJson(keeper.db, JSON.stringify(file), clock);
    if (!importResult.ok) throw new Error(importResult.message);
    const reply = await send('data:imported', {}).catch((error: Error) => error);
    if (reply instanceof Error) throw reply;
    expect((await copy()).jobs[imported.jobId]).toMatchObject({ status: 'saved', notes: 'from the laptop' });
    expect(keeper.status().backupWrittenAt).toBe((await copy()).writtenAt);
    expect(keeper.status().backupJobs).toBe(2);
  });

  it('writes a first copy at start for a database made before copies existed', async () => {
    const name = uniqueName();
    const old = openDb(name);
    const { applied } = await recordSomeData(backgroundOf((await startStore(depsFor(() => old))).keeper));
    old.close();
    fakeBrowser.reset();
    expect((await readBackup(area)).kind).toBe('none');
    await startStore(depsFor(() => openDb(name)));
    const first = await copy();
    expect(Object.keys(first.jobs).sort()).toEqual([applied.jobId, '7600000000000000002']);
    expect(first.profile).not.toBeNull();
    expect(first.settings).toHaveLength(1);
  });
});

describe('restore at start', () => {
  async function sessionWithData() {
    const name = uniqueName();
    const db = openDb(name);
    const { keeper } = await startStore(depsFor(() => db));
    const recorded = await recordSomeData(backgroundOf(keeper));
    const before = await db.jobs.toArray();
    db.close();
    return { name, recorded, before };
  }

  it('rebuilds an empty database from the copy: rows, settings, profile, and the same application count', async () => {
    const { recorded, before } = await sessionWithData();
    const limitBefore = (await copy()).jobs;
    const fresh = openDb(uniqueName());
    const { keeper, outcome, restored } = await startStore(depsFor(() => fresh));
    expect(outcome).toBe('restored');
    expect(restored).toMatchObject({ jobs: 2, applications: 1, notes: 1, profile: true, settings: 1, skipped: 0 });

    const applied = await fresh.jobs.get(recorded.applied.jobId);
    const original = before.find((row) => row.jobId === recorded.applied.jobId)!;
    expect(applied).toMatchObject({
      status: 'applied',
      appliedAt: original.appliedAt,
      statusHistory: original.statusHistory,
      firstSeenAt: original.firstSeenAt,
      title: original.title,
      applicationLimit: original.applicationLimit,
      url: 'https://lifeattiktok.com/search/7600000000000000001',
      extractedAt: RESTORED_EXTRACTED_AT,
      description: '',
      minimumQualifications: [],
    });
    expect(await fresh.jobs.get(recorded.noted.jobId)).toMatchObject({
      url: 'https://joinbytedance.com/search/7600000000000000002',
      notes: 'Ask Mei about the team; deadline in April.',
      status: 'saved',
    });
    expect(await fresh.jobs.get(recorded.plain.jobId)).toBeUndefined();
    expect((await fresh.profile.get('me'))?.data).toMatchObject({ skills: ['Python', 'Spark'] });
    expect(await fresh.settings.toArray()).toMatchObject([{ key: 'cycleStart', value: '2025-09-01' }]);
    const limit = await loadLimitState(fresh, clock);
    expect([applicationsKnown(limit), limit.programs[0]?.limit]).toEqual([1, 2]);

    const [notice] = keeper.status().notices;
    expect(notice?.kind).toBe('restored');
    expect(notice?.text).toBe(
      'Job Lens found its database empty and restored 1 application, 1 other job status, 1 note, your profile and your settings from its backup copy. Postings come back as you view them again.',
    );
    // The copy is only read by the restore.
    expect((await copy()).jobs).toEqual(limitBefore);
  });

  it('takes the next visit of a restored job as its first reading: every posting field, no "changed" mark, no earlier copy', async () => {
    const { recorded } = await sessionWithData();
    const fresh = openDb(uniqueName());
    const { keeper } = await startStore(depsFor(() => fresh));
    tick();
    const visit = { ...recorded.applied, extractedAt: clock.toISOString() };
    const reply = await backgroundOf(keeper)('posting:seen', { posting: visit });
    expect(reply.outcome).toBe('updated');
    const row = await fresh.jobs.get(visit.jobId);
    expect(row).toMatchObject({
      description: visit.description,
      minimumQualifications: visit.minimumQualifications,
      status: 'applied',
      changedAt: null,
      changedFields: [],
    });
    expect(await fresh.versions.count()).toBe(0);
  });

  it('deletes and recreates a database that throws on open, once the copy is read, and restores into it', async () => {
    const { name, recorded } = await sessionWithData();
    let opens = 0;
    const open = () => {
      opens += 1;
      const db = openDb(name);
      return opens === 1
        ? throwingOnOpen(db, Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), { name: 'UnknownError' }))
        : db;
    };
    const { keeper, outcome, restored } = await startStore(depsFor(open));
    expect(outcome).toBe('recreated');
    expect(keeper.mode).toBe('indexeddb');
    expect(restored).toMatchObject({ jobs: 2, applications: 1 });
    // The plain job was only in the damaged database: gone with it (a visit brings it back).
    expect((await keeper.db.jobs.toArray()).map((r) => r.jobId).sort()).toEqual([recorded.applied.jobId, recorded.noted.jobId]);
    expect(keeper.status().notices[0]?.text).toMatch(/^Job Lens could not open its database \(Internal error opening backing store/);
  });

  it('restores after a failed upgrade', async () => {
    const { name, recorded } = await sessionWithData();
    // The next release is the version after today's: every shipped step, then one whose upgrade throws.
    const next = LATEST_VERSION + 1;
    const nextRelease = () =>
      openDbWith(
        [
          ...MIGRATIONS,
          {
            version: next,
            stores: {},
            upgrade: async () => {
              throw new Error(`upgrade to version ${next} failed for job 7600000000000000001`);
            },
          },
        ],
        name,
      );
    const { keeper, outcome } = await startStore(depsFor(nextRelease));
    expect(outcome).toBe('recreated');
    expect(keeper.db.verno).toBe(next);
    expect(keeper.status().notices[0]?.text).toContain(`upgrade to version ${next} failed`);
    expect((await keeper.db.jobs.get(recorded.applied.jobId))?.status).toBe('applied');
    expect((await keeper.db.profile.get('me'))?.data).toMatchObject({ locations: ['Singapore'] });
  });

  it('leaves an unopenable database alone when the copy is empty, and runs in memory', async () => {
    const name = uniqueName();
    const seeded = openDb(name);
    await seeded.jobs.add({ ...(await import('../../../../lib/store/jobs')).newJobRecord(makePosting(), T0.toISOString()) });
    seeded.close();
    const open = () => throwingOnOpen(openDb(name), Object.assign(new Error('broken'), { name: 'UnknownError' }));
    const { keeper, outcome } = await startStore(depsFor(open));
    expect(outcome).toBe('memory');
    expect(keeper.status().notices[0]?.kind).toBe('unavailable');
    const check = openDb(name);
    expect(await check.jobs.count()).toBe(1);
    check.close();
  });

  it('never overwrites what the database has: only jobs it lacks are added', async () => {
    const { name, recorded } = await sessionWithData();
    const db = openDb(name);
    // The user changed the noted job after the copy was written (say the copy's write failed).
    await db.jobs.update(recorded.noted.jobId, { notes: 'newer notes', status: 'interviewing', appliedAt: T0.toISOString() });
    await db.jobs.delete(recorded.applied.jobId);
    await db.profile.put({ id: 'me', data: { skills: ['Go'] }, updatedAt: clock.toISOString() });
    db.close();

    const again = openDb(name);
    const { keeper, outcome, restored } = await startStore(depsFor(() => again));
    expect(outcome).toBe('restored');
    expect(restored).toMatchObject({ jobs: 1, applications: 1, profile: false, settings: 0 });
    expect(await again.jobs.get(recorded.noted.jobId)).toMatchObject({ notes: 'newer notes', status: 'interviewing' });
    expect((await again.jobs.get(recorded.plain.jobId))?.description).toBe(recorded.plain.description);
    expect((await again.profile.get('me'))?.data).toEqual({ skills: ['Go'] });
    expect(keeper.status().notices[0]?.text).toMatch(/^Job Lens found jobs missing from its database and restored 1 application from/);

    // A healthy database with everything: nothing to restore, nothing told.
    again.close();
    const third = await startStore(depsFor(() => openDb(name)));
    expect(third.outcome).toBe('opened');
  });
});

describe('a full disk at start', () => {
  // Chromium's words when the disk is full as the database opens, and the quota error a write gets.
  const fullDisk = () =>
    Object.assign(new Error('Encountered full disk while opening backing store for indexedDB.open.'), { name: 'UnknownError' });
  const quota = () =>
    Object.assign(new Error('QuotaExceededError'), {
      name: 'QuotaExceededError',
      inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    });

  async function sessionWithData() {
    const name = uniqueName();
    const { keeper } = await startStore(depsFor(() => openDb(name)));
    const recorded = await recordSomeData(backgroundOf(keeper));
    keeper.db.close();
    return { name, recorded };
  }

  it('tells a full disk from a damaged database', async () => {
    const { isStoragePressure } = await import('../../../../lib/backup/status');
    expect(isStoragePressure(fullDisk())).toBe(true);
    expect(isStoragePressure(quota())).toBe(true);
    expect(isStoragePressure({ name: 'OpenFailedError', message: 'OpenFailedError', inner: quota() })).toBe(true);
    expect(
      isStoragePressure(Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), { name: 'UnknownError' })),
    ).toBe(false);
    expect(isStoragePressure(new Error('upgrade to version 9 failed'))).toBe(false);
    expect(isStoragePressure(null)).toBe(false);
  });

  it('leaves a database that cannot open for a full disk as it is, runs on the copy, and says so', async () => {
    const { name, recorded } = await sessionWithData();
    const { keeper, outcome } = await startStore(depsFor(() => throwingOnOpen(openDb(name), fullDisk())));
    expect(outcome).toBe('memory');
    expect(keeper.mode).toBe('memory');
    const notice = keeper.status().notices.find((n) => n.kind === 'unavailable');
    expect(notice?.text).toMatch(/^Job Lens could not open its database \(the disk is full\)\. Nothing in it was deleted\./);
    expect(notice?.text).toContain('Free some space');
    // What the user recorded is there for this session, from the copy.
    expect(await keeper.db.jobs.get(recorded.applied.jobId)).toMatchObject({ status: 'applied' });
    expect(await keeper.db.jobs.get(recorded.noted.jobId)).toMatchObject({
      status: 'saved',
      notes: 'Ask Mei about the team; deadline in April.',
    });
    expect(applicationsKnown(await loadLimitState(keeper.db, clock))).toBe(1);
    // The database itself still holds every row, postings included: nothing was deleted.
    const check = openDb(name);
    expect((await check.jobs.toArray()).map((r) => r.jobId).sort()).toEqual([
      recorded.applied.jobId,
      recorded.noted.jobId,
      recorded.plain.jobId,
    ]);
    expect((await check.jobs.get(recorded.plain.jobId))?.description).toBe(recorded.plain.description);
    check.close();
  });

  it('takes an unnamed open failure on a nearly full disk for the full disk: nothing deleted, and the database back once there is room', async () => {
    const { name, recorded } = await sessionWithData();
    // Chromium's words for an I/O failure, which it also gives when no space is left.
    const internal = () => Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), { name: 'UnknownError' });
    let left = 300 * 1024;
    let opens = false;
    const deps = { ...depsFor(() => (opens ? openDb(name) : throwingOnOpen(openDb(name), internal()))), spaceLeft: async () => left };
    const { keeper, outcome } = await startStore(deps);
    expect(outcome).toBe('memory');
    expect(keeper.status().notices.find((n) => n.kind === 'unavailable')?.text).toMatch(
      /^Job Lens could not open its database \(the disk is full\)\. Nothing in it was deleted\..*Free some space/,
    );
    expect(applicationsKnown(await loadLimitState(keeper.db, clock))).toBe(1);
    const check = openDb(name);
    expect((await check.jobs.toArray()).map((r) => r.jobId).sort()).toEqual(
      [recorded.applied.jobId, recorded.noted.jobId, recorded.plain.jobId].sort(),
    );
    check.close();
    // Space again, later in the same session: the database is taken up again with every row it had.
    opens = true;
    tick();
    expect(await keeper.returnToDisk()).toBe(true);
    expect(keeper.mode).toBe('indexeddb');
    expect((await keeper.db.jobs.get(recorded.plain.jobId))?.description).toBe(recorded.plain.description);
    keeper.db.close();

    // The same words with room to spare mean a damaged database: it is made anew from the copy.
    left = NEARLY_FULL_BYTES * 4;
    let tries = 0;
    const damaged = await startStore({
      ...deps,
      open: () => ((tries += 1) === 1 ? throwingOnOpen(openDb(name), internal()) : openDb(name)),
    });
    expect(damaged.outcome).toBe('recreated');
    // Where the browser cannot tell how much room is left, nothing changes either.
    damaged.keeper.db.close();
    tries = 0;
    const unknown = await startStore({
      ...deps,
      spaceLeft: async () => undefined,
      open: () => ((tries += 1) === 1 ? throwingOnOpen(openDb(name), internal()) : openDb(name)),
    });
    expect(unknown.outcome).toBe('recreated');
    unknown.keeper.db.close();
  });

  it('puts what was recorded on the copy meanwhile into the database at the next start with space', async () => {
    const { name, recorded } = await sessionWithData();
    const full = await startStore(depsFor(() => throwingOnOpen(openDb(name), fullDisk())));
    const send = backgroundOf(full.keeper);
    // On the copy: the saved job is now applied with new notes, the plain one saved, the profile changed.
    tick();
    await send('job:setStatus', { jobId: recorded.noted.jobId, status: 'applied', appliedAt: '2026-03-01' });
    tick();
    await send('job:setNotes', { jobId: recorded.noted.jobId, notes: 'Applied after the call with Mei.' });
    // The plain job was not in the copy (nothing recorded on it): the user views it again and saves it.
    await send('posting:seen', { posting: { ...recorded.plain, extractedAt: tick().toISOString() } });
    tick();
    await send('job:setStatus', { jobId: recorded.plain.jobId, status: 'saved' });
    tick();
    await send('profile:save', { profile: { ...PROFILE, skills: ['Python', 'Spark', 'Airflow'] } });
    await send('settings:setCycleStart', { cycleStart: '2025-10-01' });
    full.keeper.db.close();

    // Space again: the database opens with its own rows and takes the later changes from the copy.
    const next = await startStore(depsFor(() => openDb(name)));
    expect(next.outcome).toBe('restored');
    expect(next.restored).toMatchObject({ jobs: 0, updated: 2, applications: 1, notes: 1, profile: true, settings: 1 });
    const db = next.keeper.db;
    expect(await db.jobs.get(recorded.noted.jobId)).toMatchObject({
      status: 'applied',
      appliedAt: '2026-03-01T12:00:00.000Z',
      notes: 'Applied after the call with Mei.',
    });
    expect((await db.jobs.get(recorded.noted.jobId))?.statusHistory.map((c) => c.status)).toEqual(['saved', 'applied']);
    // The plain job keeps its posting (it was never lost) and takes the status.
    expect(await db.jobs.get(recorded.plain.jobId)).toMatchObject({ status: 'saved', description: recorded.plain.description });
    expect(await db.jobs.get(recorded.applied.jobId)).toMatchObject({ status: 'applied' });
    expect((await db.profile.get('me'))?.data).toMatchObject({ skills: ['Python', 'Spark', 'Airflow'] });
    expect((await db.settings.get('cycleStart'))?.value).toBe('2025-10-01');
    expect(applicationsKnown(await loadLimitState(db, clock))).toBe(2);
    expect(next.keeper.status().notices.at(-1)?.text).toMatch(
      /^Job Lens found its database behind its backup copy and restored 1 application, 1 other job status, 1 note, your profile and your settings/,
    );

    // Caught up: the start after that finds nothing to do.
    db.close();
    expect((await startStore(depsFor(() => openDb(name)))).outcome).toBe('opened');
  });

  it('never deletes a database that opened when putting the copy back into it fails', async () => {
    const { name, recorded } = await sessionWithData();
    // The database lost the applied job (Chromium evicted rows), and now the disk is full too.
    const lossy = openDb(name);
    await lossy.jobs.delete(recorded.applied.jobId);
    lossy.close();
    const opened = openDb(name);
    vi.spyOn(opened, 'transaction').mockImplementation(() => Dexie.Promise.reject(quota()) as never);
    const { keeper, outcome } = await startStore(depsFor(() => opened));
    expect(outcome).toBe('memory');
    expect(keeper.status().notices.find((n) => n.kind === 'unavailable')?.text).toMatch(
      /^Job Lens could not bring its database up to date from its backup copy \(the disk is full\)\. Nothing in it was deleted\./,
    );
    expect(applicationsKnown(await loadLimitState(keeper.db, clock))).toBe(1);
    const check = openDb(name);
    expect((await check.jobs.toArray()).map((r) => r.jobId).sort()).toEqual([recorded.noted.jobId, recorded.plain.jobId]);
    check.close();
  });

  it("gives a page whose database opens the background's copy while the background runs on it", async () => {
    const { name, recorded } = await sessionWithData();
    const full = await startStore(depsFor(() => throwingOnOpen(openDb(name), fullDisk())));
    expect(await fakeBrowser.storage.session.get('jobLensMode')).toEqual({ jobLensMode: 'memory' });
    const send = backgroundOf(full.keeper);
    // Space was freed since the background started: the page could open the database, but no
    // change of this session reaches it, so the page shows the background's data.
    await send('job:setNotes', { jobId: recorded.noted.jobId, notes: 'Only in this session so far.' });
    const page = await openPageDb(send, () => openDb(name), area, sessionArea);
    expect(page.mirrored).toBe(true);
    expect((await page.db.jobs.get(recorded.noted.jobId))?.notes).toBe('Only in this session so far.');

    // A worker that stopped in memory mode and started again on the database: the page asks and uses the database.
    const healthy = await startStore({ ...depsFor(() => openDb(name)), session: undefined });
    const direct = await openPageDb(backgroundOf(healthy.keeper), () => openDb(name), area, sessionArea);
    expect(direct.mirrored).toBe(false);
    // Where the background said nothing but "indexeddb", the page does not wait for it at all.
    await startStore(depsFor(() => openDb(name)));
    const quick = await openPageDb(
      () => Promise.reject(new Error('not asked')),
      () => openDb(name),
      area,
      sessionArea,
    );
    expect(quick.mirrored).toBe(false);
  });

  it('moves onto the copy when the database is lost while the browser runs and will not open again', async () => {
    const name = uniqueName();
    const { keeper } = await startStore(depsFor(() => openDb(name)));
    let handlers = createHandlers({ db: keeper.db, now: () => clock, data: keeper });
    keeper.onSwitch(() => {
      handlers = createHandlers({ db: keeper.db, now: () => clock, data: keeper });
    });
    const route = createRouter(withBackup(() => handlers, keeper));
    const send: Send = (msg, data, tabUrl) => sendMessage((m) => route(m, contextFor(msg, data, tabUrl)), msg, data, { attempts: 1 });
    const recorded = await recordSomeData(send);

    // Chromium closes the database under the worker and refuses to open it again.
    const lost = keeper.db;
    lost.close();
    vi.spyOn(lost, 'open').mockImplementation(
      () =>
        Dexie.Promise.reject(
          Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), { name: 'UnknownError' }),
        ) as ReturnType<JobLensDb['open']>,
    );

    // The message that finds it lost is answered from the copy, and the next ones too.
    const snapshot = await send('data:snapshot', {});
    expect(snapshot.jobs.map((r) => [r.jobId, r.status]).sort()).toEqual([
      [recorded.applied.jobId, 'applied'],
      [recorded.noted.jobId, 'saved'],
    ]);
    expect(keeper.mode).toBe('memory');
    expect(await fakeBrowser.storage.session.get('jobLensMode')).toEqual({ jobLensMode: 'memory' });
    expect(keeper.status().notices.find((n) => n.kind === 'unavailable')?.text).toMatch(
      /^Job Lens lost the use of its database while the browser ran \(Internal error opening backing store for indexedDB\.open\.\)\. Nothing in it was deleted\./,
    );
    tick();
    await send('job:setNotes', { jobId: recorded.noted.jobId, notes: 'Kept on the copy.' });
    expect(((await copy()).jobs[recorded.noted.jobId] as { notes: string }).notes).toBe('Kept on the copy.');
    expect(applicationsKnown((await send('limit:get', {})).limit)).toBe(1);

    // The next start opens the database, whole, and takes the note recorded meanwhile.
    vi.mocked(lost.open).mockRestore();
    const next = await startStore(depsFor(() => openDb(name)));
    expect(next.keeper.mode).toBe('indexeddb');
    expect(await next.keeper.db.jobs.get(recorded.noted.jobId)).toMatchObject({ notes: 'Kept on the copy.', status: 'saved' });
    expect((await next.keeper.db.jobs.get(recorded.plain.jobId))?.description).toBe(recorded.plain.description);
  });

  it('answers from the database when it refuses one open on a full disk and opens at the next', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    const recorded = await recordSomeData(send);

    // Chromium closed the database under the worker; its first open again fails for the full
    // disk, the one after it succeeds.
    const db = keeper.db;
    db.close({ disableAutoOpen: false });
    let refused = 0;
    vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      refused++;
      throw Object.assign(new Error('Encountered full disk while opening backing store for indexedDB.open.'), {
        name: 'QuotaExceededError',
      });
    });

    expect(applicationsKnown((await send('limit:get', {})).limit)).toBe(1);
    expect(refused).toBe(1);
    expect(keeper.mode).toBe('indexeddb');
    expect(keeper.status().notices).toEqual([]);
    await send('job:setNotes', { jobId: recorded.noted.jobId, notes: 'Kept in the database.' });
    expect(await keeper.db.jobs.get(recorded.noted.jobId)).toMatchObject({ notes: 'Kept in the database.' });
  });

  it('stays on a database that is still open when a write fails (a quota error): nothing moves', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    const { noted } = await recordSomeData(send);
    const spy = vi.spyOn(keeper.db.jobs, 'put').mockRejectedValue(quota());
    await expect(send('job:setNotes', { jobId: noted.jobId, notes: 'too much for the disk' })).rejects.toThrow();
    spy.mockRestore();
    expect(keeper.mode).toBe('indexeddb');
    expect(keeper.status().notices.map((n) => n.kind)).toEqual(['write-failed']);
  });

  it('goes back to the database once it opens again, with what was recorded meanwhile merged into it', async () => {
    const { name, recorded } = await sessionWithData();
    let diskFull = true;
    const open = () => {
      const db = openDb(name);
      return diskFull ? throwingOnOpen(db, fullDisk()) : db;
    };
    const { keeper } = await startStore(depsFor(open));
    let handlers = createHandlers({ db: keeper.db, now: () => clock, data: keeper });
    keeper.onSwitch(() => {
      handlers = createHandlers({ db: keeper.db, now: () => clock, data: keeper });
    });
    const route = createRouter(withBackup(() => handlers, keeper));
    const send: Send = (msg, data, tabUrl) => sendMessage((m) => route(m, contextFor(msg, data, tabUrl)), msg, data, { attempts: 1 });
    expect(keeper.mode).toBe('memory');

    // On the copy: a note, and a new job viewed (its posting only in memory so far).
    tick();
    await send('job:setNotes', { jobId: recorded.noted.jobId, notes: 'Written on the copy.' });
    const fresh = makePosting({ jobId: '7600000000000000009', title: 'Data Engineer Intern (Payments) - 2026 Start (BS/MS)' });
    await send('posting:seen', { posting: { ...fresh, extractedAt: tick().toISOString() } });
    expect(keeper.mode).toBe('memory');

    // Space is freed; the next message after a while finds the database opening again.
    diskFull = false;
    tick(1);
    const limit = (await send('limit:get', {})).limit;
    expect(keeper.mode).toBe('indexeddb');
    expect(applicationsKnown(limit)).toBe(1);
    expect(await fakeBrowser.storage.session.get('jobLensMode')).toEqual({ jobLensMode: 'indexeddb' });
    const check = openDb(name);
    expect(await check.jobs.get(recorded.noted.jobId)).toMatchObject({
      notes: 'Written on the copy.',
      status: 'saved',
      description: recorded.noted.description,
    });
    expect(await check.jobs.get(fresh.jobId)).toMatchObject({ title: fresh.title, description: fresh.description });
    expect((await check.jobs.get(recorded.plain.jobId))?.description).toBe(recorded.plain.description);
    check.close();
    expect(keeper.status().notices.map((n) => n.kind)).toEqual(['restored']);
    expect(keeper.status().notices[0]?.text).toMatch(/^Job Lens can use its database again/);
    // And the session goes on there.
    await send('job:setStatus', { jobId: fresh.jobId, status: 'saved' });
    expect((await keeper.db.jobs.get(fresh.jobId))?.status).toBe('saved');
  });

  it('deletes the database on disk too when the user deletes everything while running on the copy', async () => {
    const { name } = await sessionWithData();
    const full = await startStore(depsFor(() => throwingOnOpen(openDb(name), fullDisk())));
    await backgroundOf(full.keeper)('data:deleteAll', { confirm: DELETE_ALL_PHRASE });
    full.keeper.db.close();
    expect(await Dexie.exists(name)).toBe(false);
    const next = await startStore(depsFor(() => openDb(name)));
    expect(next.outcome).toBe('opened');
    expect(await next.keeper.db.jobs.count()).toBe(0);
    expect(await next.keeper.db.profile.count()).toBe(0);
  });

  it('keeps what the database changed after the copy (a copy whose write failed), field by field', async () => {
    const { name, recorded } = await sessionWithData();
    const db = openDb(name);
    const row = (await db.jobs.get(recorded.noted.jobId))!;
    // Later in the database than in the copy: its notes; the copy's status is as old as the database's.
    await db.jobs.put({ ...row, notes: 'written while the copy could not be', notesUpdatedAt: tick().toISOString() });
    db.close();
    const next = await startStore(depsFor(() => openDb(name)));
    expect(next.outcome).toBe('opened');
    expect(await next.keeper.db.jobs.get(recorded.noted.jobId)).toMatchObject({
      status: 'saved',
      notes: 'written while the copy could not be',
    });
  });
});

describe('a database emptied while the browser runs', () => {
  it('gets the copy back at the next visit of a job the copy knows, before the visit is recorded', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    const { applied, noted } = await recordSomeData(send);
    // What Chromium does to an evictable database when the disk fills.
    await keeper.db.transaction('rw', [keeper.db.jobs, keeper.db.settings, keeper.db.profile], async () => {
      await Promise.all([keeper.db.jobs.clear(), keeper.db.settings.clear(), keeper.db.profile.clear()]);
    });
    tick();
    const reply = await send('posting:seen', { posting: { ...applied, extractedAt: clock.toISOString() } });
    expect(reply.outcome).toBe('updated');
    expect(applicationsKnown(reply.limit)).toBe(1);
    expect(await keeper.db.jobs.get(applied.jobId)).toMatchObject({ status: 'applied', description: applied.description });
    expect(await keeper.db.jobs.get(noted.jobId)).toMatchObject({ notes: 'Ask Mei about the team; deadline in April.' });
    expect(keeper.status().notices.map((n) => n.text)).toEqual([
      'Job Lens found jobs missing from its database and restored 1 application, 1 other job status, 1 note, your profile and your settings from its backup copy. Postings come back as you view them again.',
    ]);
    // A job the copy does not know is just a new job.
    const fresh = makePosting({ jobId: '7600000000000000099' });
    expect((await send('posting:seen', { posting: fresh })).outcome).toBe('created');
  });

  it('does the same for a job page the content script sends to be read', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    const { applied } = await recordSomeData(send);
    await keeper.db.jobs.clear();
    tick();
    const reply = await send('page:read', jobPageRead(applied.jobId, 'Data Engineer Intern'), applied.url);
    expect(reply).toMatchObject({ read: true, seen: { outcome: 'updated' } });
    expect(await keeper.db.jobs.get(applied.jobId)).toMatchObject({ status: 'applied', title: 'Data Engineer Intern' });
  });
});

describe('a write that fails', () => {
  it('keeps the previous copy when storage.local refuses the write, and says so', async () => {
    let refuse = false;
    const flaky: KeyValueArea = {
      get: area.get,
      set: (items) => (refuse && BACKUP_KEY in items ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : area.set(items)),
    };
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName()), flaky));
    const send = backgroundOf(keeper);
    const { noted } = await recordSomeData(send);
    const before = await copy();

    refuse = true;
    tick();
    await send('job:setNotes', { jobId: noted.jobId, notes: 'written while the disk is full' });
    expect(await copy()).toEqual(before);
    const status = (await send('data:status', {})).status;
    expect(status.notices.map((n) => n.kind)).toEqual(['backup-failed']);
    expect(status.notices[0]!.text).toContain('QUOTA_BYTES quota exceeded');

    // Space again: the next change writes the copy and the notice goes.
    refuse = false;
    await send('job:setNotes', { jobId: noted.jobId, notes: 'space again' });
    expect(((await copy()).jobs[noted.jobId] as { notes: string }).notes).toBe('space again');
    expect((await send('data:status', {})).status.notices).toEqual([]);
  });

  it('records a database write that fails, replies with the error, and leaves the copy as it was', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    const { applied } = await recordSomeData(send);
    const before = await copy();

    const spy = vi
      .spyOn(keeper.db.jobs, 'put')
      .mockRejectedValue(Object.assign(new Error('QuotaExceededError: the disk is full'), { name: 'QuotaExceededError' }));
    tick();
    await expect(send('job:setStatus', { jobId: applied.jobId, status: 'interviewing' })).rejects.toThrow(/disk is full/);
    spy.mockRestore();
    expect(await copy()).toEqual(before);
    const status = (await send('data:status', {})).status;
    expect(status.lastWriteFailure).toEqual({ at: clock.toISOString(), message: 'QuotaExceededError: the disk is full' });
    expect(status.notices.map((n) => n.kind)).toEqual(['write-failed']);
    // The notice is kept in storage.session, for the popup opened after the worker restarted, and
    // not in storage.local: a write to a full disk can damage the store the copy is in.
    expect((await fakeBrowser.storage.session.get('jobLensStatus')).jobLensStatus).toMatchObject({ notices: [{ kind: 'write-failed' }] });
    expect(
      ((await fakeBrowser.storage.local.get('jobLensStatus')).jobLensStatus as { notices?: unknown[] } | undefined)?.notices ?? [],
    ).toEqual([]);
    keeper.db.close();
    const restarted = await startStore(depsFor(() => openDb(keeper.db.name)));
    expect(restarted.keeper.status().notices.map((n) => n.kind)).toEqual(['write-failed']);
    const sendAgain = backgroundOf(restarted.keeper);

    // Dismissed by the user: gone for good.
    await sendAgain('data:dismissNotice', { id: status.notices[0]!.id });
    expect((await sendAgain('data:status', {})).status.notices).toEqual([]);
  });

  describe('a job view refused for a full disk', () => {
    const diskFull = () => Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    /** The background with its retry timer in the test's hands. */
    async function backgroundWithTimer() {
      const timers: (() => Promise<void>)[] = [];
      const { keeper } = await startStore({ ...depsFor(() => openDb(uniqueName())), later: (retry) => void timers.push(retry) });
      return { keeper, send: backgroundOf(keeper), timers };
    }
    it('is saved once the database takes writes again, without the user viewing the job again', async () => {
      const { keeper, send, timers } = await backgroundWithTimer();
      const posting = makePosting({ jobId: '7600000000000000011', extractedAt: tick().toISOString() });
      const spy = vi.spyOn(keeper.db.jobs, 'add').mockRejectedValue(diskFull());
      await expect(send('posting:seen', { posting })).rejects.toThrow(/QuotaExceeded/);
      expect(keeper.unsavedCount).toBe(1);
      expect(timers).toHaveLength(1);

      // Still full at the first retry: kept, and tried again later.
      tick();
      await timers.shift()!();
      expect(await keeper.db.jobs.get(posting.jobId)).toBeUndefined();
      expect(keeper.unsavedCount).toBe(1);
      expect(timers).toHaveLength(1);

      spy.mockRestore();
      tick();
      await timers.shift()!();
      expect(await keeper.db.jobs.get(posting.jobId)).toMatchObject({ jobId: posting.jobId, title: posting.title, status: 'seen' });
      expect(keeper.unsavedCount).toBe(0);
      expect(timers).toHaveLength(0);
      const status = (await send('data:status', {})).status;
      expect(status.lastWriteFailure).toBeNull();
      expect(status.notices.find((n) => n.kind === 'restored')?.text).toBe(
        'Job Lens has now saved a job you viewed while it could not write to its database.',
      );
    });

    it('is saved before the next message is answered, once a few seconds have passed', async () => {
      const { keeper, send } = await backgroundWithTimer();
      const first = makePosting({ jobId: '7600000000000000012', extractedAt: tick().toISOString() });
      const spy = vi.spyOn(keeper.db.jobs, 'add').mockRejectedValue(diskFull());
      await expect(send('posting:seen', { posting: first })).rejects.toThrow();
      spy.mockRestore();
      // Within the retry interval nothing is tried: a busy page's messages do not each retry.
      clock = new Date(clock.getTime() + 1_000);
      await send('data:status', {});
      expect(keeper.unsavedCount).toBe(1);
      clock = new Date(clock.getTime() + 3_000);
      const second = makePosting({ jobId: '7600000000000000013', extractedAt: clock.toISOString() });
      await send('posting:seen', { posting: second });
      expect((await keeper.db.jobs.bulkGet([first.jobId, second.jobId])).map((row) => row?.jobId)).toEqual([first.jobId, second.jobId]);
      // The first view came before the second and is recorded so: the limit's order is by time.
      expect(keeper.unsavedCount).toBe(0);
    });

    it('holds a job page the content script sent to be read, and saves it at the retry', async () => {
      const { keeper, send, timers } = await backgroundWithTimer();
      const jobId = '7600000000000000014';
      const url = `https://lifeattiktok.com/search/${jobId}`;
      const spy = vi.spyOn(keeper.db.jobs, 'add').mockRejectedValue(diskFull());
      await expect(send('page:read', jobPageRead(jobId, 'Data Engineer Intern'), url)).rejects.toThrow(/QuotaExceeded/);
      // A reading not yet ready writes nothing, so nothing waits for it.
      await send('page:read', { jobId, page: { lines: [], og: null, title: null, h1: [] }, last: null }, url);
      expect(keeper.unsavedCount).toBe(1);
      spy.mockRestore();
      tick();
      await timers.shift()!();
      expect(await keeper.db.jobs.get(jobId)).toMatchObject({ title: 'Data Engineer Intern', status: 'seen', locations: ['Singapore'] });
      expect(keeper.unsavedCount).toBe(0);
    });

    it('keeps the latest view of each job and at most 50 views, the oldest dropped first', async () => {
      const { keeper, send, timers } = await backgroundWithTimer();
      const spy = vi.spyOn(keeper.db.jobs, 'add').mockRejectedValue(diskFull());
      const ids = Array.from({ length: 52 }, (_, i) => `76000000000000001${String(i).padStart(2, '0')}`);
      for (const jobId of ids)
        await expect(send('posting:seen', { posting: makePosting({ jobId, extractedAt: tick().toISOString() }) })).rejects.toThrow();
      const again = makePosting({ jobId: ids[5]!, title: 'Data Engineer Intern (read again)', extractedAt: tick().toISOString() });
      await expect(send('posting:seen', { posting: again })).rejects.toThrow();
      expect(keeper.unsavedCount).toBe(50);
      expect(timers).toHaveLength(1);
      spy.mockRestore();
      tick();
      await timers.shift()!();
      const kept = new Set((await keeper.db.jobs.toCollection().primaryKeys()) as string[]);
      // 53 views of 52 jobs, 50 kept: the two oldest jobs not viewed again are the ones dropped.
      expect(ids.filter((id) => !kept.has(id))).toEqual([ids[0], ids[1]]);
      expect((await keeper.db.jobs.get(ids[5]!))?.title).toBe('Data Engineer Intern (read again)');
    });

    it('never holds a change the user made: the popup tells them it failed, and they act again', async () => {
      const { keeper, send, timers } = await backgroundWithTimer();
      const { noted } = await recordSomeData(send);
      const spy = vi.spyOn(keeper.db.jobs, 'put').mockRejectedValue(diskFull());
      await expect(send('job:setNotes', { jobId: noted.jobId, notes: 'Call back on Monday.' })).rejects.toThrow();
      spy.mockRestore();
      expect(keeper.unsavedCount).toBe(0);
      expect(timers).toHaveLength(0);
    });
  });

  it('never writes a copy computed from a database that failed to read', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    const { noted } = await recordSomeData(send);
    const before = await copy();
    const spy = vi.spyOn(keeper.db.jobs, 'bulkGet').mockRejectedValue(Object.assign(new Error('read failed'), { name: 'UnknownError' }));
    await send('job:setNotes', { jobId: noted.jobId, notes: 'saved, but the copy cannot read it back' });
    spy.mockRestore();
    expect(await copy()).toEqual(before);
    expect(keeper.status().notices[0]?.text).toContain('the database could not be read: read failed');
  });
});

describe('where IndexedDB is unavailable (Firefox, "Never remember history")', () => {
  // What Dexie reports there: its OpenFailedError around the browser's InvalidStateError.
  const privateOpen = (name: string) => () =>
    throwingOnOpen(
      openDb(name),
      Object.assign(new Error('OpenFailedError'), {
        name: 'OpenFailedError',
        inner: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'),
      }),
    );

  it('runs on an in-memory database seeded from the copy, keeps every change in the copy, and says so once', async () => {
    const name = uniqueName();
    const first = await startStore(depsFor(privateOpen(name)));
    expect(first.outcome).toBe('memory');
    expect(first.keeper.mode).toBe('memory');
    expect(first.keeper.status().notices.map((n) => n.kind)).toEqual(['private-mode']);
    const send = backgroundOf(first.keeper);
    const { applied, plain } = await recordSomeData(send);
    expect(applicationsKnown((await send('limit:get', {})).limit)).toBe(1);
    await send('data:dismissNotice', { id: first.keeper.status().notices[0]!.id });

    // The next session: applications, statuses, notes and the profile come back; the plain posting does not.
    const second = await startStore(depsFor(privateOpen(name)));
    expect(second.outcome).toBe('memory');
    expect(await second.keeper.db.jobs.get(applied.jobId)).toMatchObject({ status: 'applied', extractedAt: RESTORED_EXTRACTED_AT });
    expect(await second.keeper.db.jobs.get(plain.jobId)).toBeUndefined();
    expect((await second.keeper.db.profile.get('me'))?.data).toMatchObject({ skills: ['Python', 'Spark'] });
    expect(applicationsKnown(await loadLimitState(second.keeper.db, clock))).toBe(1);
    // Told once, not at every start.
    expect(second.keeper.status().notices).toEqual([]);
  });

  it('gives extension pages a mirror of the background’s data that follows its changes', async () => {
    const name = uniqueName();
    const { keeper } = await startStore(depsFor(privateOpen(name)));
    const send = backgroundOf(keeper);
    const { noted } = await recordSomeData(send);
    const page = await openPageDb(send, privateOpen(name));
    expect(page.mirrored).toBe(true);
    expect((await page.db.jobs.toArray()).map((r) => r.jobId).sort()).toEqual([
      '7600000000000000001',
      '7600000000000000002',
      '7600000000000000003',
    ]);
    await send('job:setStatus', { jobId: noted.jobId, status: 'rejected', appliedAt: '2026-02-20' });
    await page.refresh();
    expect(await page.db.jobs.get(noted.jobId)).toMatchObject({ status: 'rejected', appliedAt: '2026-02-20T12:00:00.000Z' });
  });

  it('mirrors the background when the page cannot open the database, or shows the copy when the background cannot answer', async () => {
    const name = uniqueName();
    const { keeper } = await startStore(depsFor(() => openDb(name)));
    const send = backgroundOf(keeper);
    const { applied } = await recordSomeData(send);
    const broken = () =>
      throwingOnOpen(openDb(name), Object.assign(new Error('Encountered full disk while opening backing store'), { name: 'UnknownError' }));
    const page = await openPageDb(send, broken, area);
    expect(page.mirrored).toBe(true);
    expect(await page.db.jobs.count()).toBe(3);

    const silent = await openPageDb(() => Promise.reject(new Error('data:snapshot failed: the database could not be read')), broken, area);
    expect(silent.mirrored).toBe(true);
    expect((await silent.db.jobs.toArray()).map((r) => [r.jobId, r.status])).toEqual([
      [applied.jobId, 'applied'],
      ['7600000000000000002', 'saved'],
    ]);
  });

  it('opens the database itself where IndexedDB works', async () => {
    const page = await openPageDb(
      () => Promise.reject(new Error('not asked')),
      () => openDb(uniqueName()),
    );
    expect(page.mirrored).toBe(false);
  });
});

describe("the site's own applications", () => {
  // Shaped like a row of the TikTok account's application history (title, id, status, date).
  const HISTORY_PAGE = 'https://lifeattiktok.com/position/application';
  const historyRow = {
    title: 'Data Engineer Intern (Payments) - 2026 Start (BS/MS)',
    jobId: '7600000000000000020',
    viaReferral: false,
    status: 'Resume screening',
    appliedAt: '2026-02-20',
  };

  it('restores a copy that holds only applications the history page showed', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    await backgroundOf(keeper)('history:read', { rows: [historyRow] }, HISTORY_PAGE);
    expect((await copy()).siteApplications).toMatchObject([{ jobId: historyRow.jobId, status: 'Resume screening' }]);

    const fresh = openDb(uniqueName());
    const { outcome, restored } = await startStore(depsFor(() => fresh));
    expect(outcome).toBe('restored');
    expect(restored).toMatchObject({ jobs: 0, applications: 1 });
    expect(await fresh.siteApplications.count()).toBe(1);
    expect(applicationsKnown(await loadLimitState(fresh, clock))).toBe(1);
  });

  it('moves an application onto its job in the copy when the job is first viewed, so a restore counts it once', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    await send('history:read', { rows: [historyRow] }, HISTORY_PAGE);
    tick();
    const job = makePosting({ jobId: historyRow.jobId, title: historyRow.title });
    await send('posting:seen', { posting: job });
    // The database moved the site's row onto the job: the copy follows at once.
    expect(await keeper.db.siteApplications.count()).toBe(0);
    expect((await copy()).siteApplications).toEqual([]);
    // The history's date is a day on the user's calendar: its local noon.
    expect((await copy()).jobs[job.jobId]).toMatchObject({ status: 'applied', appliedAt: localNoon('2026-02-20') });
    await send('job:setStatus', { jobId: job.jobId, status: 'interviewing' });
    expect(applicationsKnown(await loadLimitState(keeper.db, clock))).toBe(1);

    const fresh = openDb(uniqueName());
    const { restored } = await startStore(depsFor(() => fresh));
    expect(restored).toMatchObject({ jobs: 1, applications: 1 });
    expect(await fresh.siteApplications.count()).toBe(0);
    expect(applicationsKnown(await loadLimitState(fresh, clock))).toBe(1);
  });

  it('keeps them in the copy when the database lost its rows while the browser ran', async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    await recordSomeData(send);
    await send('history:read', { rows: [historyRow] }, HISTORY_PAGE);
    await keeper.db.transaction('rw', keeper.db.tables, async () => {
      for (const table of keeper.db.tables) await table.clear();
    });
    // A job the copy does not know: nothing to heal first, and the site's table reads empty.
    await send('posting:seen', { posting: makePosting({ jobId: '7600000000000000098' }) });
    expect((await copy()).siteApplications).toMatchObject([{ jobId: historyRow.jobId }]);

    const { restored } = await startStore(depsFor(() => keeper.db));
    expect(restored).toMatchObject({ jobs: 2, applications: 2 });
    expect(await keeper.db.siteApplications.count()).toBe(1);
  });

  it('empties the copy with the database when the user deletes everything, so nothing comes back at the next start', async () => {
    const name = uniqueName();
    const { keeper } = await startStore(depsFor(() => openDb(name)));
    const send = backgroundOf(keeper);
    await recordSomeData(send);
    await send('history:read', { rows: [historyRow] }, HISTORY_PAGE);
    tick();
    await send('data:deleteAll', { confirm: DELETE_ALL_PHRASE });
    for (const table of keeper.db.tables) expect(await table.count()).toBe(0);
    expect(await copy()).toEqual({ ...emptyBackup(clock.toISOString()) });
    keeper.db.close();

    const next = await startStore(depsFor(() => openDb(name)));
    expect(next.outcome).toBe('opened');
    expect(await next.keeper.db.jobs.count()).toBe(0);
    expect(applicationsKnown(await loadLimitState(next.keeper.db, clock))).toBe(0);
  });

  it("keeps version 3's fields of a job through a restore: referral, undated application, the site's status, the program, the question's next time", async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    const referred = { jobId: historyRow.jobId };
    const pending = makePosting({ jobId: '7600000000000000021' });
    // Read on the job's referral page: the job keeps that it came through a referral.
    await send(
      'page:read',
      { jobId: referred.jobId, page: campusPageText('Data Engineer Intern (Payments)'), last: null },
      `https://lifeattiktok.com/referral/tiktok/position/${referred.jobId}/detail`,
    );
    await send('posting:seen', { posting: pending });
    tick();
    // The history shows the application without a date.
    await send('history:read', { rows: [{ ...historyRow, appliedAt: null }] }, HISTORY_PAGE);
    await send('job:setProgram', { jobId: referred.jobId, program: { key: 'intern-bsms:2026-start', label: 'Intern 2026 Start (BS/MS)' } });
    await send('apply:started', { site: 'tiktok', jobId: pending.jobId });
    tick();
    await send('apply:later', { jobId: pending.jobId });
    const before = await keeper.db.jobs.bulkGet([referred.jobId, pending.jobId]);
    expect(before[0]).toMatchObject({
      viaReferral: true,
      appliedDateUnknown: true,
      siteStatus: { text: 'Resume screening' },
      programOverride: { key: 'intern-bsms:2026-start' },
    });
    expect(before[1]?.applyAskAgainAt).not.toBeNull();

    const fresh = openDb(uniqueName());
    await startStore(depsFor(() => fresh));
    const after = await fresh.jobs.bulkGet([referred.jobId, pending.jobId]);
    const v3Fields = (row: JobRecord | undefined) => {
      const { viaReferral, appliedDateUnknown, applyAskAgainAt, siteStatus, programOverride, appliedAt, applyStartedAt } = row!;
      return { viaReferral, appliedDateUnknown, applyAskAgainAt, siteStatus, programOverride, appliedAt, applyStartedAt };
    };
    expect(after.map(v3Fields)).toEqual(before.map(v3Fields));
  });

  it("drops an application from the copy when the user undoes it on the site's confirmation page", async () => {
    const { keeper } = await startStore(depsFor(() => openDb(uniqueName())));
    const send = backgroundOf(keeper);
    await recordSomeData(send);
    // A form opened for a job never read, then the site's confirmation in the same tab.
    const unread = '7600000000000000030';
    await send('apply:started', { site: 'tiktok', jobId: unread });
    tick();
    const CONFIRMATION = 'https://lifeattiktok.com/resume/applied';
    const submitted = await send('apply:submitted', {}, CONFIRMATION);
    expect(submitted.recorded).toBe('site');
    expect((await copy()).siteApplications).toMatchObject([{ jobId: unread, source: 'confirmation' }]);

    const undone = await send('apply:undo', { recordingId: submitted.recordingId! }, CONFIRMATION);
    expect(undone.undone).toBe(true);
    expect((await copy()).siteApplications).toEqual([]);
    const fresh = openDb(uniqueName());
    await startStore(depsFor(() => fresh));
    expect(await fresh.siteApplications.count()).toBe(0);
    expect(applicationsKnown(await loadLimitState(fresh, clock))).toBe(1);
  });
});
