import type { EntityTable } from 'dexie';
import type { ProfileRow } from '../store/schema';
import { ProfileSchema, PROFILE_ROW_ID, type Profile, type ProfileInput } from './schema';

/** Any database with the `profile` table (lib/store/db.ts's JobLensDb, or a test double). */
export interface HasProfileTable {
  profile: EntityTable<ProfileRow, 'id'>;
}

export type LoadedProfile = { ok: true; profile: Profile; updatedAt: string | null } | { ok: false; reason: string };

/**
 * Reads the one profile row. No row yet is an empty profile (the matcher then answers `unknown`).
 * A stored row that no longer parses is reported, not replaced: silently resetting would lose the
 * user's data, and the options page can show the reason and let them fix it.
 */
export async function loadProfile(db: HasProfileTable): Promise<LoadedProfile> {
  const row = await db.profile.get(PROFILE_ROW_ID);
  if (!row) return { ok: true, profile: ProfileSchema.parse({}), updatedAt: null };
  const parsed = ProfileSchema.safeParse(row.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `stored profile is invalid at ${issue?.path.join('.') || '(profile)'}: ${issue?.message ?? 'unknown error'}`,
    };
  }
  return { ok: true, profile: parsed.data, updatedAt: row.updatedAt };
}

/** Validates and writes the profile; throws the ZodError on invalid input so callers can show it. */
export async function saveProfile(db: HasProfileTable, profile: ProfileInput, now: Date): Promise<Profile> {
  const data = ProfileSchema.parse(profile);
  await db.profile.put({ id: PROFILE_ROW_ID, data, updatedAt: now.toISOString() });
  return data;
}
