import type { JobLensDb } from './db';
import { DEFAULT_SETTINGS, SettingRowSchema, SettingsSchema, type Settings } from './schema';

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; message: string };

/**
 * The user's settings with defaults filled in. A stored row that no longer parses falls back to
 * its default: a setting is cheap to set again, and the limit must still be computed.
 */
export async function getSettings(db: JobLensDb): Promise<Settings> {
  const rows = await db.settings.toArray();
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const parsed = SettingRowSchema.safeParse(row);
    if (parsed.success && parsed.data.key === 'cycleStart') settings.cycleStart = parsed.data.value;
    if (parsed.success && parsed.data.key === 'strictLimit') settings.strictLimit = parsed.data.value;
  }
  return settings;
}

/** Sets the first day of the recruiting cycle (YYYY-MM-DD), or null for "the last 12 months". */
export async function setCycleStart(db: JobLensDb, cycleStart: string | null, now: Date): Promise<SettingsResult> {
  const parsed = SettingsSchema.shape.cycleStart.safeParse(cycleStart);
  if (!parsed.success) return { ok: false, message: `cycleStart: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  await db.settings.put({ key: 'cycleStart', value: parsed.data, updatedAt: now.toISOString() });
  return { ok: true, settings: await getSettings(db) };
}

/** Turns the strict reading of the limit (every early-career application together) on or off. */
export async function setStrictLimit(db: JobLensDb, strict: boolean, now: Date): Promise<SettingsResult> {
  const parsed = SettingsSchema.shape.strictLimit.safeParse(strict);
  if (!parsed.success) return { ok: false, message: `strictLimit: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  await db.settings.put({ key: 'strictLimit', value: parsed.data, updatedAt: now.toISOString() });
  return { ok: true, settings: await getSettings(db) };
}

/**
 * Whether job pages seen in private windows are recorded. Off unless the user turned it on: a
 * private window is where people expect nothing to be kept.
 */
export async function getRecordPrivateWindows(db: JobLensDb): Promise<boolean> {
  const parsed = SettingRowSchema.safeParse(await db.settings.get('recordPrivateWindows'));
  return parsed.success && parsed.data.key === 'recordPrivateWindows' && parsed.data.value;
}

export async function setRecordPrivateWindows(db: JobLensDb, value: boolean, now: Date): Promise<boolean> {
  await db.settings.put({ key: 'recordPrivateWindows', value, updatedAt: now.toISOString() });
  return getRecordPrivateWindows(db);
}
