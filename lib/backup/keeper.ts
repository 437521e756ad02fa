import type { MessageName, RequestOf, ResponseOf } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import type { JobLensDb } from '../store/db';
import { BackupReadError, readBackup, updateBackup, type BackupScope, type KeyValueArea } from './copy';
import { describeRestored, restoreFromBackup, restoredSomething, type RestoreSummary } from './restore';
import { isEmptyBackup, type Backup } from './schema';
import { exportAll } from '../transfer/export';
import { mergeFile } from '../transfer/import';
import {
  MODE_KEY,
  STATUS_KEY,
  isIndexedDbUnavailable,
  isStorageFailure,
  isStoragePressure,
  readStoredStatus,
  type DataStatus,
  type Notice,
  type StorageMode,
  type StoredStatus,
} from './status';

/** How often a session running on the copy for a failed database tries the database again. */
const RETURN_EVERY_MS = 5_000;
/**
 * How often job views whose save failed are tried again. A write refused for a full disk can still
 * be refused for a moment after space is freed (Chromium's view of the free space lags), so a
 * view is not given up at its first refusal.
 */
const UNSAVED_RETRY_MS = 3_000;
/** Views held for a retry at most; the oldest goes first (it comes back when the job is viewed again). */
const UNSAVED_MAX = 50;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

/**
 * What each message changes in the copy, from its payload and its answer. Typed over every
 * message, so a new message cannot be added without saying whether it touches the user's data.
 */
const BACKUP_SCOPES: { [K in MessageName]: (data: RequestOf<K>, value: ResponseOf<K>) => BackupScope | null } = {
  // A first visit takes over the site's row for the job (history, confirmation): both follow.
  'posting:seen': ({ posting }) => ({ seenJobIds: [posting.jobId], siteApplications: true }),
  // A reading not yet ready, or the one the tab last recorded, wrote nothing.
  'page:read': ({ jobId }, value) => (value.read && value.seen ? { seenJobIds: [jobId], siteApplications: true } : null),
  // A closed mark is the site's word, not the user's: it comes back when the job is viewed again.
  'posting:gone': () => null,
  'apply:started': ({ jobId }) => ({ jobIds: [jobId] }),
  'apply:confirm': ({ jobId }) => ({ jobIds: [jobId] }),
  'apply:dismiss': ({ jobId }) => ({ jobIds: [jobId] }),
  'job:setStatus': ({ jobId }) => ({ jobIds: [jobId] }),
  'job:setNotes': ({ jobId }) => ({ jobIds: [jobId] }),
  'job:acknowledgeChange': () => null,
  'job:delete': ({ jobId }) => ({ jobIds: [jobId] }),
  'settings:setCycleStart': () => ({ settings: true }),
  'settings:setRecordPrivate': () => ({ settings: true }),
  'data:imported': () => ({ allJobs: true, settings: true, profile: true, siteApplications: true }),
  'profile:save': () => ({ profile: true }),
  'limit:get': () => null,
  'data:status': () => null,
  'data:dismissNotice': () => null,
  'data:snapshot': () => null,
  // The site's pages name no job in their payload (the background knows it from the tab), so the
  // copy takes every job with user data and the site's own rows.
  'apply:submitted': () => ({ allJobs: true, siteApplications: true }),
  'apply:duplicate': () => ({ allJobs: true, siteApplications: true }),
  'apply:undo': () => ({ allJobs: true, siteApplications: true }),
  'history:read': () => ({ allJobs: true, siteApplications: true }),
  'apply:later': ({ jobId }) => ({ jobIds: [jobId] }),
  'flows:load': () => null,
  'banner:load': () => null,
  'job:setProgram': ({ jobId }) => ({ jobIds: [jobId] }),
  'settings:setStrictLimit': () => ({ settings: true }),
  'banner:dismiss': () => ({ settings: true }),
  // Deleting everything empties the copy too: a copy left behind would restore it at the next start.
  'data:deleteAll': () => ({ erase: true }),
  // The marks read the database and change nothing in it. Their setting and the sites where the
  // line was dismissed are the user's preference, but they are kept in storage.local itself (the
  // area the copy lives in), outside the database the copy restores: nothing for the copy to take.
  'marks:get': () => null,
  'marks:dismissLine': () => null,
  'marks:openPopup': () => null,
  'marks:setPrefs': () => null,
};

