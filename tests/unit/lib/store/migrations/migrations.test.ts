import { afterEach, describe, expect, it } from 'vitest';
import Dexie, { type Transaction } from 'dexie';
import { z } from '../../../../../lib/zod';
import { LATEST_VERSION, MIGRATIONS, openDb, openDbWith, type JobLensDb } from '../../../../../lib/store/db';
import { V1JobRowSchema, V1VersionRowSchema, type V1JobRow } from '../../../../../lib/store/migrations/v1';
import { V2JobRowSchema, V2ProfileRowSchema, V2VersionRowSchema, type V2JobRow } from '../../../../../lib/store/migrations/v2';
import { V3_STORES, V3_VERSION, V3JobRowSchema, upgradeJobRowV2toV3 } from '../../../../../lib/store/migrations/v3';
import { JobRecordSchema, PostingVersionSchema, SettingRowSchema } from '../../../../../lib/store/schema';
import { getJob, getVersions, listApplications, recordPostingSeen, setNotes, setStatus } from '../../../../../lib/store/jobs';
import { getSettings } from '../../../../../lib/store/settings';
import { loadProfile } from '../../../../../lib/profile/store';
import { exportJson } from '../../../../../lib/transfer/export';
import { importJson, parseExport } from '../../../../../lib/transfer/import';
import { makePosting } from '../../../support/factory';
import { readDbFixture, writeDbFixture } from '../../../support/db-fixtures';

