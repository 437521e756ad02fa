import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openDb, type JobLensDb } from '../../../lib/store/db';
import { V2_VERSION } from '../../../lib/store/migrations/v2';
import { V3_STORES, V3_VERSION } from '../../../lib/store/migrations/v3';
import { recordPostingSeen, setStatus } from '../../../lib/store/jobs';
import { JobRecordSchema } from '../../../lib/store/schema';
import { makePosting } from './factory';

const opened: JobLensDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('version 3: the siteApplications table', () => {
  it('opens a version 2 database with rows, adds the empty table and leaves every row as it was', async () => {
    const name = 'migrate-v2-v3';
    const v2 = openDb(name, V2_VERSION);
    const posting = makePosting();
    await recordPostingSeen(v2, posting, new Date('2026-05-01T08:00:00Z'));
    await setStatus(v2, posting.jobId, 'applied', new Date('2026-05-02T08:00:00Z'), { appliedAt: '2026-05-02' });
    const before = await v2.jobs.toArray();
    v2.close();

    const v3 = openDb(name);
    opened.push(v3);
    expect([V3_VERSION, LATEST_VERSION]).toEqual([3, 3]);
    expect(v3.verno).toBe(3);
    expect(await v3.jobs.toArray()).toEqual(before);
    expect(await v3.siteApplications.count()).toBe(0);
    expect(Object.keys(V3_STORES)).toEqual(['jobs', 'versions', 'profile', 'settings', 'siteApplications']);
  });

  it('gives a row written before the new job fields their defaults when it is next parsed', () => {
    const row = {
      ...makePosting(),
      status: 'seen',
      statusHistory: [],
      notes: '',
      notesUpdatedAt: null,
      appliedAt: null,
      applyStartedAt: null,
      userUpdatedAt: null,
      firstSeenAt: '2026-05-01T08:00:00.000Z',
      lastSeenAt: '2026-05-01T08:00:00.000Z',
      changedAt: null,
      changedFields: [],
    };
    expect(JobRecordSchema.parse(row)).toMatchObject({ viaReferral: false, appliedDateUnknown: false, applyAskAgainAt: null, siteStatus: null });
    // The version 2 rule still holds: a submitted status needs its date.
    expect(JobRecordSchema.safeParse({ ...row, status: 'applied' }).success).toBe(false);
  });
});
