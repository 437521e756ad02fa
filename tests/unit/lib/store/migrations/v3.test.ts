import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type JobLensDb } from '../../../../../lib/store/db';
import { V2_VERSION, V2JobRowSchema, type V2JobRow } from '../../../../../lib/store/migrations/v2';
import {
  V3_STORES,
  V3_VERSION,
  V3JobRowSchema,
  V3ProfileSchema,
  V3SettingRowSchema,
  V3SiteApplicationRowSchema,
  upgradeJobRowV2toV3,
  upgradeProfileV2toV3,
} from '../../../../../lib/store/migrations/v3';
import { JobRecordSchema } from '../../../../../lib/store/schema';
import { makePosting } from '../../../support/factory';

const opened: JobLensDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A job row exactly as version 2 wrote it: no version 3 field at all. */
function v2Row(overrides: Partial<V2JobRow> = {}): V2JobRow {
  const { shortened: _none, ...posting } = makePosting() as ReturnType<typeof makePosting> & { shortened?: unknown };
  return V2JobRowSchema.parse({
    ...posting,
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
    ...overrides,
  });
}

const DEFAULTS = {
  viaReferral: false,
  appliedDateUnknown: false,
  applyAskAgainAt: null,
  siteStatus: null,
  programOverride: null,
  match: null,
  closedAt: null,
};