export interface KeeperDeps {
  area: KeyValueArea;
  now: () => Date;
  /** The database on disk; a session run on the copy deletes it when the user deletes everything. */
  open?: () => JobLensDb;
  /**
   * `storage.session` where the browser has it: in memory, so it takes what must not be written
   * to a full disk (the failure notices), and the pages learn the mode from it (`MODE_KEY`).
   */
  session?: KeyValueArea;
  /** An in-memory database of the same schema, for when IndexedDB cannot be used. */
  openMemory?: () => JobLensDb;
  /** Runs `retry` after `ms` (a timer by default; the tests call it themselves). */
  later?: (retry: () => Promise<void>, ms: number) => void;
}

/**
 * The background's side of the copy: keeps it written after every change, records what failed
 * and holds the notices until the user dismisses them.
 */
export class DataKeeper {
  private stored: StoredStatus = { notices: [], lastWriteFailure: null, privateModeTold: false };
  private backupWrittenAt: string | null = null;
  private backupJobs = 0;
  private revision = 0;
  db: JobLensDb;
  mode: StorageMode;

  constructor(
    private readonly deps: KeeperDeps,
    db: JobLensDb,
    mode: StorageMode,
  ) {
    this.db = db;
    this.mode = mode;
  }

  /**
   * Reads the notices kept from an earlier run of the background: this browser session's (a
   * stopped worker's) where there are any, else the last session's.
   */
  async load(): Promise<void> {
    try {
      const kept = (await this.deps.session?.get(STATUS_KEY).catch(() => undefined))?.[STATUS_KEY];
      this.stored = readStoredStatus(kept ?? (await this.deps.area.get(STATUS_KEY))[STATUS_KEY]);
      const copy = await readBackup(this.deps.area);
      if (copy.kind === 'ok') this.noteCopy(copy.backup);
    } catch {
      // storage.local unreadable: start with nothing to show rather than not at all.
    }
  }

  private noteCopy(backup: Backup) {
    this.backupWrittenAt = backup.writtenAt;
    this.backupJobs = Object.keys(backup.jobs).length;
  }

  status(): DataStatus {
    return {
      ...this.stored,
      mode: this.mode,
      backupWrittenAt: this.backupWrittenAt,
      backupJobs: this.backupJobs,
      revision: this.revision,
    };
  }

  /**
   * While a write is failing, or the session runs on the copy, the notices are not written to
   * `storage.local`: the disk is likely full, and a write there then can damage the store that
   * holds the copy (Chromium deletes an extension's storage it finds damaged at the next start).
   * They stay in memory and `storage.session`, which outlive a stopped worker, not the browser.
   */
  private async persist(): Promise<void> {
    await this.deps.session?.set({ [STATUS_KEY]: this.stored }).catch(() => undefined);
    if (this.stored.lastWriteFailure !== null || (this.mode === 'memory' && this.stored.notices.some((n) => n.kind === 'unavailable')))
      return;
    try {
      await this.deps.area.set({ [STATUS_KEY]: this.stored });
    } catch {
      // Kept in memory and answered from there: the pages still see it this session.
    }
  }

  async notify(kind: Notice['kind'], text: string): Promise<void> {
    const at = this.deps.now().toISOString();
    // One notice per kind: a second failure replaces the first instead of stacking up.
    const others = this.stored.notices.filter((n) => n.kind !== kind);
    this.stored = { ...this.stored, notices: [...others, { id: `${kind}:${at}`, kind, at, text }].slice(-20) };
    await this.persist();
  }

