import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { MAX_VERSIONS_PER_JOB, getJob, getVersions, recordPostingSeen, setNotes, setStatus } from '../../../../lib/store/jobs';
import { makePosting } from '../../support/factory';

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

  it('20 tabs saving the same job at once, while the user edits it, lose no user data and no version', async () => {
    freshDb();
    const posting = makePosting();
    await recordPostingSeen(db, posting, day1);
    const visits = Array.from({ length: 20 }, (_, i) =>
      recordPostingSeen(
        db,
        { ...posting, title: `${posting.title} v${i}`, extractedAt: new Date(day2.getTime() + i * 1000).toISOString() },
        new Date(day2.getTime() + i * 1000),
      ),
    );
    const edits = [setNotes(db, posting.jobId, 'Ask about team size', day2), setStatus(db, posting.jobId, 'saved', day2)];
    const results = await Promise.all([...visits, ...edits]);
    expect(results.every((r) => r.ok)).toBe(true);
    const job = await getJob(db, posting.jobId);
    expect(job).toMatchObject({ notes: 'Ask about team size', status: 'saved', title: `${posting.title} v19` });
    expect(job?.lastSeenAt).toBe(new Date(day2.getTime() + 19_000).toISOString());
    // Every visit that found different text kept the copy it replaced, up to the cap.
    const versions = await getVersions(db, posting.jobId);
    expect(versions).toHaveLength(Math.min(20, MAX_VERSIONS_PER_JOB));
    expect(versions.at(-1)?.posting.title).toBe(`${posting.title} v18`);
  });

  it('keeps at most MAX_VERSIONS_PER_JOB earlier copies, dropping the oldest', async () => {
    freshDb();
    const posting = makePosting();
    const total = MAX_VERSIONS_PER_JOB + 5;
    for (let i = 0; i <= total; i += 1) {
      const at = new Date(day1.getTime() + i * 60_000);
      await recordPostingSeen(db, { ...posting, title: `Title ${i}`, extractedAt: at.toISOString() }, at);
    }
    const versions = await getVersions(db, posting.jobId);
    expect(versions).toHaveLength(MAX_VERSIONS_PER_JOB);
    expect(versions[0]?.posting.title).toBe(`Title ${total - MAX_VERSIONS_PER_JOB}`);
    expect(versions.at(-1)?.posting.title).toBe(`Title ${total - 1}`);
  });
});
