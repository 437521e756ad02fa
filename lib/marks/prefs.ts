import type { Site } from '../posting/schema';

/**
 * The in-page marks setting and the sites where the job page line was dismissed. Kept in the
 * extension's storage.local by the background (never in the careers site's own storage, which its
 * scripts can read), under one key.
 */

export interface MarksPrefs {
  enabled: boolean;
  dismissedSites: Site[];
}

export const PREFS_KEY = 'pageMarks';
export const DEFAULT_PREFS: MarksPrefs = { enabled: true, dismissedSites: [] };

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface PrefsStore {
  get(): Promise<MarksPrefs>;
  set(prefs: MarksPrefs): Promise<void>;
}

/** A stored value that is not what we wrote reads as the defaults: the setting is cheap to set again. */
export function parsePrefs(value: unknown): MarksPrefs {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_PREFS, dismissedSites: [] };
  const { enabled, dismissedSites } = value as Record<string, unknown>;
  return {
    enabled: typeof enabled === 'boolean' ? enabled : DEFAULT_PREFS.enabled,
    dismissedSites: Array.isArray(dismissedSites) ? dismissedSites.filter((s): s is Site => s === 'tiktok' || s === 'bytedance') : [],
  };
}

export function areaPrefs(area: KeyValueArea): PrefsStore {
  return {
    get: async () => parsePrefs((await area.get(PREFS_KEY))[PREFS_KEY]),
    set: (prefs) => area.set({ [PREFS_KEY]: prefs }),
  };
}

/** For tests and for a background without storage: forgets on restart. */
export function memoryPrefs(): PrefsStore {
  let prefs: MarksPrefs = { ...DEFAULT_PREFS, dismissedSites: [] };
  return { get: async () => prefs, set: async (next) => void (prefs = next) };
}