  async dismiss(id: string): Promise<void> {
    const privateMode = this.stored.notices.some((n) => n.id === id && n.kind === 'private-mode');
    this.stored = {
      ...this.stored,
      notices: this.stored.notices.filter((n) => n.id !== id),
      privateModeTold: this.stored.privateModeTold || privateMode,
    };
    await this.persist();
  }

  /** After a handler changed the database: the copy follows; a failure is told, never thrown. */
  async afterWrite(scope: BackupScope): Promise<void> {
    this.revision += 1;
    if (scope.erase && this.mode === 'memory') await this.eraseOnDisk();
    const hadFailure = this.stored.lastWriteFailure !== null;
    if (hadFailure) this.stored = { ...this.stored, lastWriteFailure: null };
    try {
      this.noteCopy(await updateBackup(this.db, this.deps.area, scope, this.deps.now()));
      if (this.stored.notices.some((n) => n.kind === 'backup-failed')) {
        this.stored = { ...this.stored, notices: this.stored.notices.filter((n) => n.kind !== 'backup-failed') };
        await this.persist();
      } else if (hadFailure) await this.persist();
    } catch (error) {
      const why = error instanceof BackupReadError ? error.message : `the copy could not be written: ${messageOf(error)}`;
      await this.notify(
        'backup-failed',
        `Job Lens could not update the backup copy of your data (${why}). Your earlier copy is kept. If your disk is full, free some space.`,
      );
    }
  }

  /**
   * Deleting everything while the session runs on the copy (the database did not open on a full
   * disk) must reach the database on disk too, or its rows would come back at the next start.
   * Where the browser gives no database at all there is nothing on disk to delete.
   */
  private async eraseOnDisk(): Promise<void> {
    if (!this.deps.open) return;
    try {
      await this.deps.open().delete();
    } catch (error) {
      if (isIndexedDbUnavailable(error)) return;
      await this.notify(
        'write-failed',
        `Job Lens deleted your data from this session and its backup copy, but not from its database on disk (${messageOf(error)}). Once there is space again, delete everything once more in Job Lens settings.`,
      );
    }
  }

  /**
   * A visit to a job the copy knows but the database lacks means the database lost rows while
   * the browser ran (Chromium evicts it when the disk fills): everything the copy has and the
   * database lacks goes back before the visit is recorded, so the visit lands on the restored
   * row and the count stays right. Costs a read of the copy; restores only on a loss.
   */
  async healBeforeSeen(jobId: string): Promise<void> {
    try {
      const copy = await readBackup(this.deps.area);
      if (copy.kind !== 'ok' || copy.backup.jobs[jobId] === undefined) return;
      if ((await this.db.jobs.get(jobId)) !== undefined) return;
      const summary = await restoreFromBackup(this.db, copy.backup);
      if (!restoredSomething(summary)) return;
      await this.notify(
        'restored',
        `Job Lens found jobs missing from its database and restored ${describeRestored(summary)} from its backup copy. Postings come back as you view them again.`,
      );
    } catch {
      // The visit itself goes on; the start-up restore tries again.
    }
  }

  /**
   * Dexie gives up on a database whose open failed (a full disk closes it under us) and refuses
   * every later call; opening again lets the next message work once there is space again.
   */
  async reopenIfFailed(): Promise<void> {
    if (this.mode !== 'indexeddb' || this.db.isOpen() || !this.db.hasFailed()) return;
    await this.db.open().catch(() => undefined);
  }

  private switchListeners: (() => void)[] = [];
  /**
   * The session runs on the copy because the database on disk failed (a full disk), not because
   * the browser has none: it goes back to the database once that opens again.
   */
  onCopyForDiskTrouble = false;
  private lastReturnTry = Number.NEGATIVE_INFINITY;

  /** Called after the session moved onto the copy (`recoverFromClosedDatabase`): whatever holds `db` takes the new one. */
  onSwitch(listener: () => void): void {
    this.switchListeners.push(listener);
  }

