import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type JobLensDb } from '../../../lib/store/db';
import { getJob, getVersions, recordPostingSeen } from '../../../lib/store/jobs';
import { makePosting } from './factory';

let db: JobLensDb;
let n = 0;
function freshDb(): JobLensDb {
  n += 1;
  db = openDb(`jobs-test-${n}`);
  return db;
}
afterEach(async () => {
  await db?.delete();
});

const day1 = new Date('2025-10-01T10:00:00Z');
const day2 = new Date('2025-10-02T10:00:00Z');

describe('recordPostingSeen', () => {
  it('keeps a new posting as "seen" with its extracted fields', async () => {
    freshDb();
    const posting = makePosting();
    const result = await recordPostingSeen(db, posting, day1);
    expect(result.ok && result.outcome).toBe('created');
    const job = await getJob(db, posting.jobId);
    expect(job).toMatchObject({ ...posting, status: 'seen', notes: '', firstSeenAt: day1.toISOString() });
    expect(job?.lastSeenAt).toBe(day1.toISOString());
  });

  it('on a re-visit with the same text moves lastSeenAt and keeps no version', async () => {
    freshDb();
    const posting = makePosting();
    await recordPostingSeen(db, posting, day1);
    const again = await recordPostingSeen(db, { ...posting, extractedAt: day2.toISOString() }, day2);
    expect(again.ok && again.outcome).toBe('updated');
    const job = await getJob(db, posting.jobId);
    expect(job?.firstSeenAt).toBe(day1.toISOString());
    expect(job?.lastSeenAt).toBe(day2.toISOString());
    expect(job?.extractedAt).toBe(day2.toISOString());
    expect(await getVersions(db, posting.jobId)).toEqual([]);
  });

  it('keeps the earlier copy when the text changed and names the changed fields', async () => {
    freshDb();
    const posting = makePosting();
    await recordPostingSeen(db, posting, day1);
    const edited = {
      ...posting,
      locations: ['Singapore', 'London'],
      minimumQualifications: [...posting.minimumQualifications, 'Able to start in January 2026.'],
      extractedAt: day2.toISOString(),
    };
    const result = await recordPostingSeen(db, edited, day2);
    expect(result.ok && result.outcome).toBe('changed');
    const job = await getJob(db, posting.jobId);
    expect(job?.locations).toEqual(['Singapore', 'London']);
    expect(job?.changedFields).toEqual(['locations', 'minimumQualifications']);
    expect(job?.changedAt).toBe(day2.toISOString());
    const versions = await getVersions(db, posting.jobId);
    expect(versions).toHaveLength(1);
    expect(versions[0]?.posting).toEqual(posting);
  });

  it('ignores an extraction older than the stored one but still notes the visit', async () => {
    freshDb();
    const posting = makePosting({ extractedAt: day2.toISOString() });
    await recordPostingSeen(db, posting, day2);
    const old = { ...posting, title: 'Old title', extractedAt: day1.toISOString() };
    const result = await recordPostingSeen(db, old, new Date('2025-10-03T00:00:00Z'));
    expect(result.ok && result.outcome).toBe('stale');
    const job = await getJob(db, posting.jobId);
    expect(job?.title).toBe(posting.title);
    expect(job?.lastSeenAt).toBe('2025-10-03T00:00:00.000Z');
  });

  it('refuses an invalid posting and names the field', async () => {
    freshDb();
    const result = await recordPostingSeen(db, { ...makePosting(), jobId: 'abc' }, day1);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('jobId') });
    expect(await db.jobs.count()).toBe(0);
  });

  it('loses nothing when 20 tabs save at once', async () => {
    freshDb();
    const postings = Array.from({ length: 20 }, () => makePosting());
    const results = await Promise.all(postings.map((p) => recordPostingSeen(db, p, day1)));
    expect(results.every((r) => r.ok && r.outcome === 'created')).toBe(true);
    expect(await db.jobs.count()).toBe(20);
  });
});
