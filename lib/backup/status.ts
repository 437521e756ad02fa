import { z } from '../zod';

/**
 * What the background tells the pages about the data: where it lives this session, what went
 * wrong, and the notices the user has not dismissed yet. Kept in `storage.local` so a notice
 * survives the MV3 worker stopping, and in the background's memory so it is still shown when
 * `storage.local` itself cannot be written (a full disk).
 */
export const STATUS_KEY = 'jobLensStatus';

/**
 * Where the background keeps the data this session (`StorageMode`), in `storage.session`: an
 * extension page reads it without waking the background, and it is written even on a full disk.
 */
export const MODE_KEY = 'jobLensMode';

const iso = z.iso.datetime();

const NOTICE_KINDS = ['restored', 'write-failed', 'backup-failed', 'private-mode', 'unavailable'] as const;

const NoticeSchema = z.object({
  id: z.string().max(100),
  kind: z.enum(NOTICE_KINDS),
  at: iso,
  text: z.string().max(2000),
});
export type Notice = z.infer<typeof NoticeSchema>;

const StoredStatusSchema = z.object({
  notices: z.array(NoticeSchema).max(20),
  /** The last write of user data that failed (disk full, quota); cleared by the next one that works. */
  lastWriteFailure: z.object({ at: iso, message: z.string().max(2000) }).nullable(),
  /** The user closed the private-profile notice: it is told once, not at every start. */
  privateModeTold: z.boolean().default(false),
});
export type StoredStatus = z.infer<typeof StoredStatusSchema>;

export type StorageMode = 'indexeddb' | 'memory';

export interface DataStatus extends StoredStatus {
  /** `memory`: IndexedDB is unavailable (a private profile); the session runs on the copy. */
  mode: StorageMode;
  /** When the copy was last written, null before the first one. */
  backupWrittenAt: string | null;
  /** Jobs and what the copy holds, for the settings page. */
  backupJobs: number;
  /** Moves on every change the background makes, so a page mirroring the data knows when to reload. */
  revision: number;
}

/** The answer when no keeper runs (tests of the plain handlers). */
export const NO_KEEPER_STATUS: DataStatus = {
  mode: 'indexeddb',
  notices: [],
  lastWriteFailure: null,
  privateModeTold: false,
  backupWrittenAt: null,
  backupJobs: 0,
  revision: 0,
};

export function readStoredStatus(raw: unknown): StoredStatus {
  const parsed = StoredStatusSchema.safeParse(raw);
  return parsed.success ? parsed.data : { notices: [], lastWriteFailure: null, privateModeTold: false };
}

/** Dexie's errors and the DOMExceptions underneath: the database failed, not the request. */
export function isStorageFailure(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null && 'name' in error)) return false;
  const name = String((error as { name: unknown }).name);
  return /QuotaExceeded|UnknownError|InvalidStateError|AbortError|DatabaseClosed|OpenFailed|DataError|VersionError|Upgrade|MissingAPI|NotFoundError|TransactionInactive|ReadOnly|Timeout/.test(
    name,
  );
}

/**
 * The disk (or the origin's quota) is full, as opposed to a damaged database: Chromium says
 * "Encountered full disk while opening backing store", Firefox and Chromium's writes throw
 * QuotaExceededError. Such a database is whole and opens again once there is space, so nothing
 * may be deleted on its account. Dexie keeps the browser's error as `inner`.
 */
export function isStoragePressure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    const name = String((e as { name?: unknown }).name ?? '');
    const message = String((e as { message?: unknown }).message ?? '');
    if (name === 'QuotaExceededError' || /\bfull disk\b|\bdisk (?:is )?full\b|\bquota\b|\bno space\b|\bnot enough space\b/i.test(message))
      return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

/** IndexedDB cannot be used at all here (Firefox without history, or no API), as opposed to a damaged database. */
export function isIndexedDbUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    const name = String((e as { name?: unknown }).name ?? '');
    if (name === 'InvalidStateError' || name === 'MissingAPIError' || name === 'SecurityError') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}