const opened: JobLensDb[] = [];
function open(name: string, upTo?: number): JobLensDb {
  const db = openDb(name, upTo);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

const V1 = readDbFixture('v1');
const V2 = readDbFixture('v2');
const v1Jobs = V1.tables.jobs as V1JobRow[];
const v1Job = (status: V1JobRow['status']) => v1Jobs.find((row) => row.status === status)!;
const v2Jobs = V2.tables.jobs as V2JobRow[];

/** What the version 3 upgrade gives every job row, spelt out here rather than taken from the code under test. */
const V3_DEFAULTS = {
  viaReferral: false,
  appliedDateUnknown: false,
  applyAskAgainAt: null,
  siteStatus: null,
  programOverride: null,
  match: null,
  closedAt: null,
} as const;

describe('the frozen fixtures are what their own version accepted', () => {
  it('every version 1 row parses with the version 1 schemas, every version 2 row with the version 2 ones', () => {
    expect(v1Jobs).toHaveLength(6);
    for (const row of v1Jobs) expect(V1JobRowSchema.safeParse(row).error).toBeUndefined();
    for (const row of V1.tables.versions!) expect(V1VersionRowSchema.safeParse(row).error).toBeUndefined();
    expect(V2.tables.jobs).toHaveLength(6);
    for (const row of V2.tables.jobs!) expect(V2JobRowSchema.safeParse(row).error).toBeUndefined();
    for (const row of V2.tables.versions!) expect(V2VersionRowSchema.safeParse(row).error).toBeUndefined();
    for (const row of V2.tables.profile!) expect(V2ProfileRowSchema.safeParse(row).error).toBeUndefined();
    // The long-note case: version 1 had no bound on notes, version 2's code writes at most 20,000.
    expect(v1Job('applied').notes).toHaveLength(20_001);
  });
});

describe('upgrade of a version 1 database (tests/fixtures/db/v1.json)', () => {
  it('keeps every field of every row and adds the version 2 and version 3 fields as the upgrades define them', async () => {
    await writeDbFixture('from-v1', V1);
    const db = open('from-v1');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);

    const rows = await db.jobs.orderBy('jobId').toArray();
    expect(rows).toHaveLength(v1Jobs.length);
    for (const row of rows) expect(JobRecordSchema.safeParse(row).error).toBeUndefined();
    const byId = new Map(rows.map((row) => [row.jobId, row]));
    const upgraded = (status: V1JobRow['status']) => byId.get(v1Job(status).jobId);

    // Each row in full: the version 1 fields untouched, plus exactly these new ones (version 2's, then version 3's).
    const seen = v1Job('seen');
    expect(upgraded('seen')).toEqual({
      ...seen,
      statusHistory: [],
      notesUpdatedAt: null,
      appliedAt: null,
      applyStartedAt: null,
      userUpdatedAt: null,
      ...V3_DEFAULTS,
    });
    const saved = v1Job('saved');
    expect(upgraded('saved')).toEqual({
      ...saved,
      statusHistory: [{ status: 'saved', at: '2025-08-12T18:20:00.000Z' }],
      notesUpdatedAt: '2025-08-12T18:20:00.000Z',
      appliedAt: null,
      applyStartedAt: null,
      userUpdatedAt: '2025-08-12T18:20:00.000Z',
      ...V3_DEFAULTS,
    });
    // A version 1 application had no date; it must still count, so it takes the first-seen date.
    const applied = v1Job('applied');
    expect(upgraded('applied')).toEqual({
      ...applied,
      statusHistory: [{ status: 'applied', at: '2025-08-15T08:00:00.000Z' }],
      notesUpdatedAt: '2025-08-15T08:00:00.000Z',
      appliedAt: '2025-08-06T14:40:01.000Z',
      applyStartedAt: null,
      userUpdatedAt: '2025-08-15T08:00:00.000Z',
      ...V3_DEFAULTS,
    });
    expect(upgraded('applied')!.notes).toHaveLength(20_001);
    const interviewing = v1Job('interviewing');
    expect(upgraded('interviewing')).toEqual({
      ...interviewing,
      statusHistory: [{ status: 'interviewing', at: '2025-08-20T16:00:01.000Z' }],
      notesUpdatedAt: '2025-08-20T16:00:01.000Z',
      appliedAt: '2025-08-04T16:00:01.000Z',
      applyStartedAt: null,
      userUpdatedAt: '2025-08-20T16:00:01.000Z',
      ...V3_DEFAULTS,
    });
    expect(upgraded('interviewing')!.changedFields).toEqual(['locations', 'minimumQualifications']);
    expect(upgraded('rejected')).toEqual({
      ...v1Job('rejected'),
      statusHistory: [{ status: 'rejected', at: '2025-08-09T03:00:00.000Z' }],
      notesUpdatedAt: null,
      appliedAt: '2025-08-07T01:30:01.000Z',
      applyStartedAt: null,
      userUpdatedAt: '2025-08-09T03:00:00.000Z',
      ...V3_DEFAULTS,
    });
    expect(upgraded('withdrawn')).toEqual({
      ...v1Job('withdrawn'),
      statusHistory: [{ status: 'withdrawn', at: '2025-08-10T12:00:00.000Z' }],
      notesUpdatedAt: '2025-08-10T12:00:00.000Z',
      appliedAt: '2025-08-08T12:00:01.000Z',
      applyStartedAt: null,
      userUpdatedAt: '2025-08-10T12:00:00.000Z',
      ...V3_DEFAULTS,
    });
    expect(upgraded('withdrawn')!.site).toBe('bytedance');

    // Earlier versions are carried over row for row, ids included.
    expect(await db.versions.orderBy('id').toArray()).toEqual(V1.tables.versions);
    expect(await db.profile.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
    expect(await db.siteApplications.count()).toBe(0);
    // The new indexes answer queries on the upgraded rows: submitted statuses all count.
    expect((await listApplications(db)).map((j) => j.status).sort()).toEqual(['applied', 'interviewing', 'rejected', 'withdrawn']);
  });

  it('stays usable with the 20,001-character note: count, export and re-import, a re-visit, a status change', async () => {
    await writeDbFixture('from-v1-usable', V1);
    const db = open('from-v1-usable');
    const long = v1Job('applied');
    expect(await db.jobs.count()).toBe(6);

    const text = await exportJson(db, new Date('2025-09-01T00:00:00Z'));
    const parsed = parseExport(text);
    expect(parsed.ok ? parsed.file.jobs.find((j) => j.jobId === long.jobId)!.notes : parsed.message).toBe(long.notes);
    const copy = open('from-v1-usable-copy');
    const imported = await importJson(copy, text, new Date('2025-09-01T00:00:00Z'));
    expect(imported).toMatchObject({ ok: true, summary: { jobsAdded: 6, versionsAdded: 1 } });
    expect((await getJob(copy, long.jobId))!.notes).toBe(long.notes);

    const revisit = await recordPostingSeen(
      db,
      { ...makePosting({ jobId: long.jobId }), extractedAt: '2025-09-02T00:00:00.000Z' },
      new Date('2025-09-02T00:00:00Z'),
    );
    expect(revisit).toMatchObject({ ok: true, outcome: 'changed' });
    expect(await setStatus(db, long.jobId, 'interviewing', new Date('2025-09-03T00:00:00Z'))).toMatchObject({ ok: true });
    const after = (await getJob(db, long.jobId))!;
    expect(after.notes).toBe(long.notes);
    expect(after.status).toBe('interviewing');
    // What the user types next is still capped as before.
    expect(await setNotes(db, long.jobId, 'x'.repeat(20_001), new Date('2025-09-03T00:00:00Z'))).toMatchObject({ ok: false });
    expect(await setNotes(db, long.jobId, 'Shorter now.', new Date('2025-09-03T00:00:00Z'))).toMatchObject({ ok: true });
    expect(await getVersions(db, long.jobId)).toHaveLength(1);
  });

  it('upgrades rows at every version 1 bound that version 2 writes more tightly (changed fields: count and length)', async () => {
    const row = {
      ...v1Job('seen'),
      changedAt: '2025-08-04T10:15:01.000Z',
      changedFields: Array.from({ length: 60 }, (_, i) => `field-${i}-${'x'.repeat(150)}`),
    };
    expect(V1JobRowSchema.safeParse(row).success).toBe(true);
    await writeDbFixture('v1-bounds', { ...V1, tables: { jobs: [row], versions: [], profile: [] } });
    const db = open('v1-bounds');
    const [upgraded] = await db.jobs.toArray();
    expect(upgraded!.changedFields).toEqual(row.changedFields);
    expect(JobRecordSchema.safeParse(upgraded).error).toBeUndefined();
  });

  it('a row that was not even a valid version 1 row does not stop the upgrade, and is kept', async () => {
    const broken = { ...v1Job('seen'), jobId: '7500000000000000999', title: '' };
    await writeDbFixture('v1-bad-row', { ...V1, tables: { ...V1.tables, jobs: [...v1Jobs, broken] } });
    const db = open('v1-bad-row');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.jobs.count()).toBe(7);
    expect(await getJob(db, '7500000000000000999')).toMatchObject({ title: '', statusHistory: [], appliedAt: null });
  });
});

