import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationRowOf } from '../../../../lib/store/applications';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { deleteAllData } from '../../../../lib/store/erase';
import { confirmApplication, deleteJob, recordApplyStarted, recordPostingSeen, setNotes, setStatus } from '../../../../lib/store/jobs';
import { loadLimitState, setProgramOverride } from '../../../../lib/store/limit';
import type { JobRecord } from '../../../../lib/store/schema';
import { exportJson } from '../../../../lib/transfer/export';
import { importJson } from '../../../../lib/transfer/import';
import { seededRandom } from '../../../seeded-random';
import { makePosting } from '../../support/factory';

/**
 * The `applications` table is derived from `jobs` by a database middleware. Whatever writes the
 * jobs (the store's functions, Dexie's own calls, an import, an erase), the table must equal the
 * applied jobs' projection after every transaction, and follow a failed one by not changing.
 */

const opened: JobLensDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

let counter = 0;
function fresh(): JobLensDb {
  const db = openDb(`applications-table-${++counter}`);
  opened.push(db);
  return db;
}

const NOW = new Date('2026-03-10T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** What the table must hold: the projection of every applied job, in job id order. */
async function expectInStep(db: JobLensDb): Promise<void> {
  const jobs = await db.jobs.orderBy('jobId').toArray();
  const expected = jobs.map(applicationRowOf).filter((row) => row !== null);
  expect(await db.applications.orderBy('jobId').toArray()).toEqual(expected);
}

function posting(n: number, title = `Software Engineer Intern (${2026 + (n % 2)} Start) - BS/MS`) {
  return makePosting({
    jobId: `75000000000000${String(n).padStart(5, '0')}`,
    url: `https://lifeattiktok.com/search/75000000000000${String(n).padStart(5, '0')}`,
    title,
  });
}

describe('the applications table', () => {
  it('follows each of the store’s writes: applied, a status later, undone, confirmed, a program corrected, a note, deleted', async () => {
    const db = fresh();
    const [a, b, c] = [posting(1), posting(2), posting(3)];
    for (const p of [a, b, c]) await recordPostingSeen(db, p, NOW);
    await expectInStep(db);
    expect(await db.applications.count()).toBe(0);

    await setStatus(db, a.jobId, 'applied', later(1), { appliedAt: '2026-03-01T10:00:00.000Z' });
    await expectInStep(db);
    expect((await db.applications.get(a.jobId))?.status).toBe('applied');

    await setStatus(db, a.jobId, 'rejected', later(2));
    await expectInStep(db);
    // Still counted, with its status since.
    expect((await db.applications.get(a.jobId))?.status).toBe('rejected');

    await recordApplyStarted(db, b.jobId, later(3));
    await expectInStep(db);
    expect(await db.applications.get(b.jobId)).toBeUndefined();
    await confirmApplication(db, b.jobId, later(4));
    await expectInStep(db);

    await setProgramOverride(db, b.jobId, 'none', later(5));
    await expectInStep(db);
    expect((await db.applications.get(b.jobId))?.programOverride).toBe('none');

    await setNotes(db, a.jobId, 'Interview with the data team', later(6));
    await expectInStep(db);

    // Going back to "saved" undoes the application: its row goes.
    await setStatus(db, a.jobId, 'saved', later(7));
    await expectInStep(db);
    expect(await db.applications.get(a.jobId)).toBeUndefined();

    await deleteJob(db, b.jobId);
    await expectInStep(db);
    expect(await db.applications.count()).toBe(0);
  });

  it('follows Dexie’s own writes in any mix: put, bulkPut, update, modify, delete, bulkDelete, a range deleted, clear', async () => {
    const db = fresh();
    const random = seededRandom(20261202);
    const base: JobRecord[] = [];
    for (let n = 0; n < 40; n++) {
      await recordPostingSeen(db, posting(n), NOW);
      base.push((await db.jobs.get(posting(n).jobId))!);
    }
    const applied = (job: JobRecord, n: number): JobRecord => ({
      ...job,
      status: 'applied',
      appliedAt: `2026-0${1 + (n % 3)}-1${n % 10}T10:00:00.000Z`,
    });
    const pick = () => base[Math.floor(random() * base.length)]!;
    for (let step = 0; step < 200; step++) {
      const job = pick();
      const op = Math.floor(random() * 8);
      if (op === 0) await db.jobs.put(applied(job, step));
      else if (op === 1) await db.jobs.bulkPut([applied(pick(), step), { ...pick(), appliedAt: null, status: 'seen' }]);
      else if (op === 2) await db.jobs.update(job.jobId, { status: 'interviewing', appliedAt: '2026-02-02T10:00:00.000Z' });
      else if (op === 3) await db.jobs.update(job.jobId, { appliedAt: null, status: 'saved' });
      else if (op === 4) await db.jobs.where('status').equals('interviewing').modify({ status: 'offer' });
      else if (op === 5) await db.jobs.delete(job.jobId);
      else if (op === 6) await db.jobs.bulkDelete([pick().jobId, pick().jobId]);
      else if (step % 50 === 7) await db.jobs.clear();
      else await db.jobs.where('jobId').between(base[5]!.jobId, base[9]!.jobId).delete();
      await expectInStep(db);
    }
  });

  it('does not change when the transaction that wrote the job fails', async () => {
    const db = fresh();
    const p = posting(1);
    await recordPostingSeen(db, p, NOW);
    const job = (await db.jobs.get(p.jobId))!;
    await expect(
      db.transaction('rw', db.jobs, async () => {
        await db.jobs.put({ ...job, status: 'applied', appliedAt: '2026-03-01T10:00:00.000Z' });
        throw new Error('something after the write failed');
      }),
    ).rejects.toThrow('something after the write failed');
    expect(await db.applications.count()).toBe(0);
    await expectInStep(db);
  });

  it('is rebuilt by an import and emptied by an erase', async () => {
    const source = fresh();
    for (const n of [1, 2, 3]) await recordPostingSeen(source, posting(n), NOW);
    await setStatus(source, posting(1).jobId, 'applied', later(1), { appliedAt: '2026-03-01T10:00:00.000Z' });
    await setStatus(source, posting(3).jobId, 'withdrawn', later(2), { appliedAt: '2026-02-01T10:00:00.000Z' });
    const file = await exportJson(source, later(3));

    const target = fresh();
    const result = await importJson(target, file, later(4));
    expect(result.ok).toBe(true);
    await expectInStep(target);
    expect((await target.applications.orderBy('appliedAt').primaryKeys()).length).toBe(2);

    await deleteAllData(target);
    expect(await target.applications.count()).toBe(0);
  });

  it('is what the limit counts, and a live read of the limit follows a status change', async () => {
    const db = fresh();
    const [a, b] = [posting(1), posting(3)];
    for (const p of [a, b]) await recordPostingSeen(db, p, NOW);
    const seen: number[] = [];
    const subscription = liveQuery(() => loadLimitState(db, later(10))).subscribe((state) =>
      seen.push(state.programs.reduce((sum, p) => sum + p.used, 0)),
    );
    try {
      const waitFor = async (used: number) => {
        for (let i = 0; i < 100 && seen.at(-1) !== used; i++) await new Promise((r) => setTimeout(r, 10));
        expect(seen.at(-1)).toBe(used);
      };
      await waitFor(0);
      await setStatus(db, a.jobId, 'applied', later(1), { appliedAt: '2026-03-01T10:00:00.000Z' });
      await waitFor(1);
      await setStatus(db, b.jobId, 'applied', later(2), { appliedAt: '2026-03-02T10:00:00.000Z' });
      await waitFor(2);
      await setStatus(db, a.jobId, 'seen', later(3));
      await waitFor(1);
    } finally {
      subscription.unsubscribe();
    }
  });
});