  /**
   * The database went away under a running session (Chromium closes it when the disk fills and
   * may refuse to open it again: "Internal error opening backing store") and does not open again:
   * the session goes on on the copy, as it would had the database failed to open at start, and
   * the database on disk is left as it is. True when the message that found the database closed
   * can be tried again: on the copy, or on the database itself when it opens at this try (a full
   * disk can refuse one open and allow the next, and the message would otherwise fail for a
   * database that is there).
   */
  async recoverFromClosedDatabase(): Promise<boolean> {
    if (this.mode !== 'indexeddb' || !this.deps.openMemory || this.db.isOpen()) return false;
    let why: unknown;
    try {
      await this.db.open();
      return true;
    } catch (error) {
      why = error;
    }
    try {
      const memory = this.deps.openMemory();
      await memory.open();
      const copy = await readBackup(this.deps.area).catch(() => null);
      if (copy?.kind === 'ok') await restoreFromBackup(memory, copy.backup);
      this.db = memory;
      this.mode = 'memory';
      this.onCopyForDiskTrouble = true;
      this.lastReturnTry = this.deps.now().getTime();
    } catch {
      return false;
    }
    await this.deps.session?.set({ [MODE_KEY]: 'memory' }).catch(() => undefined);
    await this.notify(
      'unavailable',
      `Job Lens lost the use of its database while the browser ran (${isStoragePressure(why) ? 'the disk is full' : messageOf(why)}). Nothing in it was deleted. Until it opens again, Job Lens runs on its backup copy: your applications, statuses, notes and profile are shown and kept; postings viewed meanwhile are kept in memory until then. If your disk is full, free some space.`,
    );
    for (const listener of this.switchListeners) listener();
    return true;
  }

  /**
   * While the session runs on the copy for a failed database, every so often (at a message, at
   * most once per `RETURN_EVERY_MS`) the database is tried again; once it opens, what the session
   * recorded is merged into it as an import of the session's data would be (the later change of
   * each status, note, setting and the profile wins; postings by their reading time), and the
   * session goes back to it. Nothing the database held is lost; the notice says it is back.
   */
  async returnToDisk(): Promise<boolean> {
    if (this.mode !== 'memory' || !this.onCopyForDiskTrouble || !this.deps.open) return false;
    const now = this.deps.now();
    if (now.getTime() - this.lastReturnTry < RETURN_EVERY_MS) return false;
    this.lastReturnTry = now.getTime();
    const disk = this.deps.open();
    try {
      await disk.open();
      await mergeFile(disk, await exportAll(this.db, now), now);
    } catch {
      disk.close();
      return false;
    }
    const memory = this.db;
    this.db = disk;
    this.mode = 'indexeddb';
    this.onCopyForDiskTrouble = false;
    memory.close();
    await this.deps.session?.set({ [MODE_KEY]: 'indexeddb' }).catch(() => undefined);
    this.stored = { ...this.stored, notices: this.stored.notices.filter((n) => n.kind !== 'unavailable') };
    await this.notify(
      'restored',
      'Job Lens can use its database again and has put into it what you recorded while it ran on its backup copy.',
    );
    for (const listener of this.switchListeners) listener();
    return true;
  }

  /**
   * Job views whose save was refused for storage (a full disk), by job id, with what saves each.
   * A view is the one change the user makes without knowing it, and so cannot be asked to repeat:
   * it is kept here and saved once the database takes writes again. Only in memory: the posting
   * can be read again from the site, and nothing else is written to a disk that is full.
   */
  private readonly unsaved = new Map<string, () => Promise<unknown>>();
  private lastUnsavedTry = Number.NEGATIVE_INFINITY;
  private retryPlanned = false;
  /** A round is running (the timer's and a message's must not both save the same view). */
  private savingUnsaved = false;

