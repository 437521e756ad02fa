import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from '../../../../lib/zod';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { V3JobRowSchema } from '../../../../lib/store/migrations/v3';
import { getJob, getVersions } from '../../../../lib/store/jobs';
import { getSettings } from '../../../../lib/store/settings';
import { loadProfile } from '../../../../lib/profile/store';
import * as formatV1 from '../../../../lib/transfer/formats/v1';
import * as formatV2 from '../../../../lib/transfer/formats/v2';
import { FORMAT_STEPS, IMPORT_LIMITS, type FormatStep } from '../../../../lib/transfer/format';
import { importBlob, importJson, parseExport } from '../../../../lib/transfer/import';
import { readDbFixture } from '../../support/db-fixtures';

const FIXTURE_TEXT = readFileSync(new URL('../../../fixtures/exports/v1.json', import.meta.url), 'utf8');
const FIXTURE = JSON.parse(FIXTURE_TEXT) as formatV1.File;
const NOW = new Date('2025-12-01T10:00:00Z');

const dbs: JobLensDb[] = [];
let n = 0;
function fresh(): JobLensDb {
  n += 1;
  const db = openDb(`formats-test-${n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function snapshot(db: JobLensDb) {
  return {
    jobs: await db.jobs.orderBy('jobId').toArray(),
    versions: await db.versions.orderBy('id').toArray(),
    settings: await db.settings.toArray(),
    profile: await db.profile.toArray(),
    siteApplications: await db.siteApplications.toArray(),
  };
}

/** What format 2 (and database version 3) gives a format 1 job row, spelt out here rather than taken from the code under test. */
const V3_DEFAULTS = {
  viaReferral: false,
  appliedDateUnknown: false,
  applyAskAgainAt: null,
  siteStatus: null,
  programOverride: null,
  match: null,
  closedAt: null,
} as const;
const UPGRADED_JOBS = FIXTURE.jobs.map((job) => ({ ...job, ...V3_DEFAULTS }));
const UPGRADED_PROFILE = { ...FIXTURE.profile!, data: { ...FIXTURE.profile!.data, experience: [] } };

describe('the export of format version 1 (tests/fixtures/exports/v1.json)', () => {
  it('is the same data as the version 2 database it was exported from', () => {
    const db = readDbFixture('v2');
    expect(FIXTURE).toMatchObject({ format: 'job-lens-export', version: 1, exportedAt: '2025-11-03T09:00:00.000Z' });
    expect(FIXTURE.jobs).toEqual(db.tables.jobs);
    expect(FIXTURE.versions).toEqual(db.tables.versions!.map(({ id: _id, ...v }) => v));
    expect(FIXTURE.settings).toEqual(db.tables.settings);
    expect(FIXTURE.profile).toEqual(db.tables.profile![0]);
  });

  it('reads as format 2, upgraded by fromV1: every row as in the file plus the version 3 defaults, no site rows', () => {
    const parsed = parseExport(FIXTURE_TEXT);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file).toEqual({ ...FIXTURE, version: 2, jobs: UPGRADED_JOBS, profile: UPGRADED_PROFILE, siteApplications: [] });
    expect(parsed.file).toEqual(formatV2.fromV1(FIXTURE));
  });

  it('imports into an empty database with every field of every row as in the file, upgraded to version 3', async () => {
    const db = fresh();
    const result = await importJson(db, FIXTURE_TEXT, NOW);
    expect(result).toEqual({
      ok: true,
      summary: { jobsAdded: 6, jobsUpdated: 0, jobsUnchanged: 0, versionsAdded: 3, settingsUpdated: 1, profileUpdated: true },
    });
    const stored = await snapshot(db);
    expect(stored.jobs).toEqual([...UPGRADED_JOBS].sort((a, b) => (a.jobId < b.jobId ? -1 : 1)));
    expect(stored.versions.map(({ id: _id, ...v }) => v)).toEqual(FIXTURE.versions);
    expect(stored.settings).toEqual(FIXTURE.settings);
    expect(stored.profile).toEqual([UPGRADED_PROFILE]);
    expect(stored.siteApplications).toEqual([]);
    expect(await loadProfile(db)).toMatchObject({ ok: true, profile: UPGRADED_PROFILE.data });
    expect(await getSettings(db)).toEqual({ cycleStart: '2025-09-01', strictLimit: false });
    const changed = FIXTURE.jobs.find((j) => j.changedFields.length > 0)!;
    expect((await getVersions(db, changed.jobId)).map((v) => v.savedAt)).toEqual(['2025-10-12T08:00:00.000Z', '2025-10-20T08:00:00.000Z']);
  });

  it('a file from a newer Job Lens is refused with a message saying so', () => {
    const newer = JSON.stringify({ ...formatV2.fromV1(FIXTURE), version: 3 });
    expect(parseExport(newer)).toEqual({
      ok: false,
      message: 'Import refused, nothing was changed. The file was made by a newer Job Lens (export version 3); update the extension first.',
    });
    expect(parseExport(JSON.stringify({ ...FIXTURE, version: 0 }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('no export version Job Lens knows'),
    });
    expect(parseExport(JSON.stringify({ ...FIXTURE, version: '1' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('no export version'),
    });
    // A format 1 body that claims format 2 is read by format 2's schema, which its rows do not meet.
    expect(parseExport(JSON.stringify({ ...FIXTURE, version: 2 }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('jobs[0].viaReferral'),
    });
  });
});

describe('a hypothetical next format version that adds a field', () => {
  // A copy of the latest job row with one more field, and the step a format version 3 would add.
  const NextJobRowSchema = V3JobRowSchema.extend({ cohortYear: z.number().int().nullable() });
  const next: FormatStep = {
    version: 3,
    schema: (limits) => formatV2.fileSchema(limits).extend({ version: z.literal(3), jobs: z.array(NextJobRowSchema).max(limits.maxJobs) }),
    fromPrevious: (file: formatV2.File) => ({ ...file, version: 3, jobs: file.jobs.map((job) => ({ ...job, cohortYear: null })) }),
  };
  const steps = [...FORMAT_STEPS, next];

  it('still reads the old export, upgraded step by step', () => {
    const parsed = parseExport(FIXTURE_TEXT, IMPORT_LIMITS, steps);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.version).toBe(3);
    expect(parsed.file.jobs).toEqual(UPGRADED_JOBS.map((job) => ({ ...job, cohortYear: null })));
    for (const job of parsed.file.jobs) expect(NextJobRowSchema.safeParse(job).error).toBeUndefined();
    expect(parsed.file.profile).toEqual(UPGRADED_PROFILE);
    expect(parsed.file.siteApplications).toEqual([]);
  });

  it('reads a file of the new version, which the current chain refuses as newer', () => {
    const current = formatV2.fromV1(FIXTURE);
    const text = JSON.stringify({ ...current, version: 3, jobs: current.jobs.map((job) => ({ ...job, cohortYear: 2026 })) });
    const parsed = parseExport(text, IMPORT_LIMITS, steps);
    expect(parsed.ok && parsed.file.jobs.every((job) => (job as { cohortYear?: unknown }).cohortYear === 2026)).toBe(true);
    expect(parseExport(text)).toMatchObject({ ok: false, message: expect.stringContaining('newer Job Lens') });
  });
});

describe('what a file may not decide', () => {
  const FUTURE = '9999-12-31T23:59:59.000Z';

  it('every time later than the import is clamped to the import time', async () => {
    const file = structuredClone(FIXTURE);
    for (const job of file.jobs) {
      Object.assign(job, {
        extractedAt: FUTURE,
        firstSeenAt: FUTURE,
        lastSeenAt: FUTURE,
        changedAt: FUTURE,
        notesUpdatedAt: FUTURE,
        userUpdatedAt: FUTURE,
        applyStartedAt: FUTURE,
        appliedAt: job.appliedAt === null ? null : FUTURE,
        statusHistory: job.statusHistory.map((change) => ({ ...change, at: FUTURE })),
      });
    }
    for (const version of file.versions) Object.assign(version, { savedAt: FUTURE, posting: { ...version.posting, extractedAt: FUTURE } });
    file.settings[0]!.updatedAt = FUTURE;
    file.profile!.updatedAt = FUTURE;

    const db = fresh();
    expect(await importJson(db, JSON.stringify(file), NOW)).toMatchObject({ ok: true });
    const stored = await snapshot(db);
    const now = NOW.toISOString();
    for (const job of stored.jobs) {
      expect(job).toMatchObject({
        extractedAt: now,
        firstSeenAt: now,
        lastSeenAt: now,
        changedAt: now,
        notesUpdatedAt: now,
        userUpdatedAt: now,
        applyStartedAt: now,
      });
      if (job.appliedAt !== null) expect(job.appliedAt).toBe(now);
      for (const change of job.statusHistory) expect(change.at).toBe(now);
    }
    for (const version of stored.versions) expect([version.savedAt, version.posting.extractedAt]).toEqual([now, now]);
    expect(stored.settings[0]!.updatedAt).toBe(now);
    expect(stored.profile[0]!.updatedAt).toBe(now);
    // Times before the import are kept as they are.
    const plain = fresh();
    await importJson(plain, FIXTURE_TEXT, NOW);
    expect((await snapshot(plain)).jobs.map((j) => j.lastSeenAt).sort()).toEqual(FIXTURE.jobs.map((j) => j.lastSeenAt).sort());
  });

  it('a file from the future no longer wins the next merge against a real visit', async () => {
    const job = FIXTURE.jobs[0]!;
    const file = { ...FIXTURE, jobs: [{ ...job, title: 'From the file', extractedAt: FUTURE }], versions: [] };
    const db = fresh();
    await importJson(db, JSON.stringify(file), NOW);
    // The same file again a day later: its extraction is now the import's time, so a newer read would win.
    const later = { ...file, jobs: [{ ...job, title: 'Read a day later', extractedAt: '2025-12-02T10:00:00.000Z' }] };
    await importJson(db, JSON.stringify(later), new Date('2025-12-02T11:00:00Z'));
    expect((await getJob(db, job.jobId))!.title).toBe('Read a day later');
  });

  it("a job's link comes from its site and id, never from the file", async () => {
    const file = structuredClone(FIXTURE);
    for (const job of file.jobs) job.url = 'https://evil.example/phish?job=' + job.jobId;
    for (const version of file.versions) version.posting.url = 'https://evil.example/old';
    const db = fresh();
    expect(await importJson(db, JSON.stringify(file), NOW)).toMatchObject({ ok: true });
    for (const job of await db.jobs.toArray()) {
      const host = job.site === 'tiktok' ? 'lifeattiktok.com' : 'joinbytedance.com';
      expect(job.url).toBe(`https://${host}/search/${job.jobId}`);
    }
    for (const version of await db.versions.toArray())
      expect(version.posting.url).toMatch(/^https:\/\/(lifeattiktok|joinbytedance)\.com\/search\/\d+$/);
  });
});

