import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { getJob, getVersions, recordPostingSeen, setNotes, setStatus } from '../../../../lib/store/jobs';
import { mergeHistory } from '../../../../lib/store/flows';
import { JobRecordSchema, type JobRecord } from '../../../../lib/store/schema';
import { getSettings, setCycleStart } from '../../../../lib/store/settings';
import { exportAll, exportJson } from '../../../../lib/transfer/export';
import { importJson, parseExport } from '../../../../lib/transfer/import';
import { IMPORT_LIMITS, type ImportLimits } from '../../../../lib/transfer/format';
import { makePosting } from '../../support/factory';

const dbs: JobLensDb[] = [];
let n = 0;
function fresh(): JobLensDb {
  n += 1;
  const db = openDb(`transfer-test-${n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const t = (iso: string) => new Date(iso);

async function snapshot(db: JobLensDb) {
  return {
    jobs: await db.jobs.orderBy('jobId').toArray(),
    versions: await db.versions.orderBy('id').toArray(),
    settings: await db.settings.toArray(),
    profile: await db.profile.toArray(),
    siteApplications: await db.siteApplications.orderBy('key').toArray(),
  };
}

/** A database a candidate might have after a few weeks: seen, saved, applied, a changed posting, notes. */
async function populated() {
  const db = fresh();
  const seenAt = { extractedAt: '2025-09-10T08:00:00.000Z' };
  const postings = [makePosting(seenAt), makePosting({ ...seenAt, site: 'bytedance' }), makePosting(seenAt), makePosting(seenAt)];
  for (const p of postings) await recordPostingSeen(db, p, t('2025-09-10T08:00:00Z'));
  await setStatus(db, postings[0]!.jobId, 'saved', t('2025-09-11T08:00:00Z'));
  await setStatus(db, postings[1]!.jobId, 'applied', t('2025-09-12T08:00:00Z'), { appliedAt: '2025-09-12' });
  await setNotes(db, postings[1]!.jobId, 'Referral from Sam, "strong" fit, =ask about team', t('2025-09-12T09:00:00Z'));
  await recordPostingSeen(
    db,
    { ...postings[2]!, locations: ['Singapore', 'London'], extractedAt: '2025-09-20T08:00:00.000Z' },
    t('2025-09-20T08:00:00Z'),
  );
  await setCycleStart(db, '2025-09-01', t('2025-09-10T08:00:00Z'));
  await db.profile.put({
    id: 'me',
    data: {
      education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: '2026-06' }],
      skills: ['Python', 'SQL'],
      languages: ['English'],
      availability: [],
      locations: ['Singapore'],
      publications: [],
      workAuthorization: [],
      experience: [{ title: 'Data Intern', organization: 'A retail start-up', from: '2025-06', to: '2025-08', internship: true }],
    },
    updatedAt: '2025-09-10T08:00:00.000Z',
  });
  // An application the site's history page showed for a job never opened here.
  await mergeHistory(
    db,
    [
      {
        site: 'tiktok',
        jobId: '7500000000000000777',
        title: 'Data Engineer Intern (Ads) - 2026 Start (BS/MS)',
        viaReferral: false,
        status: 'Resume screening',
        appliedAt: '2025-09-05T10:00',
      },
    ],
    t('2025-09-13T08:00:00Z'),
  );
  return { db, postings };
}

describe('export', () => {
  it('writes everything with the format name and version', async () => {
    const { db } = await populated();
    const file = await exportAll(db, t('2025-10-01T00:00:00Z'));
    expect(file).toMatchObject({ format: 'job-lens-export', version: 2, exportedAt: '2025-10-01T00:00:00.000Z' });
    expect(file.jobs).toHaveLength(4);
    expect(file.versions).toHaveLength(1);
    expect(file.versions[0]).not.toHaveProperty('id');
    expect(file.settings).toEqual([{ key: 'cycleStart', value: '2025-09-01', updatedAt: '2025-09-10T08:00:00.000Z' }]);
    expect(file.profile?.data).toMatchObject({ skills: ['Python', 'SQL'] });
    expect(file.profile?.data.experience).toEqual([
      { title: 'Data Intern', organization: 'A retail start-up', from: '2025-06', to: '2025-08', internship: true },
    ]);
    expect(file.siteApplications).toEqual(await db.siteApplications.toArray());
    expect(file.siteApplications).toHaveLength(1);
  });

  it('an export imported into an empty database gives the same data back', async () => {
    const { db } = await populated();
    const text = await exportJson(db, t('2025-10-01T00:00:00Z'));
    const target = fresh();
    const result = await importJson(target, text, t('2025-10-02T00:00:00Z'));
    expect(result).toEqual({
      ok: true,
      summary: { jobsAdded: 4, jobsUpdated: 0, jobsUnchanged: 0, versionsAdded: 1, settingsUpdated: 1, profileUpdated: true },
    });
    const [from, to] = [await snapshot(db), await snapshot(target)];
    expect(to.jobs).toEqual(from.jobs);
    expect(to.settings).toEqual(from.settings);
    expect(to.profile).toEqual(from.profile);
    expect(to.siteApplications).toEqual(from.siteApplications);
    expect(to.versions.map(({ id: _id, ...v }) => v)).toEqual(from.versions.map(({ id: _id, ...v }) => v));
  });

  it('carries every version 3 job field and the site’s own rows through export and import unchanged', async () => {
    const { db, postings } = await populated();
    const [saved, applied, changed, plain] = postings.map((p) => p.jobId);
    // Each new field at a value other than its default, on whole rows the schema accepts.
    const set = async (jobId: string, fields: Partial<JobRecord>) =>
      db.jobs.put(JobRecordSchema.parse({ ...(await db.jobs.get(jobId))!, ...fields }));
    await set(saved!, {
      viaReferral: true,
      applyStartedAt: '2025-09-11T09:00:00.000Z',
      applyAskAgainAt: '2025-09-12T09:00:00.000Z',
      programOverride: { key: 'intern-phd:2026-start', label: 'PhD Intern · 2026 Start' },
    });
    await set(applied!, {
      appliedDateUnknown: true,
      siteStatus: { text: 'Interview scheduling', appliedAt: '2025-09-12T04:00:00.000Z', readAt: '2025-09-15T08:00:00.000Z' },
      shortened: ['description', 'responsibilities'],
    });
    await set(changed!, { programOverride: 'none' });
    await set(plain!, { siteStatus: { text: null, appliedAt: null, readAt: '2025-09-16T08:00:00.000Z' } });
    await db.siteApplications.put({
      key: 'bytedance:title:Research Scientist Intern (Seed) - 2026 Start (PhD)',
      site: 'bytedance',
      jobId: null,
      title: 'Research Scientist Intern (Seed) - 2026 Start (PhD)',
      appliedAt: '2025-09-14T08:00:00.000Z',
      appliedDateUnknown: true,
      status: null,
      viaReferral: true,
      source: 'duplicate',
      firstReadAt: '2025-09-14T08:00:00.000Z',
      readAt: '2025-09-14T08:00:00.000Z',
    });
    const from = await snapshot(db);
    expect(from.siteApplications).toHaveLength(2);

    const text = await exportJson(db, t('2025-10-01T00:00:00Z'));
    const target = fresh();
    expect(await importJson(target, text, t('2025-10-02T00:00:00Z'))).toMatchObject({ ok: true, summary: { jobsAdded: 4 } });
    const to = await snapshot(target);
    expect(to.jobs).toEqual(from.jobs);
    expect(to.siteApplications).toEqual(from.siteApplications);
    expect(to.profile).toEqual(from.profile);
    expect((await getJob(target, applied!))!.shortened).toEqual(['description', 'responsibilities']);
  });

  it('clamps the version 3 times a file sets in the future to the import time', async () => {
    const { db, postings } = await populated();
    const file = JSON.parse(await exportJson(db, t('2025-10-01T00:00:00Z')));
    const FUTURE = '9999-12-31T23:59:59.000Z';
    const job = file.jobs.find((j: { jobId: string }) => j.jobId === postings[0]!.jobId);
    Object.assign(job, { applyAskAgainAt: FUTURE, siteStatus: { text: 'Resume screening', appliedAt: FUTURE, readAt: FUTURE } });
    Object.assign(file.siteApplications[0], { appliedAt: FUTURE, firstReadAt: FUTURE, readAt: FUTURE });
    const now = t('2025-10-02T00:00:00Z');
    const target = fresh();
    expect(await importJson(target, JSON.stringify(file), now)).toMatchObject({ ok: true });
    const iso = now.toISOString();
    expect(await getJob(target, postings[0]!.jobId)).toMatchObject({
      applyAskAgainAt: iso,
      siteStatus: { text: 'Resume screening', appliedAt: iso, readAt: iso },
    });
    const [site] = await target.siteApplications.toArray();
    expect(site).toEqual({ ...file.siteApplications[0], appliedAt: iso, firstReadAt: iso, readAt: iso });
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const { db } = await populated();
    const text = await exportJson(db, t('2025-10-01T00:00:00Z'));
    const before = await snapshot(db);
    const result = await importJson(db, text, t('2025-10-02T00:00:00Z'));
    expect(result).toEqual({
      ok: true,
      summary: { jobsAdded: 0, jobsUpdated: 0, jobsUnchanged: 4, versionsAdded: 0, settingsUpdated: 0, profileUpdated: false },
    });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('import merge', () => {
  it('keeps one record per job: newer extraction wins, the user data changed last wins, history is merged', async () => {
    const { db, postings } = await populated();
    const file = JSON.parse(await exportJson(db, t('2025-10-01T00:00:00Z')));
    const saved = postings[0]!.jobId;
    const applied = postings[1]!.jobId;

    // Meanwhile, in this database: a note on the saved job and the applied job moves on.
    await setNotes(db, saved, 'Local note, written after the export', t('2025-10-05T00:00:00Z'));
    await setStatus(db, applied, 'interviewing', t('2025-10-06T00:00:00Z'));

    // In the file (another machine): the saved job was applied to, later than anything here,
    // and its posting was re-read with a new title; the applied job's note was edited before ours.
    const fileSaved = file.jobs.find((j: { jobId: string }) => j.jobId === saved);
    Object.assign(fileSaved, {
      title: 'Data Scientist Intern (Renamed) - 2026 Start (BS/MS)',
      extractedAt: '2025-10-07T00:00:00.000Z',
      status: 'applied',
      appliedAt: '2025-10-07T12:00:00.000Z',
      userUpdatedAt: '2025-10-07T13:00:00.000Z',
      statusHistory: [...fileSaved.statusHistory, { status: 'applied', at: '2025-10-07T13:00:00.000Z' }],
      notes: 'Older note from the file',
      notesUpdatedAt: '2025-10-01T00:00:00.000Z',
    });
    const fileApplied = file.jobs.find((j: { jobId: string }) => j.jobId === applied);
    Object.assign(fileApplied, { notes: 'Edited on the laptop', notesUpdatedAt: '2025-10-03T00:00:00.000Z' });

    const result = await importJson(db, JSON.stringify(file), t('2025-10-08T00:00:00Z'));
    expect(result.ok).toBe(true);

    const merged = await getJob(db, saved);
    expect(merged).toMatchObject({
      title: 'Data Scientist Intern (Renamed) - 2026 Start (BS/MS)',
      status: 'applied',
      appliedAt: '2025-10-07T12:00:00.000Z',
      notes: 'Local note, written after the export',
      changedFields: ['title'],
    });
    expect(merged?.statusHistory.map((h) => h.status)).toEqual(['saved', 'applied']);
    const versions = await getVersions(db, saved);
    expect(versions.at(-1)?.posting.title).toBe(postings[0]!.title);

    const other = await getJob(db, applied);
    expect(other).toMatchObject({ status: 'interviewing', notes: 'Edited on the laptop' });
    expect(other?.statusHistory.map((h) => h.status)).toEqual(['applied', 'interviewing']);
  });

  it('an older extraction in the file does not overwrite the newer one here', async () => {
    const { db, postings } = await populated();
    const file = JSON.parse(await exportJson(db, t('2025-10-01T00:00:00Z')));
    await recordPostingSeen(
      db,
      { ...postings[3]!, title: 'Newest title', extractedAt: '2025-10-09T00:00:00.000Z' },
      t('2025-10-09T00:00:00Z'),
    );
    await importJson(db, JSON.stringify(file), t('2025-10-10T00:00:00Z'));
    expect((await getJob(db, postings[3]!.jobId))?.title).toBe('Newest title');
  });

  it('leaves jobs that are not in the file alone, and a newer local setting wins', async () => {
    const { db } = await populated();
    const file = JSON.parse(await exportJson(db, t('2025-10-01T00:00:00Z')));
    const local = makePosting();
    await recordPostingSeen(db, local, t('2025-10-02T00:00:00Z'));
    await setCycleStart(db, '2025-08-01', t('2025-10-02T00:00:00Z'));
    await importJson(db, JSON.stringify(file), t('2025-10-03T00:00:00Z'));
    expect(await getJob(db, local.jobId)).toBeDefined();
    expect(await getSettings(db)).toEqual({ cycleStart: '2025-08-01', strictLimit: false });
  });
});

describe('import refusal', () => {
  async function expectRefused(text: string, message: RegExp, limits: ImportLimits = IMPORT_LIMITS) {
    const { db } = await populated();
    const before = await snapshot(db);
    const result = await importJson(db, text, t('2025-10-02T00:00:00Z'), limits);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^Import refused, nothing was changed\./);
      expect(result.message).toMatch(message);
    }
    expect(await snapshot(db)).toEqual(before);
  }

  async function validFile() {
    const { db } = await populated();
    return JSON.parse(await exportJson(db, t('2025-10-01T00:00:00Z')));
  }

  it('refuses a truncated file', async () => {
    const text = JSON.stringify(await validFile());
    await expectRefused(text.slice(0, Math.floor(text.length * 0.7)), /not valid JSON, it may be truncated/);
  });

  it('refuses something that is not a Job Lens export', async () => {
    await expectRefused('[1,2,3]', /expected a JSON object/);
    await expectRefused(JSON.stringify({ format: 'other-app', jobs: [] }), /format is "other-app"/);
  });

  it('refuses a file from a newer version', async () => {
    await expectRefused(JSON.stringify({ ...(await validFile()), version: 3 }), /newer Job Lens \(export version 3\)/);
  });

  it('names the first bad field with its path and job', async () => {
    const file = await validFile();
    file.jobs[2].minimumQualifications[1] = 42;
    const id = file.jobs[2].jobId;
    await expectRefused(JSON.stringify(file), new RegExp(`jobs\\[2\\]\\.minimumQualifications\\[1\\] \\(job ${id}\\): `));
  });

  it('refuses a job marked applied without a date', async () => {
    const file = await validFile();
    const i = file.jobs.findIndex((j: { status: string }) => j.status === 'applied');
    file.jobs[i].appliedAt = null;
    await expectRefused(JSON.stringify(file), new RegExp(`jobs\\[${i}\\]\\.appliedAt .*needs appliedAt`));
  });

  it('refuses oversized text in a field', async () => {
    const file = await validFile();
    file.jobs[0].title = 'A'.repeat(501);
    await expectRefused(JSON.stringify(file), /jobs\[0\]\.title/);
  });

  it('refuses unknown top-level keys and an injected prototype', async () => {
    await expectRefused(JSON.stringify({ ...(await validFile()), extra: 1 }), /extra/);
    const file = JSON.stringify(await validFile()).replace('"format"', '"__proto__":{"polluted":true},"format"');
    await expectRefused(file, /__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses the same job twice and earlier copies of jobs the file does not hold', async () => {
    const file = await validFile();
    await expectRefused(
      JSON.stringify({ ...file, jobs: [...file.jobs, file.jobs[1]] }),
      /jobs\[4\]\.jobId: job \d+ appears twice \(also jobs\[1\]\)/,
    );
    const orphan = { ...file.versions[0], jobId: '7000000000000000123' };
    await expectRefused(
      JSON.stringify({ ...file, versions: [...file.versions, orphan] }),
      /versions\[1\]\.jobId: no job 7000000000000000123/,
    );
  });

  it('refuses files over the size and count limits', async () => {
    const file = await validFile();
    const text = JSON.stringify(file);
    await expectRefused(text, /too large/, { ...IMPORT_LIMITS, maxChars: text.length - 1 });
    await expectRefused(text, /jobs: Too big/i, { ...IMPORT_LIMITS, maxJobs: 3 });
  });

  it('leaves the database unchanged when writing fails half way', async () => {
    const { db } = await populated();
    const file = JSON.parse(await exportJson(db, t('2025-10-01T00:00:00Z')));
    file.jobs.push({ ...file.jobs[0], ...makePosting() });
    file.jobs[0].notes = 'changed in the file';
    file.jobs[0].notesUpdatedAt = '2025-10-01T12:00:00.000Z';
    file.versions.push({ ...file.versions[0], savedAt: '2025-09-30T00:00:00.000Z' });
    const before = await snapshot(db);
    vi.spyOn(db.versions, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const result = await importJson(db, JSON.stringify(file), t('2025-10-02T00:00:00Z'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('QuotaExceededError') });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('parseExport', () => {
  it('accepts a valid file', async () => {
    const { db } = await populated();
    const parsed = parseExport(await exportJson(db, t('2025-10-01T00:00:00Z')));
    expect(parsed.ok && parsed.file.jobs.length).toBe(4);
  });
});
