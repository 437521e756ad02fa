import type { JobLensDb } from '../store/db';
import type { JobRecord } from '../store/schema';
import { BACKUP_JOB_FIELDS, BACKUP_KEY, BackupSchema, emptyBackup, type Backup, type BackupJob } from './schema';

/** The part of `browser.storage.local` the copy needs; tests pass fakeBrowser's or a failing one. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export type ReadBackupResult =
  | { kind: 'none' }
  | { kind: 'ok'; backup: Backup }
  /** Present but not a copy this version can read (damaged, or written by a newer release). */
  | { kind: 'invalid'; reason: string };

export async function readBackup(area: KeyValueArea): Promise<ReadBackupResult> {
  const raw = (await area.get(BACKUP_KEY))[BACKUP_KEY];
  if (raw === undefined) return { kind: 'none' };
  const parsed = BackupSchema.safeParse(raw);
  if (parsed.success) return { kind: 'ok', backup: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'invalid', reason: `${issue?.path.join('.') || '(copy)'}: ${issue?.message ?? 'invalid'}` };
}

/** Something of the user's that a visit to the page cannot bring back. */
function hasUserData(row: JobRecord): boolean {
  return (
    row.status !== 'seen' ||
    row.notes !== '' ||
    row.appliedAt !== null ||
    row.applyStartedAt !== null ||
    row.siteStatus !== null ||
    row.programOverride !== null
  );
}

/** The copy's entry for a job: every field the copy's schema names, taken from the row. */
function jobEntryOf(row: JobRecord): BackupJob {
  const entry: Record<string, unknown> = {};
  const source = row as unknown as Record<string, unknown>;
  for (const key of BACKUP_JOB_FIELDS) entry[key] = source[key];
  return entry as BackupJob;
}

/**
 * What changed, so the copy is patched rather than rebuilt: a user's act names its job, a visit
 * names the job seen (its title and limit are refreshed, nothing is added), an import rewrites
 * every job with user data.
 */
export interface BackupScope {
  /** Jobs the user changed: their entry follows the row (removed when the row is gone or plain again). */
  jobIds?: readonly string[];
  /** Jobs seen: an existing entry takes the posting's title and limit; an entry is added only for a row with user data. */
  seenJobIds?: readonly string[];
  /** Every job with user data is written; nothing is removed (an import adds, it never deletes). */
  allJobs?: boolean;
  settings?: boolean;
  profile?: boolean;
  /** The applications the site showed for jobs never viewed: the copy follows the table. */
  siteApplications?: boolean;
  /** The user deleted everything: the copy is emptied with the database. */
  erase?: boolean;
}

export class BackupReadError extends Error {
  override name = 'BackupReadError';
}

const chains = new WeakMap<KeyValueArea, Promise<unknown>>();

/** One patch at a time per area: two read-modify-writes racing would drop one of them. */
function serialised<T>(area: KeyValueArea, run: () => Promise<T>): Promise<T> {
  const previous = chains.get(area) ?? Promise.resolve();
  const next = previous.then(run, run);
  chains.set(
    area,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Brings the copy up to date with the database after a change. The database is read first and a
 * failed read throws `BackupReadError` before anything is written: a copy is never computed from
 * a database that could not be read. A failed write throws too, leaving the previous copy as it
 * was. Nothing is ever removed because the database lacks it, except for the jobs the user acted
 * on: a database emptied behind our back must not empty the copy. Returns the copy as stored.
 */
export function updateBackup(db: JobLensDb, area: KeyValueArea, scope: BackupScope, now: Date): Promise<Backup> {
  return serialised(area, async () => {
    if (scope.erase) {
      const empty = emptyBackup(now.toISOString());
      await area.set({ [BACKUP_KEY]: empty });
      return empty;
    }
    const current = await readBackup(area);
    // A copy that cannot be read is rebuilt whole from the database.
    const rebuild = current.kind !== 'ok';
    const base = current.kind === 'ok' ? current.backup : emptyBackup(now.toISOString());
    const ids = [...new Set([...(scope.jobIds ?? []), ...(scope.seenJobIds ?? [])])];

    let rows: (JobRecord | undefined)[];
    let all: JobRecord[] | null = null;
    let settings: Backup['settings'] | null = null;
    let profile: { data: unknown; updatedAt: string } | undefined | null = null;
    let siteApplications: unknown[] | null = null;
    try {
      rows = ids.length > 0 ? await db.jobs.bulkGet(ids) : [];
      if (scope.allJobs || rebuild) all = await db.jobs.toArray();
      if (scope.settings || rebuild) settings = await db.settings.toArray();
      if (scope.profile || rebuild) profile = await db.profile.get('me');
      if (scope.siteApplications || rebuild) siteApplications = await db.siteApplications.toArray();
      // The site's rows leave the table when the user undoes one or a job takes its row over, so
      // an empty table is followed; but not from a database that lost rows behind our back (a job
      // the copy keeps is gone from it): the copy is what brings them back.
      if (siteApplications?.length === 0 && base.siteApplications.length > 0) {
        const kept = await db.jobs.bulkGet(Object.keys(base.jobs));
        if (kept.some((row) => row === undefined)) siteApplications = null;
      }
    } catch (error) {
      throw new BackupReadError(`the database could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }

    const jobs = { ...base.jobs };
    const acted = new Set(scope.jobIds ?? []);
    ids.forEach((jobId, i) => {
      const row = rows[i];
      if (acted.has(jobId)) {
        if (row && hasUserData(row)) jobs[jobId] = jobEntryOf(row);
        else delete jobs[jobId];
      } else if (row && jobs[jobId] !== undefined) {
        const entry = jobs[jobId] as Record<string, unknown>;
        jobs[jobId] = { ...entry, title: row.title, applicationLimit: row.applicationLimit, lastSeenAt: row.lastSeenAt };
      } else if (row && hasUserData(row)) {
        // A first visit can bring user data with it: the site's row for the job moves onto it.
        jobs[jobId] = jobEntryOf(row);
      }
    });
    for (const row of all ?? []) if (hasUserData(row)) jobs[row.jobId] = jobEntryOf(row);

    const next: Backup = {
      ...base,
      jobs,
      settings: settings ?? base.settings,
      // There is no way to delete the profile: a missing row is a lost one, and the copy keeps its own.
      profile: profile ? { data: profile.data, updatedAt: profile.updatedAt } : base.profile,
      siteApplications: siteApplications ?? base.siteApplications,
    };
    if (!rebuild && JSON.stringify({ ...next, writtenAt: '' }) === JSON.stringify({ ...base, writtenAt: '' })) return base;
    next.writtenAt = now.toISOString();
    await area.set({ [BACKUP_KEY]: next });
    return next;
  });
}