  /** Holds a view whose save failed; a later view of the same job replaces it. */
  holdUnsaved(jobId: string, save: () => Promise<unknown>): void {
    this.unsaved.delete(jobId);
    this.unsaved.set(jobId, save);
    // It was just refused: the next try waits its turn.
    this.lastUnsavedTry = this.deps.now().getTime();
    for (const oldest of this.unsaved.keys()) {
      if (this.unsaved.size <= UNSAVED_MAX) break;
      this.unsaved.delete(oldest);
    }
    this.planRetry();
  }

  /** How many job views wait to be saved. */
  get unsavedCount(): number {
    return this.unsaved.size;
  }

  private planRetry(): void {
    if (this.retryPlanned || this.unsaved.size === 0) return;
    this.retryPlanned = true;
    const later = this.deps.later ?? ((retry, ms) => void setTimeout(() => void retry(), ms));
    later(() => {
      this.retryPlanned = false;
      return this.saveUnsaved();
    }, UNSAVED_RETRY_MS);
  }

  /**
   * Tries the held views again, in the order they were made, at most once per `UNSAVED_RETRY_MS`
   * (at a message, or by the timer while nothing else comes). The first still refused for
   * storage stops the round: the disk is still full. One that fails otherwise (the posting no
   * longer valid for this database) is dropped, as its first attempt would have been.
   */
  async saveUnsaved(): Promise<void> {
    if (this.unsaved.size === 0 || this.savingUnsaved) return;
    const now = this.deps.now().getTime();
    if (now - this.lastUnsavedTry < UNSAVED_RETRY_MS) {
      this.planRetry();
      return;
    }
    this.lastUnsavedTry = now;
    this.savingUnsaved = true;
    let saved = 0;
    try {
      for (const [jobId, save] of [...this.unsaved]) {
        try {
          await save();
          saved += 1;
        } catch (error) {
          if (isStorageFailure(error)) break;
        }
        // A newer view of the same job held meanwhile stays for the next round.
        if (this.unsaved.get(jobId) === save) this.unsaved.delete(jobId);
      }
    } finally {
      this.savingUnsaved = false;
    }
    if (saved > 0) {
      await this.notify(
        'restored',
        `Job Lens has now saved ${saved === 1 ? 'a job' : `${saved} jobs`} you viewed while it could not write to its database.`,
      );
    }
    this.planRetry();
  }

  /** A handler's database write failed: nothing was written, the copy keeps the last good state. */
  async writeFailed(error: unknown): Promise<void> {
    const at = this.deps.now().toISOString();
    const message = messageOf(error);
    this.stored = { ...this.stored, lastWriteFailure: { at, message } };
    await this.notify(
      'write-failed',
      `Job Lens could not save a change (${message}). Your applications, statuses, notes and profile saved before it are kept. If your disk is full, free some space and try again.`,
    );
  }

  /** Brings a first copy into being for a database that has none yet (the release before had none). */
  async ensureCopy(): Promise<void> {
    try {
      const copy = await readBackup(this.deps.area);
      if (copy.kind === 'ok') return;
      this.noteCopy(await updateBackup(this.db, this.deps.area, {}, this.deps.now()));
    } catch (error) {
      await this.notify('backup-failed', `Job Lens could not write the backup copy of your data (${messageOf(error)}).`);
    }
  }
}

/** The job a message records as viewed, if it is a job view. */
function seenJobId(name: MessageName, data: unknown): string | null {
  if (name === 'posting:seen') return (data as RequestOf<'posting:seen'>).posting.jobId;
  if (name === 'page:read') return (data as RequestOf<'page:read'>).jobId;
  return null;
}

/**
 * Every handler followed by the copy's update, before the reply: when the reply arrives, the
 * change is in both places. A handler whose database write failed is recorded (the pages show
 * it) and its error still goes back to the sender. `handlers` may be a function giving the
 * current ones: a database lost while the browser runs moves the session onto the copy
 * (`recoverFromClosedDatabase`), and the message that found it lost is answered from there, or from the
 * database when it opens again at once.
 */
