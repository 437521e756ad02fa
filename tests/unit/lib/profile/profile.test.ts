import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../../lib/store/db';
import { describeProfileError, ProfileSchema } from '../../../../lib/profile/schema';
import { loadProfile, saveProfile } from '../../../../lib/profile/store';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/profiles/${name}.json`, import.meta.url), 'utf8'));

describe('ProfileSchema', () => {
  it('accepts the three fixture profiles and the empty one', () => {
    for (const name of ['phd-researcher', 'masters-student', 'bachelors-student', 'empty']) {
      expect(ProfileSchema.safeParse(fixture(name)).success, name).toBe(true);
    }
  });

  it('fills every list with [] for an empty object', () => {
    expect(ProfileSchema.parse({})).toEqual({
      education: [],
      skills: [],
      languages: [],
      availability: [],
      locations: [],
      publications: [],
      workAuthorization: [],
      experience: [],
    });
  });

  it('reads a profile stored before experience existed, and experience with an open end', () => {
    const old = { education: [], skills: ['Go'], languages: [], availability: [], locations: [], publications: [], workAuthorization: [] };
    expect(ProfileSchema.parse(old).experience).toEqual([]);
    const parsed = ProfileSchema.parse({ experience: [{ title: 'Backend Engineer', from: '2025-07' }] });
    expect(parsed.experience).toEqual([{ title: 'Backend Engineer', organization: '', from: '2025-07', to: null, internship: false }]);
  });

  it.each([
    [{ experience: [{ title: 'Intern', from: '2024-09', to: '2024-06' }] }, 'experience.0.to'],
    [{ experience: [{ title: '', from: '2024-06', to: null }] }, 'experience.0.title'],
    [{ experience: [{ title: 'Intern', from: '2024-6', to: null }] }, 'experience.0.from'],
  ])('names the bad experience field: %j', (data, path) => {
    const result = ProfileSchema.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]!.path.join('.')).toBe(path);
  });

  it.each([
    [{ education: [{ level: 'PhD', field: 'CS', status: 'pursuing', graduation: '2027-13' }] }, 'education.0.graduation'],
    [{ education: [{ level: 'Masters', field: 'CS', status: 'pursuing', graduation: '2027-06' }] }, 'education.0.level'],
    [{ education: [{ level: 'PhD', field: 'CS', status: 'enrolled', graduation: '2027-06' }] }, 'education.0.status'],
    [{ availability: [{ from: '2026-08-01', to: '2026-05-01' }] }, 'availability.0.to'],
    [{ availability: [{ from: '2026-5-1', to: '2026-08-01' }] }, 'availability.0.from'],
    [{ publications: [{ venue: 'ICML', year: '2024', firstAuthor: true }] }, 'publications.0.year'],
    [{ workAuthorization: [{ country: 'Singapore', status: 'visa' }] }, 'workAuthorization.0.status'],
    [{ skills: ['Python', ''] }, 'skills.1'],
  ])('names the invalid field (%#)', (input, path) => {
    const result = ProfileSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(describeProfileError(result.error!)).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}: `));
  });

  it('reports a misspelt key instead of dropping it', () => {
    const result = ProfileSchema.safeParse({ skils: ['Python'] });
    expect(result.success).toBe(false);
    expect(describeProfileError(result.error!)).toContain('skils');
  });
});

describe('profile storage', () => {
  it('loads an empty profile when nothing was saved, then what was saved', async () => {
    const db = openDb(`profile-test-${Math.random()}`);
    const first = await loadProfile(db);
    expect(first).toEqual({ ok: true, profile: ProfileSchema.parse({}), updatedAt: null });

    const now = new Date('2025-10-01T08:00:00Z');
    await saveProfile(db, fixture('masters-student'), now);
    const row = await db.profile.get('me');
    expect(row?.updatedAt).toBe('2025-10-01T08:00:00.000Z');
    const loaded = await loadProfile(db);
    expect(loaded.ok && loaded.profile.education[0]?.field).toBe('Data Science');
    expect(loaded.ok && loaded.updatedAt).toBe('2025-10-01T08:00:00.000Z');
    db.close();
  });

  it('refuses to save an invalid profile and leaves the stored one alone', async () => {
    const db = openDb(`profile-test-${Math.random()}`);
    await saveProfile(db, { skills: ['Go'] }, new Date('2025-10-01T00:00:00Z'));
    await expect(saveProfile(db, { skills: 'Go' } as never, new Date('2025-10-02T00:00:00Z'))).rejects.toThrow();
    const loaded = await loadProfile(db);
    expect(loaded.ok && loaded.profile.skills).toEqual(['Go']);
    db.close();
  });

  it('reports a stored row that no longer parses instead of replacing it', async () => {
    const db = openDb(`profile-test-${Math.random()}`);
    await db.profile.put({ id: 'me', data: { education: [{ level: 'MSc' }] }, updatedAt: '2025-01-01T00:00:00.000Z' });
    const loaded = await loadProfile(db);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.reason).toMatch(/education\.0\.level/);
    expect((await db.profile.get('me'))?.data).toEqual({ education: [{ level: 'MSc' }] });
    db.close();
  });
});