describe('a version 2 database (tests/fixtures/db/v2.json)', () => {
  it('opens at the latest version with every row as version 2 wrote it, plus the version 3 fields at their defaults', async () => {
    await writeDbFixture('at-v2', V2);
    const db = open('at-v2');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    // Whole rows: what version 2 wrote, untouched, and exactly the version 3 defaults.
    const byId = (a: { jobId: string }, b: { jobId: string }) => a.jobId.localeCompare(b.jobId);
    expect(await db.jobs.orderBy('jobId').toArray()).toEqual([...v2Jobs].sort(byId).map((row) => ({ ...row, ...V3_DEFAULTS })));
    // Postings gained only an optional field: earlier versions are carried over as they were.
    expect(await db.versions.orderBy('id').toArray()).toEqual(V2.tables.versions);
    const v2Profile = V2.tables.profile![0] as { id: 'me'; data: Record<string, unknown>; updatedAt: string };
    expect(await db.profile.toArray()).toEqual([{ ...v2Profile, data: { ...v2Profile.data, experience: [] } }]);
    expect(await db.settings.toArray()).toEqual(V2.tables.settings);
    for (const row of await db.jobs.toArray()) expect(JobRecordSchema.safeParse(row).error).toBeUndefined();
    for (const row of await db.versions.toArray()) expect(PostingVersionSchema.safeParse(row).error).toBeUndefined();
    for (const row of await db.settings.toArray()) expect(SettingRowSchema.safeParse(row).error).toBeUndefined();
    const profile = await loadProfile(db);
    expect(profile).toEqual({ ok: true, profile: { ...v2Profile.data, experience: [] }, updatedAt: '2025-10-01T12:30:00.000Z' });
    expect(await getSettings(db)).toEqual({ cycleStart: '2025-09-01', strictLimit: false });
    expect((await listApplications(db)).map((j) => j.status).sort()).toEqual(['applied', 'interviewing']);
  });

  it('the version 2 to 3 step: every row opens at version 3 with the new fields at their defaults, an empty siteApplications table, and stays usable', async () => {
    await writeDbFixture('v2-to-v3', V2);
    const db = open('v2-to-v3', V3_VERSION);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(V3_STORES).sort());
    expect(await db.siteApplications.count()).toBe(0);

    const rows = await db.jobs.toArray();
    expect(rows).toHaveLength(v2Jobs.length);
    for (const v2Row of v2Jobs) {
      const row = rows.find((r) => r.jobId === v2Row.jobId)!;
      expect(row).toEqual({ ...v2Row, ...V3_DEFAULTS });
      // The upgrade function says the same, and adds no `shortened` (absent means nothing was cut).
      expect(row).toEqual(upgradeJobRowV2toV3(v2Row));
      expect('shortened' in row).toBe(false);
      expect(V3JobRowSchema.safeParse(row).error).toBeUndefined();
    }
    const [profile] = await db.profile.toArray();
    expect((profile!.data as { experience: unknown }).experience).toEqual([]);

    // Usable: a visit, a status change, a site row, an export that re-imports whole.
    const now = new Date('2025-11-05T00:00:00Z');
    const seen = v2Jobs.find((row) => row.status === 'seen' && row.applyStartedAt === null)!;
    expect(await recordPostingSeen(db, { ...makePosting({ jobId: seen.jobId }), extractedAt: now.toISOString() }, now)).toMatchObject({
      ok: true,
    });
    expect(await setStatus(db, seen.jobId, 'applied', now, { appliedAt: '2025-11-04' })).toMatchObject({ ok: true });
    expect(await getJob(db, seen.jobId)).toMatchObject({ status: 'applied', ...V3_DEFAULTS });
    const siteRow = {
      key: 'tiktok:7500000000000000123',
      site: 'tiktok' as const,
      jobId: '7500000000000000123',
      title: 'Backend Engineer Intern - 2026 Start (BS/MS)',
      appliedAt: '2025-11-01T09:00:00.000Z',
      appliedDateUnknown: false,
      status: 'Resume screening',
      viaReferral: false,
      source: 'history' as const,
      firstReadAt: '2025-11-02T09:00:00.000Z',
      readAt: '2025-11-02T09:00:00.000Z',
    };
    await db.siteApplications.put(siteRow);
    expect(await db.siteApplications.toArray()).toEqual([siteRow]);
    const text = await exportJson(db, now);
    const copy = open('v2-to-v3-copy');
    expect(await importJson(copy, text, now)).toMatchObject({ ok: true });
    expect(await copy.jobs.orderBy('jobId').toArray()).toEqual(await db.jobs.orderBy('jobId').toArray());
    expect(await copy.siteApplications.toArray()).toEqual([siteRow]);
  });
});