describe('importBlob: the file read and written in the extension page', () => {
  it('imports a file and refuses a bad one whole, leaving the database as it was', async () => {
    const db = fresh();
    expect(await importBlob(db, new Blob([FIXTURE_TEXT], { type: 'application/json' }), NOW)).toMatchObject({
      ok: true,
      summary: { jobsAdded: 6 },
    });
    const before = await snapshot(db);
    const truncated = new Blob([FIXTURE_TEXT.slice(0, FIXTURE_TEXT.length / 2)]);
    expect(await importBlob(db, truncated, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('may be truncated') });
    const bad = JSON.parse(FIXTURE_TEXT);
    bad.jobs[5].title = '';
    expect(await importBlob(db, new Blob([JSON.stringify(bad)]), NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining('jobs[5].title'),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a file whose size alone is over the limit without reading it', async () => {
    const db = fresh();
    const blob = new Blob([FIXTURE_TEXT]);
    let read = false;
    Object.defineProperty(blob, 'text', {
      value: async () => {
        read = true;
        return FIXTURE_TEXT;
      },
    });
    const result = await importBlob(db, blob, NOW, { ...IMPORT_LIMITS, maxChars: Math.floor(FIXTURE_TEXT.length / 4) });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('too large') });
    expect(read).toBe(false);
    expect(await db.jobs.count()).toBe(0);
  });
});
