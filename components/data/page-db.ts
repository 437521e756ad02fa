import { isIndexedDbUnavailable } from '../../lib/backup/status';
import { loadSnapshot } from '../../lib/backup/snapshot';
import { openDb, type JobLensDb } from '../../lib/store/db';
import type { Send } from './api';

/** How often a mirroring page asks whether the background's data moved. */
const MIRROR_POLL_MS = 1000;

export interface PageDb {
  db: JobLensDb;
  /** True when IndexedDB is unavailable and the page shows a copy of the background's data. */
  mirrored: boolean;
  /** After a write through the background: the mirror catches up before the caller goes on. */
  refresh(): Promise<void>;
}

/**
 * The database for an extension page. Normally the page opens the extension's own database
 * (same origin) and follows it live. Where the browser gives no IndexedDB (Firefox with "Never
 * remember history"), the background runs on an in-memory database, and the page keeps an
 * in-memory mirror of it, reloaded from `data:snapshot` whenever the background's revision moves;
 * the page's live queries then follow the mirror as they would the database.
 */
export async function openPageDb(send: Send, open: () => JobLensDb = () => openDb()): Promise<PageDb> {
  const db = open();
  try {
    await db.open();
    return { db, mirrored: false, refresh: async () => undefined };
  } catch (error) {
    // A damaged database is the background's to restore; the page shows what fails as before.
    if (!isIndexedDbUnavailable(error)) return { db, mirrored: false, refresh: async () => undefined };
    db.close();
  }
  const { openMemoryDb } = await import('../../lib/backup/memory');
  const mirror = openMemoryDb();
  let revision = -1;
  const refresh = async () => {
    const snapshot = await send('data:snapshot', {});
    if (snapshot.revision === revision) return;
    revision = snapshot.revision;
    await loadSnapshot(mirror, snapshot);
  };
  await refresh();
  setInterval(() => {
    send('data:status', {})
      .then(({ status }) => (status.revision !== revision ? refresh() : undefined))
      .catch(() => undefined);
  }, MIRROR_POLL_MS);
  return { db: mirror, mirrored: true, refresh };
}

/**
 * Asks the browser to keep the extension's storage when the disk fills (evicted first otherwise).
 * Asked once it is granted; the answer is the state after asking.
 */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  if (!storage?.persisted) return null;
  try {
    if (await storage.persisted()) return true;
    return (await storage.persist?.()) ?? false;
  } catch {
    return null;
  }
}