export function withBackup(handlers: Handlers | (() => Handlers), keeper: DataKeeper): Handlers {
  const current = typeof handlers === 'function' ? handlers : () => handlers;
  const wrapped = {} as Record<MessageName, unknown>;
  for (const name of Object.keys(current()) as MessageName[]) {
    const scopeOf = BACKUP_SCOPES[name] as (data: unknown, value: unknown) => BackupScope | null;
    const run = (data: unknown, context: unknown) =>
      (current()[name] as (data: unknown, context: unknown) => Promise<unknown>)(data, context);
    const save = async (data: unknown, context: unknown) => {
      const value = await run(data, context);
      const scope = scopeOf(data, value);
      if (scope) await keeper.afterWrite(scope);
      return value;
    };
    wrapped[name] = async (data: unknown, context: unknown) => {
      // Housekeeping for earlier failures; each step catches its own errors, so none keeps this
      // message from being tried.
      await keeper.returnToDisk();
      await keeper.reopenIfFailed();
      await keeper.saveUnsaved();
      const seen = seenJobId(name, data);
      if (seen !== null) await keeper.healBeforeSeen(seen);
      try {
        return await save(data, context);
      } catch (error) {
        if (!isStorageFailure(error)) throw error;
        if (!(await keeper.recoverFromClosedDatabase())) {
          await keeper.writeFailed(error);
          if (seen !== null) keeper.holdUnsaved(seen, () => save(data, context));
          throw error;
        }
        return save(data, context);
      }
    };
  }
  return wrapped as Handlers;
}

type StartOutcome =
  | 'opened'
  /** The database was empty or lacked jobs the copy has: they were put back. */
  | 'restored'
  /** The database could not be opened or upgraded: it was deleted, made anew and filled from the copy. */
  | 'recreated'
  /** IndexedDB is unavailable: an in-memory database filled from the copy, for this session. */
  | 'memory';

export interface StartDeps extends KeeperDeps {
  /** The real database (not yet opened). */
  open: () => JobLensDb;
  openMemory: () => JobLensDb;
  /**
   * Bytes this origin may still write (`navigator.storage.estimate()`: quota less usage, and the
   * quota follows the disk's free space), or undefined where the browser cannot say. Read only when
   * the database failed to open for a reason the browser did not name.
   */
  spaceLeft?: () => Promise<number | undefined>;
}

/**
 * Below this much room, a database that fails to open is taken to fail for the full disk. Chromium
 * does not always say so: with no space left it can report only "Internal error opening backing
 * store", the words it also uses for a damaged one. Deleting a whole database to make it anew on a
 * disk that cannot hold the new one would lose the postings for nothing.
 */
export const NEARLY_FULL_BYTES = 64 * 1024 * 1024;

export interface StartResult {
  keeper: DataKeeper;
  outcome: StartOutcome;
  restored: RestoreSummary | null;
}

/**
 * Opens the database at start and restores it from the copy when it is empty, lacks jobs the
 * copy has, cannot be opened or fails to upgrade. The damaged database is deleted only once the
 * copy has been read and holds something; the copy is only read here, never written, so a
 * restore that fails midway can be tried again at the next start.
 */
async function nearlyFull(deps: StartDeps): Promise<boolean> {
  const left = await deps.spaceLeft?.().catch(() => undefined);
  return left !== undefined && left < NEARLY_FULL_BYTES;
}