describe('version 3', () => {
  it('is version 3, and adds only the siteApplications table', () => {
    expect(V3_VERSION).toBe(3);
    expect(Object.keys(V3_STORES)).toEqual(['jobs', 'versions', 'profile', 'settings', 'siteApplications']);
  });

  it('upgrades a version 2 database written with version 2 rows: each row gets the defaults, the rest stays, even rows version 2 would refuse', async () => {
    const name = 'migrate-v2-v3';
    const v2 = openDb(name, V2_VERSION);
    await v2.open();
    const applied = v2Row({
      jobId: '7500000000000000002',
      status: 'applied',
      appliedAt: '2026-05-02T08:00:00.000Z',
      statusHistory: [{ status: 'applied', at: '2026-05-02T08:00:00.000Z' }],
      notes: 'Asked a friend about the team.',
      notesUpdatedAt: '2026-05-02T08:00:00.000Z',
      userUpdatedAt: '2026-05-02T08:00:00.000Z',
    });
    const seen = v2Row({ jobId: '7500000000000000001' });
    // The upgrade never throws: a row no version accepted (empty title) is kept, with the fields added.
    const broken = { ...v2Row({ jobId: '7500000000000000003' }), title: '' };
    await v2.table('jobs').bulkAdd([seen, applied, broken]);
    await v2.table('profile').put({ id: 'me', data: { skills: ['SQL'] }, updatedAt: '2026-05-01T08:00:00.000Z' });
    await v2.table('settings').put({ key: 'cycleStart', value: '2025-09-01', updatedAt: '2026-05-01T08:00:00.000Z' });
    v2.close();

    const v3 = openDb(name, V3_VERSION);
    opened.push(v3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.jobs.orderBy('jobId').toArray()).toEqual([
      { ...seen, ...DEFAULTS },
      { ...applied, ...DEFAULTS },
      { ...broken, ...DEFAULTS },
    ]);
    for (const row of (await v3.jobs.toArray()).slice(0, 2)) expect(JobRecordSchema.safeParse(row).error).toBeUndefined();
    expect(await v3.profile.toArray()).toEqual([
      { id: 'me', data: { skills: ['SQL'], experience: [] }, updatedAt: '2026-05-01T08:00:00.000Z' },
    ]);
    expect(await v3.settings.toArray()).toEqual([{ key: 'cycleStart', value: '2025-09-01', updatedAt: '2026-05-01T08:00:00.000Z' }]);
    expect(await v3.siteApplications.count()).toBe(0);
  });

  it('keeps a profile row whose data is not an object as it was, instead of failing the upgrade', async () => {
    const name = 'migrate-v2-v3-odd-profile';
    const v2 = openDb(name, V2_VERSION);
    await v2.open();
    await v2.table('profile').put({ id: 'me', data: null, updatedAt: '2026-05-01T08:00:00.000Z' });
    v2.close();
    const v3 = openDb(name, V3_VERSION);
    opened.push(v3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.profile.toArray()).toEqual([{ id: 'me', data: null, updatedAt: '2026-05-01T08:00:00.000Z' }]);
  });

  it('gives the new job fields their defaults in the upgrade, not at read time: a row without them does not parse', () => {
    const row = v2Row();
    expect(JobRecordSchema.safeParse(row).success).toBe(false);
    const upgraded = upgradeJobRowV2toV3(row);
    expect(upgraded).toEqual({ ...row, ...DEFAULTS });
    expect(JobRecordSchema.parse(upgraded)).toEqual(upgraded);
    // The version 2 rule still holds: a submitted status needs its date.
    expect(JobRecordSchema.safeParse({ ...upgraded, status: 'applied' }).success).toBe(false);
    expect(upgradeProfileV2toV3({ skills: ['SQL'] } as never)).toEqual({ skills: ['SQL'], experience: [] });
  });

  it('spells out the new fields: program corrections, the site status, site rows, settings and experience', () => {
    const row = upgradeJobRowV2toV3(v2Row());
    const ok = (value: object) => V3JobRowSchema.safeParse({ ...row, ...value }).success;
    expect(ok({ programOverride: { key: 'intern-bsms:2026-start', label: 'BS/MS intern, 2026 start' } })).toBe(true);
    expect(ok({ programOverride: 'none' })).toBe(true);
    expect(ok({ programOverride: { key: 'Intern BSMS', label: 'x' } })).toBe(false);
    expect(
      ok({ siteStatus: { text: 'Resume screening', appliedAt: '2026-05-02T08:00:00.000Z', readAt: '2026-05-03T08:00:00.000Z' } }),
    ).toBe(true);
    expect(ok({ siteStatus: { text: 'Resume screening', appliedAt: 'yesterday', readAt: '2026-05-03T08:00:00.000Z' } })).toBe(false);
    expect(ok({ shortened: ['responsibilities'] })).toBe(true);
    expect(ok({ viaReferral: 'yes' })).toBe(false);

    const site = {
      key: 'bytedance:title:Data Analyst Intern',
      site: 'bytedance',
      jobId: null,
      title: 'Data Analyst Intern',
      appliedAt: '2026-05-02T08:00:00.000Z',
      appliedDateUnknown: true,
      status: null,
      viaReferral: false,
      source: 'duplicate',
      firstReadAt: '2026-05-02T08:00:00.000Z',
      readAt: '2026-05-02T08:00:00.000Z',
    };
    expect(V3SiteApplicationRowSchema.parse(site)).toEqual(site);
    expect(V3SiteApplicationRowSchema.safeParse({ ...site, site: 'example' }).success).toBe(false);
    expect(V3SiteApplicationRowSchema.safeParse({ ...site, source: 'guess' }).success).toBe(false);

    const at = '2026-05-02T08:00:00.000Z';
    expect(V3SettingRowSchema.safeParse({ key: 'strictLimit', value: true, updatedAt: at }).success).toBe(true);
    expect(V3SettingRowSchema.safeParse({ key: 'strictLimit', value: 'yes', updatedAt: at }).success).toBe(false);
    expect(V3SettingRowSchema.safeParse({ key: 'bannerDismissed', value: ['intern-bsms:2026-start@1/2'], updatedAt: at }).success).toBe(
      true,
    );
    expect(V3SettingRowSchema.safeParse({ key: 'cycleStart', value: '2025-09-01', updatedAt: at }).success).toBe(true);
    expect(V3SettingRowSchema.safeParse({ key: 'theme', value: 'dark', updatedAt: at }).success).toBe(false);

    const role = { title: 'Data Intern', organization: 'A shop', from: '2025-06', to: '2025-08', internship: true };
    const base = upgradeProfileV2toV3({} as never);
    expect(V3ProfileSchema.safeParse({ ...base, experience: [role] }).success).toBe(true);
    expect(V3ProfileSchema.safeParse({ ...base, experience: [{ ...role, from: '2025-09' }] }).success).toBe(false);
  });
});
