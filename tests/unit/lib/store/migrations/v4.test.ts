import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openDb, type JobLensDb } from '../../../../../lib/store/db';
import { V3_STORES, V3_VERSION, type V3JobRow } from '../../../../../lib/store/migrations/v3';
import { V4_STORES, V4_VERSION, V4ApplicationRowSchema, applicationRowV4 } from '../../../../../lib/store/migrations/v4';
import { applicationRowOf } from '../../../../../lib/store/applications';
import { loadLimitState } from '../../../../../lib/store/limit';
import { setStatus } from '../../../../../lib/store/jobs';
import { readDbFixture, writeDbFixture } from '../../../support/db-fixtures';
import { makePosting } from '../../../support/factory';

const opened: JobLensDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function open(name: string, upTo?: number): JobLensDb {
  const db = openDb(name, upTo);
  opened.push(db);
  return db;
}

/** A job row as version 3 wrote it. */
function v3Row(jobId: string, applied: { at: string; status: V3JobRow['status'] } | null): V3JobRow {
  return {
    ...makePosting({ jobId, url: `https://lifeattiktok.com/search/${jobId}`, title: 'Data Engineer Intern - 2026 Start (BS/MS)' }),
    status: applied?.status ?? 'seen',
    statusHistory: applied ? [{ status: applied.status, at: applied.at }] : [],
    notes: '',
    notesUpdatedAt: null,
    appliedAt: applied?.at ?? null,
    applyStartedAt: null,
    userUpdatedAt: applied?.at ?? null,
    firstSeenAt: '2026-01-05T08:00:00.000Z',
    lastSeenAt: '2026-01-05T08:00:00.000Z',
    changedAt: null,
    changedFields: [],
    viaReferral: false,
    appliedDateUnknown: false,
    applyAskAgainAt: null,
    siteStatus: null,
    programOverride: null,
    match: null,
    closedAt: null,
  } as V3JobRow;
}

describe('version 4', () => {
  it('is the latest version, and adds only the applications table', () => {
    expect([V4_VERSION, LATEST_VERSION]).toEqual([4, 4]);
    expect(V4_STORES).toEqual({ ...V3_STORES, applications: 'jobId, appliedAt' });
  });

  it('upgrades a version 3 database: one application row per applied job, whatever its status since, and nothing else changes', async () => {
    const name = 'migrate-v3-v4';
    // Closed before the upgrade, and not deleted by afterEach: the version 4 instance deletes the database.
    const v3 = openDb(name, V3_VERSION);
    await v3.open();
    const rows = [
      v3Row('7500000000000000001', null),
      v3Row('7500000000000000002', { at: '2026-01-10T09:00:00.000Z', status: 'applied' }),
      v3Row('7500000000000000003', { at: '2025-11-02T09:00:00.000Z', status: 'rejected' }),
    ];
    await v3.table('jobs').bulkAdd(rows);
    v3.close();

    const v4 = open(name);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(await v4.jobs.orderBy('jobId').toArray()).toEqual(rows);
    const applications = await v4.applications.orderBy('appliedAt').toArray();
    expect(applications.map((row) => [row.jobId, row.status, row.appliedAt])).toEqual([
      ['7500000000000000003', 'rejected', '2025-11-02T09:00:00.000Z'],
      ['7500000000000000002', 'applied', '2026-01-10T09:00:00.000Z'],
    ]);
    for (const row of applications) expect(V4ApplicationRowSchema.safeParse(row).error).toBeUndefined();
    // The frozen upgrade and today's middleware give the same row.
    expect(applications).toEqual([rows[2]!, rows[1]!].map(applicationRowV4));
    expect(applications).toEqual([rows[2]!, rows[1]!].map(applicationRowOf));
  });

  for (const fixture of ['v1', 'v2'] as const) {
    it(`upgrades the committed ${fixture} database in one step to the same count as before`, async () => {
      const data = readDbFixture(fixture);
      const name = `${fixture}-to-v4`;
      await writeDbFixture(name, data);
      // The count as version 3 made it, from whole job rows.
      // Closed before the upgrade, and not deleted by afterEach: the version 4 instance deletes the database.
      const v3 = openDb(name, V3_VERSION);
      await v3.open();
      const appliedV3 = (await v3.jobs.toArray()).filter((job) => job.appliedAt !== null);
      v3.close();

      const db = open(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      const applications = await db.applications.orderBy('jobId').toArray();
      expect(applications.length).toBeGreaterThan(0);
      expect(applications).toEqual(appliedV3.sort((a, b) => a.jobId.localeCompare(b.jobId)).map(applicationRowOf));
      // Usable at once: the limit reads the table, and undoing the latest application moves its
      // row out and the count down by one.
      const when = new Date('2026-03-01T00:00:00Z');
      const counted = async () => {
        const state = await loadLimitState(db, when);
        return state.programs.reduce((sum, p) => sum + p.used, 0) + state.uncounted;
      };
      const latest = [...applications].sort((a, b) => b.appliedAt.localeCompare(a.appliedAt))[0]!;
      const before = await counted();
      expect(before).toBeGreaterThan(0);
      await setStatus(db, latest.jobId, 'seen', when);
      expect(await db.applications.get(latest.jobId)).toBeUndefined();
      expect(await counted()).toBe(before - 1);
    });
  }
});
