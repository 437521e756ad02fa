import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import {
  acknowledgeChange,
  confirmApplication,
  deleteJob,
  dismissApplyPrompt,
  getJob,
  getVersions,
  listApplications,
  listByStatus,
  listRecent,
  pendingConfirmations,
  recordApplyStarted,
  recordPostingSeen,
  setNotes,
  setStatus,
} from '../../../../lib/store/jobs';
import { makePosting } from '../../support/factory';

let db: JobLensDb;
let n = 0;
async function withJobs(count: number) {
  n += 1;
  db = openDb(`applications-test-${n}`);
  const postings = Array.from({ length: count }, () => makePosting());
  for (const [i, p] of postings.entries()) {
    await recordPostingSeen(db, p, new Date(Date.UTC(2025, 8, 1 + i, 9)));
  }
  return postings.map((p) => p.jobId);
}
afterEach(async () => {
  await db?.delete();
});

const t = (iso: string) => new Date(iso);

describe('statuses', () => {
  it('records every change with its time, and keeps the extracted fields', async () => {
    const [id] = await withJobs(1);
    await setStatus(db, id!, 'saved', t('2025-10-01T10:00:00Z'));
    await setStatus(db, id!, 'applied', t('2025-10-03T10:00:00Z'), { appliedAt: '2025-10-02' });
    const result = await setStatus(db, id!, 'interviewing', t('2025-10-10T10:00:00Z'));
    expect(result.ok).toBe(true);
    const job = await getJob(db, id!);
    expect(job?.status).toBe('interviewing');
    expect(job?.statusHistory).toEqual([
      { status: 'saved', at: '2025-10-01T10:00:00.000Z' },
      { status: 'applied', at: '2025-10-03T10:00:00.000Z' },
      { status: 'interviewing', at: '2025-10-10T10:00:00.000Z' },
    ]);
    // A bare date is kept at noon UTC so it reads as the same day in every time zone.
    expect(job?.appliedAt).toBe('2025-10-02T12:00:00.000Z');
    expect(job?.userUpdatedAt).toBe('2025-10-10T10:00:00.000Z');
  });

  it('refuses "applied" without a date and changes nothing', async () => {
    const [id] = await withJobs(1);
    const before = await getJob(db, id!);
    const result = await setStatus(db, id!, 'applied', t('2025-10-03T10:00:00Z'));
    expect(result).toMatchObject({ ok: false, reason: 'needs-applied-date' });
    expect(await getJob(db, id!)).toEqual(before);
  });

  it('refuses a status after applying when no application was recorded', async () => {
    const [id] = await withJobs(1);
    expect(await setStatus(db, id!, 'rejected', t('2025-10-03T10:00:00Z'))).toMatchObject({
      ok: false,
      reason: 'needs-applied-date',
    });
  });

  it('refuses a malformed or future application date', async () => {
    const [id] = await withJobs(1);
    const now = t('2025-10-03T10:00:00Z');
    expect(await setStatus(db, id!, 'applied', now, { appliedAt: '03/10/2025' })).toMatchObject({ reason: 'invalid-input' });
    expect(await setStatus(db, id!, 'applied', now, { appliedAt: '2025-12-24' })).toMatchObject({ reason: 'invalid-input' });
    expect((await getJob(db, id!))?.status).toBe('seen');
  });

  it('going back to "saved" undoes a mistaken application', async () => {
    const [id] = await withJobs(1);
    await setStatus(db, id!, 'applied', t('2025-10-03T10:00:00Z'), { appliedAt: '2025-10-03' });
    await setStatus(db, id!, 'saved', t('2025-10-03T11:00:00Z'));
    const job = await getJob(db, id!);
    expect(job?.appliedAt).toBeNull();
    expect(await listApplications(db)).toEqual([]);
  });

  it('setting the same status again adds no history entry', async () => {
    const [id] = await withJobs(1);
    await setStatus(db, id!, 'saved', t('2025-10-01T10:00:00Z'));
    await setStatus(db, id!, 'saved', t('2025-10-02T10:00:00Z'));
    expect((await getJob(db, id!))?.statusHistory).toHaveLength(1);
  });

  it('answers not-found and invalid-input without throwing', async () => {
    await withJobs(1);
    expect(await setStatus(db, '7000000000000000001', 'saved', t('2025-10-01T00:00:00Z'))).toMatchObject({ reason: 'not-found' });
    expect(await setStatus(db, '../etc', 'saved', t('2025-10-01T00:00:00Z'))).toMatchObject({ reason: 'invalid-input' });
  });

  it('a re-visit keeps the status, history, notes and application', async () => {
    const [id] = await withJobs(1);
    await setStatus(db, id!, 'applied', t('2025-10-03T10:00:00Z'), { appliedAt: '2025-10-03' });
    await setNotes(db, id!, 'Referred by Sam', t('2025-10-03T10:05:00Z'));
    const job = await getJob(db, id!);
    await recordPostingSeen(
      db,
      { ...makePosting({ jobId: id! }), title: 'Renamed', extractedAt: '2025-10-05T00:00:00.000Z' },
      t('2025-10-05T00:00:00Z'),
    );
    const after = await getJob(db, id!);
    expect(after).toMatchObject({
      title: 'Renamed',
      status: 'applied',
      statusHistory: job!.statusHistory,
      notes: 'Referred by Sam',
      appliedAt: '2025-10-03T12:00:00.000Z',
      changedFields: ['title'],
    });
    expect(await getVersions(db, id!)).toHaveLength(1);
    await acknowledgeChange(db, id!);
    expect(await getJob(db, id!)).toMatchObject({ changedFields: [], changedAt: null });
    expect(await getVersions(db, id!)).toHaveLength(1);
  });
});

