import { z } from '../zod';
import { SiteSchema } from '../posting/schema';
import { RecordingSchema, type Recording } from '../store/flows';

/**
 * The background's memory of which application form each tab showed, and of the recordings a
 * page note can still undo. MV3 stops the service worker at will, so nothing lives only in a
 * variable: it sits in a storage area (`storage.session` where the browser has it, which survives
 * the worker and is cleared with the browser session; else `storage.local`). Everything read back
 * is validated, so a stale or foreign entry is ignored rather than trusted.
 */

/** The part of `browser.storage.StorageArea` used here. */
export interface KeyValueArea {
  /** `null` reads every key. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const FormSeenSchema = z.object({
  site: SiteSchema,
  jobId: z.string().regex(/^\d{6,25}$/),
  viaReferral: z.boolean(),
  at: z.iso.datetime(),
  /** Its confirmation was recorded: a reload of the confirmation page records nothing more. */
  recordedAt: z.iso.datetime().nullable().default(null),
});
export type FormSeen = z.output<typeof FormSeenSchema>;

/** A form remembered longer than this is not the one a confirmation belongs to. */
const FORM_MEMORY_MS = 24 * 60 * 60 * 1000;
/** How long a page note's undo stays possible. */
const UNDO_MEMORY_MS = 24 * 60 * 60 * 1000;

const StoredRecordingSchema = z.object({ recording: RecordingSchema, at: z.iso.datetime() });

const tabKey = (tabId: number) => `jl:tab:${tabId}`;
const undoKey = (id: string) => `jl:undo:${id}`;

export class TabMemory {
  constructor(private readonly area: KeyValueArea) {}

  async rememberForm(tabId: number, form: z.input<typeof FormSeenSchema>): Promise<void> {
    await this.area.set({ [tabKey(tabId)]: form });
  }

  /** The form this tab showed last, if it is recent. */
  async formOf(tabId: number, now: Date): Promise<FormSeen | null> {
    const key = tabKey(tabId);
    const parsed = FormSeenSchema.safeParse((await this.area.get(key))[key]);
    if (!parsed.success) return null;
    if (now.getTime() - Date.parse(parsed.data.at) > FORM_MEMORY_MS) return null;
    return parsed.data;
  }

  /**
   * When this browser session began, as far as this memory knows: forms opened since are all in
   * it, so only forms opened before (a restart in between) can be missing from it.
   */
  async sessionStart(now: Date): Promise<string> {
    const key = 'jl:session';
    const found = z.iso.datetime().safeParse((await this.area.get(key))[key]);
    if (found.success) return found.data;
    await this.area.set({ [key]: now.toISOString() });
    return now.toISOString();
  }

  async forgetTab(tabId: number): Promise<void> {
    await this.area.remove(tabKey(tabId));
  }

  /**
   * Forgets every tab. Tab ids start again after a browser restart, so where the area outlives
   * the session (`storage.local`), an old entry could otherwise name a new tab's form.
   */
  async forgetAllTabs(): Promise<void> {
    const keys = Object.keys(await this.area.get(null)).filter((key) => key.startsWith('jl:tab:') || key === 'jl:session');
    if (keys.length > 0) await this.area.remove(keys);
  }

  async rememberRecording(recording: Recording, now: Date): Promise<void> {
    await this.area.set({ [undoKey(recording.id)]: { recording, at: now.toISOString() } });
  }

  async recording(id: string, now: Date): Promise<Recording | null> {
    const key = undoKey(id);
    const parsed = StoredRecordingSchema.safeParse((await this.area.get(key))[key]);
    if (!parsed.success) return null;
    if (now.getTime() - Date.parse(parsed.data.at) > UNDO_MEMORY_MS) return null;
    return parsed.data.recording;
  }

  async forgetRecording(id: string): Promise<void> {
    await this.area.remove(undoKey(id));
  }
}

/** An area in a plain Map: for tests, and where no storage API is available. */
export function memoryArea(store = new Map<string, unknown>()): KeyValueArea & { store: Map<string, unknown> } {
  const copy = (value: unknown) => (value === undefined ? undefined : structuredClone(value));
  return {
    store,
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const key of keys === null ? [...store.keys()] : typeof keys === 'string' ? [keys] : keys) {
        if (store.has(key)) out[key] = copy(store.get(key));
      }
      return out;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) store.set(key, copy(value));
    },
    async remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) store.delete(key);
    },
  };
}
