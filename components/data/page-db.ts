import { readBackup, type KeyValueArea } from '../../lib/backup/copy';
import { restoreFromBackup } from '../../lib/backup/restore';
import { loadSnapshot } from '../../lib/backup/snapshot';
import { MODE_KEY } from '../../lib/backup/status';
import { openDb, type JobLensDb } from '../../lib/store/db';
import type { Send } from '../shared/api';

/** How often a mirroring page asks whether the background's data moved. */
const MIRROR_POLL_MS = 1000;

export interface PageDb {
  db: JobLensDb;
  /** True when the page cannot open the database and shows a copy of the background's data. */
  mirrored: boolean;
  /** After a write through the background: the mirror catches up before the caller goes on. */
  refresh(): Promise<void>;
}

/**
 * The database for an extension page. Normally the page opens the extension's own database
 * (same origin) and follows it live. Where it cannot — the browser gives no IndexedDB (Firefox
 * with "Never remember history", where the background runs on an in-memory database) or the
 * database fails to open (a full disk) — the page keeps an in-memory mirror of the background's
 * data, reloaded from `data:snapshot` whenever the background's revision moves; the page's live
 * queries then follow the mirror as they would the database.
 */
export async function openPageDb(
  send: Send,
  open: () => JobLensDb = () => openDb(),
  /** Where the backup copy is (`browser.storage.local`), for when the background cannot answer either. */
  area?: KeyValueArea,
  /** `browser.storage.session`, where the background says which database it runs on. */
  session?: KeyValueArea,
): Promise<PageDb> {
  const db = open();
  // The background's mode is read while the database opens, not after: one wait fewer before
  // the first screen.
  const [opened, noted] = await Promise.all([
    db.open().then(
      () => true,
      () => false,
    ),
    notedMode(session),
  ]);
  if (opened && !(await backgroundRunsOnCopy(send, noted))) return { db, mirrored: false, refresh: async () => undefined };
  // Unavailable (a private profile) or failing (a full disk, a damaged database the background
  // is restoring), or open here while the background runs on its copy: either way the page shows
  // what the background has, and its notices say why.
  db.close();
  const { openMemoryDb } = await import('../../lib/backup/memory');
  const mirror = openMemoryDb();
  let revision = -1;
  const refresh = async () => {
    const snapshot = await send('data:snapshot', {});
    if (snapshot.revision === revision) return;
    revision = snapshot.revision;
    await loadSnapshot(mirror, snapshot);
  };
  // A background that cannot read either: the mirror shows the backup copy (applications,
  // statuses, notes, profile), and the page still opens and tells what failed.
  await refresh().catch(async () => {
    const copy = area ? await readBackup(area).catch(() => null) : null;
    if (copy?.kind === 'ok') await restoreFromBackup(mirror, copy.backup).catch(() => undefined);
  });
  const catchUp = () => {
    send('data:status', {})
      .then(({ status }) => (status.revision !== revision ? refresh() : undefined))
      .catch(() => undefined);
  };
  setInterval(catchUp, MIRROR_POLL_MS);
  // A hidden page's timers are throttled (Firefox can hold them for many seconds), so a page the
  // user comes back to would show old data until the next poll: it catches up as it shows.
  globalThis.document?.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') catchUp();
  });
  return { db: mirror, mirrored: true, refresh };
}

/**
 * The background may run on its copy while the database opens here (it failed to open on a full
 * disk at the background's start, and space was freed since): the page must then show what the
 * background keeps, not a database no change reaches this session. The mode in `storage.session`
 * answers without waking the background; only when it says "memory" is the background asked, as
 * the mode may be a stopped worker's.
 */
async function backgroundRunsOnCopy(send: Send, noted: unknown): Promise<boolean> {
  if (noted !== 'memory') return false;
  return send('data:status', {}).then(
    ({ status }) => status.mode === 'memory',
    () => false,
  );
}

function notedMode(session: KeyValueArea | undefined): Promise<unknown> {
  return (
    session?.get(MODE_KEY).then(
      (items) => items[MODE_KEY],
      () => undefined,
    ) ?? Promise.resolve(undefined)
  );
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