describe('notes', () => {
  it('stores free text with the time it was written and refuses oversized notes', async () => {
    const [id] = await withJobs(1);
    await setNotes(db, id!, 'Salary band: ask recruiter', t('2025-10-01T10:00:00Z'));
    expect(await getJob(db, id!)).toMatchObject({ notes: 'Salary band: ask recruiter', notesUpdatedAt: '2025-10-01T10:00:00.000Z' });
    expect(await setNotes(db, id!, 'x'.repeat(20_001), t('2025-10-01T11:00:00Z'))).toMatchObject({ reason: 'invalid-input' });
    expect((await getJob(db, id!))?.notes).toBe('Salary band: ask recruiter');
  });
});

describe('the apply flow', () => {
  it('opening the form is pending, not counted, until confirmed', async () => {
    const [a, b] = await withJobs(2);
    await recordApplyStarted(db, a!, t('2025-10-04T09:30:00Z'));
    expect((await pendingConfirmations(db)).map((j) => j.jobId)).toEqual([a]);
    expect(await listApplications(db)).toEqual([]);

    await confirmApplication(db, a!, t('2025-10-05T08:00:00Z'));
    const job = await getJob(db, a!);
    // The form was opened at 09:30 on the 4th; that is the best estimate of the submission.
    expect(job).toMatchObject({ status: 'applied', appliedAt: '2025-10-04T09:30:00.000Z', applyStartedAt: null });
    expect(await pendingConfirmations(db)).toEqual([]);
    expect((await listApplications(db)).map((j) => j.jobId)).toEqual([a]);

    await recordApplyStarted(db, b!, t('2025-10-06T09:30:00Z'));
    await dismissApplyPrompt(db, b!, t('2025-10-06T10:00:00Z'));
    expect(await pendingConfirmations(db)).toEqual([]);
    expect((await getJob(db, b!))?.status).toBe('seen');
  });

  it('confirming takes the date the user gives', async () => {
    const [a] = await withJobs(1);
    await recordApplyStarted(db, a!, t('2025-10-04T09:30:00Z'));
    await confirmApplication(db, a!, t('2025-10-09T08:00:00Z'), '2025-10-06');
    expect((await getJob(db, a!))?.appliedAt).toBe('2025-10-06T12:00:00.000Z');
  });

  it('opening the form again after applying leaves the application alone', async () => {
    const [a] = await withJobs(1);
    await setStatus(db, a!, 'applied', t('2025-10-03T10:00:00Z'), { appliedAt: '2025-10-03' });
    await recordApplyStarted(db, a!, t('2025-10-08T10:00:00Z'));
    expect(await getJob(db, a!)).toMatchObject({ applyStartedAt: null, appliedAt: '2025-10-03T12:00:00.000Z' });
    expect(await pendingConfirmations(db)).toEqual([]);
  });

  it('an unknown job cannot be started', async () => {
    await withJobs(1);
    expect(await recordApplyStarted(db, '7000000000000000002', t('2025-10-08T10:00:00Z'))).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('queries', () => {
  it('lists the most recently seen first, and by status', async () => {
    const ids = await withJobs(5);
    await recordPostingSeen(db, makePosting({ jobId: ids[1]!, extractedAt: '2025-10-01T09:00:00.000Z' }), t('2025-10-20T00:00:00Z'));
    expect((await listRecent(db, 3)).map((j) => j.jobId)).toEqual([ids[1], ids[4], ids[3]]);
    await setStatus(db, ids[2]!, 'saved', t('2025-10-21T00:00:00Z'));
    expect((await listByStatus(db, 'saved')).map((j) => j.jobId)).toEqual([ids[2]]);
  });

  it('lists applications in the order they were made', async () => {
    const ids = await withJobs(3);
    await setStatus(db, ids[0]!, 'applied', t('2025-10-09T00:00:00Z'), { appliedAt: '2025-10-08' });
    await setStatus(db, ids[2]!, 'applied', t('2025-10-09T00:00:00Z'), { appliedAt: '2025-10-02' });
    expect((await listApplications(db)).map((j) => j.jobId)).toEqual([ids[2], ids[0]]);
  });

  it('deletes a job with its earlier copies', async () => {
    const [id] = await withJobs(1);
    await recordPostingSeen(
      db,
      makePosting({ jobId: id!, title: 'Changed', extractedAt: '2025-10-05T00:00:00.000Z' }),
      t('2025-10-05T00:00:00Z'),
    );
    expect(await deleteJob(db, id!)).toBe(true);
    expect(await getJob(db, id!)).toBeUndefined();
    expect(await getVersions(db, id!)).toEqual([]);
  });
});
