import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LATEST_VERSION, openDb, type JobLensDb } from '../../../lib/store/db';
import { V1JobRowSchema, type V1JobRow } from '../../../lib/store/migrations/v1';
import { JobRecordSchema } from '../../../lib/store/schema';
import { listApplications, recordPostingSeen } from '../../../lib/store/jobs';
import { makePosting } from './factory';

const opened: JobLensDb[] = [];
function open(name: string, upTo?: number): JobLensDb {
  const db = openDb(name, upTo);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

/** Rows as version 1 wrote them: one of each kind the upgrade treats differently. */
function v1Rows(): V1JobRow[] {
  const base = (status: V1JobRow['status'], notes: string): V1JobRow =>
    V1JobRowSchema.parse({
      ...makePosting(),
      status,
      notes,
      firstSeenAt: '2025-09-01T08:00:00.000Z',
      lastSeenAt: '2025-09-03T08:00:00.000Z',
      changedAt: null,
      changedFields: [],
    });
  return [
    base('seen', ''),
    base('saved', 'Ask Mei about the team'),
    base('applied', ''),
    { ...base('interviewing', 'Round 1 on Friday'), changedAt: '2025-09-02T08:00:00.000Z', changedFields: ['locations'] },
  ];
}

describe('upgrade from version 1 to 2', () => {
  it('opens a version 1 database with data, upgrades it and every row is a valid version 2 row', async () => {
    const name = 'migrate-v1-v2';
    const rows = v1Rows();
    const v1 = open(name, 1);
    await v1.table('jobs').bulkAdd(rows);
    await v1.table('versions').add({ jobId: rows[3]!.jobId, savedAt: '2025-09-02T08:00:00.000Z', posting: makePosting({ jobId: rows[3]!.jobId }) });
    expect(v1.verno).toBe(1);
    v1.close();

    const v2 = open(name);
    const upgraded = await v2.jobs.toArray();
    expect(v2.verno).toBe(LATEST_VERSION);
    expect(upgraded).toHaveLength(rows.length);
    for (const row of upgraded) expect(JobRecordSchema.safeParse(row).success).toBe(true);

    const byId = new Map(upgraded.map((r) => [r.jobId, r]));
    const [seen, saved, applied, interviewing] = rows.map((r) => byId.get(r.jobId)!);

    expect(seen).toMatchObject({ status: 'seen', statusHistory: [], appliedAt: null, userUpdatedAt: null, notesUpdatedAt: null });
    expect(saved).toMatchObject({
      status: 'saved',
      statusHistory: [{ status: 'saved', at: '2025-09-03T08:00:00.000Z' }],
      notes: 'Ask Mei about the team',
      notesUpdatedAt: '2025-09-03T08:00:00.000Z',
      appliedAt: null,
    });
    // A version 1 application had no date; it must still count, so it takes the first-seen date.
    expect(applied).toMatchObject({ status: 'applied', appliedAt: '2025-09-01T08:00:00.000Z', applyStartedAt: null });
    expect(interviewing).toMatchObject({
      status: 'interviewing',
      appliedAt: '2025-09-01T08:00:00.000Z',
      changedFields: ['locations'],
      notes: 'Round 1 on Friday',
    });
    // The extracted fields are carried over untouched.
    for (const original of rows) {
      const after = byId.get(original.jobId)!;
      expect(after.title).toBe(original.title);
      expect(after.minimumQualifications).toEqual(original.minimumQualifications);
      expect(after.extractedAt).toBe(original.extractedAt);
    }
    expect(await v2.versions.count()).toBe(1);
    // The new indexes answer queries on the upgraded rows.
    expect((await listApplications(v2)).map((j) => j.jobId).sort()).toEqual([rows[2]!.jobId, rows[3]!.jobId].sort());
    expect(await v2.settings.count()).toBe(0);
  });

  it('aborts the whole upgrade on a row that does not parse and leaves version 1 untouched', async () => {
    const name = 'migrate-v1-bad-row';
    const rows = v1Rows();
    const v1 = open(name, 1);
    // A row that version 1 code would never have written, to prove the upgrade checks every row.
    const broken = { ...rows[0]!, jobId: '7500000000000000999', title: '' };
    await v1.table('jobs').bulkAdd([...rows, broken]);
    v1.close();

    const v2 = open(name);
    await expect(v2.open()).rejects.toThrow(/7500000000000000999/);
    v2.close();

    const again = open(name, 1);
    await again.open();
    expect(again.verno).toBe(1);
    const kept = await again.table('jobs').toArray();
    expect(kept).toHaveLength(rows.length + 1);
    expect(kept.find((r: V1JobRow) => r.jobId === rows[1]!.jobId)).toEqual(rows[1]);
  });

  it('a database created at the latest version works without any upgrade step', async () => {
    const db = open('fresh-latest');
    await recordPostingSeen(db, makePosting(), new Date('2025-10-01T00:00:00Z'));
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await Dexie.exists('fresh-latest')).toBe(true);
  });
});