export async function startStore(deps: StartDeps): Promise<StartResult> {
  let copy: Backup | null = null;
  let copyProblem: string | null = null;
  try {
    const read = await readBackup(deps.area);
    if (read.kind === 'ok' && !isEmptyBackup(read.backup)) copy = read.backup;
    if (read.kind === 'invalid') copyProblem = read.reason;
  } catch (error) {
    copyProblem = messageOf(error);
  }

  const finish = async (
    db: JobLensDb,
    mode: StorageMode,
    outcome: StartOutcome,
    restored: RestoreSummary | null,
    notice?: [Notice['kind'], string],
  ) => {
    const keeper = new DataKeeper(deps, db, mode);
    await deps.session?.set({ [MODE_KEY]: mode }).catch(() => undefined);
    await keeper.load();
    if (notice && !(notice[0] === 'private-mode' && keeper.status().privateModeTold)) await keeper.notify(...notice);
    if (mode === 'indexeddb') await keeper.ensureCopy();
    return { keeper, outcome, restored };
  };
  const restoredText = (summary: RestoreSummary) =>
    `${describeRestored(summary)} from its backup copy. Postings come back as you view them again.`;

  const memory = async (why: [Notice['kind'], string]) => {
    const mem = deps.openMemory();
    await mem.open();
    const summary = copy ? await restoreFromBackup(mem, copy) : null;
    return finish(mem, 'memory', 'memory', summary, why);
  };

  /** A full disk, or a failure after a good open: the database is left exactly as it is. */
  async function memoryFromCopy(error: unknown, what: string, full = isStoragePressure(error)) {
    const why = full ? 'the disk is full' : messageOf(error);
    const then = full ? ' Free some space: Job Lens then opens its database again and puts into it what you recorded meanwhile.' : '';
    const started = await memory([
      'unavailable',
      `Job Lens ${what} (${why}). Nothing in it was deleted. Until it can, Job Lens runs on its backup copy: your applications, statuses, notes and profile are shown and kept; postings viewed meanwhile are kept in memory until then.${then}`,
    ]);
    started.keeper.onCopyForDiskTrouble = true;
    return started;
  }

  let db = deps.open();
  let openError: unknown;
  try {
    await db.open();
  } catch (error) {
    openError = error;
    db.close();
  }
  if (openError === undefined) {
    try {
      const wasEmpty = (await db.jobs.limit(1).primaryKeys()).length === 0;
      if (!copy) return await finish(db, 'indexeddb', 'opened', null);
      const summary = await restoreFromBackup(db, copy);
      if (!restoredSomething(summary)) return await finish(db, 'indexeddb', 'opened', summary);
      const what = wasEmpty
        ? 'found its database empty and restored'
        : summary.updated > 0
          ? 'found its database behind its backup copy and restored'
          : 'found jobs missing from its database and restored';
      return await finish(db, 'indexeddb', 'restored', summary, ['restored', `Job Lens ${what} ${restoredText(summary)}`]);
    } catch (error) {
      // The database opened, so it is whole: whatever failed after (a full disk refusing the
      // restore's write) is no reason to touch it. The session runs on the copy instead.
      db.close();
      return memoryFromCopy(error, 'could not bring its database up to date from its backup copy');
    }
  }
  if (isIndexedDbUnavailable(openError)) {
    return memory([
      'private-mode',
      'This browser does not let Job Lens keep a database (a private window or "Never remember history"). Your applications, statuses, notes and profile are kept in the extension\'s own storage; postings are kept only until the browser closes. Job pages viewed in private windows are recorded only if you turn on "Record job pages I view in private windows" in Job Lens settings.',
    ]);
  }

  if (isStoragePressure(openError) || (await nearlyFull(deps))) return memoryFromCopy(openError, 'could not open its database', true);

  const reason = messageOf(openError);
  if (copy) {
    try {
      await db.delete();
      db = deps.open();
      await db.open();
      const summary = await restoreFromBackup(db, copy);
      return await finish(db, 'indexeddb', 'recreated', summary, [
        'restored',
        `Job Lens could not open its database (${reason}) and restored ${restoredText(summary)}`,
      ]);
    } catch (error) {
      db.close();
      return memory([
        'unavailable',
        `Job Lens could not open its database (${reason}; then ${messageOf(error)}). It runs on its backup copy until the browser closes; nothing you record is lost from the copy.`,
      ]);
    }
  }
  // Without a copy the damaged database is left as it is (a later release may read it), and this
  // session runs in memory.
  return memory([
    'unavailable',
    `Job Lens could not open its database (${reason})${copyProblem ? ` and its backup copy is unreadable (${copyProblem})` : ''}. The database is left as it is; this session keeps its data in memory only.`,
  ]);
}