describe('a hypothetical next version that adds a field', () => {
  // A copy of the latest job row with one more field, as a version 4 would add it.
  const NextJobRowSchema = V3JobRowSchema.extend({ cohortYear: z.number().int().nullable() });
  const withNext = [
    ...MIGRATIONS,
    {
      version: LATEST_VERSION + 1,
      stores: V3_STORES,
      upgrade: (tx: Transaction) =>
        tx
          .table('jobs')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            row.cohortYear = null;
          })
          .then(() => undefined),
    },
  ];

  for (const fixture of [V1, V2]) {
    it(`reads a version ${fixture.version} database: every old row upgrades and parses with the new schema`, async () => {
      const name = `to-next-from-v${fixture.version}`;
      await writeDbFixture(name, fixture);
      const db = openDbWith(withNext, name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION + 1);
      const rows = await db.jobs.toArray();
      expect(rows).toHaveLength(6);
      for (const row of rows) {
        expect(NextJobRowSchema.safeParse(row).error).toBeUndefined();
        expect(row).toMatchObject({ cohortYear: null, ...V3_DEFAULTS });
      }
      expect(await db.versions.count()).toBe(fixture.tables.versions!.length);
    });
  }

  it('a database created at the latest version works without any upgrade step', async () => {
    const db = open('fresh-latest');
    await recordPostingSeen(db, makePosting(), new Date('2025-10-01T00:00:00Z'));
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await Dexie.exists('fresh-latest')).toBe(true);
  });
});
