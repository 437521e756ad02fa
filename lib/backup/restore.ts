import type { JobPosting } from '../posting/schema';
import { PROFILE_ROW_ID } from '../profile/schema';
import { ProgramOverrideSchema } from '../program/schema';
import { canonicalJobUrl } from '../sites/urls';
import type { JobLensDb } from '../store/db';
import {
  JobRecordSchema,
  SettingRowSchema,
  SiteApplicationRowSchema,
  SiteStatusSchema,
  type JobRecord,
  type SettingRow,
  type SiteApplicationRow,
} from '../store/schema';
import { BackupJobSchema, type Backup, type BackupJob } from './schema';

/**
 * A restored job's `extractedAt`: older than any real reading, so the next visit replaces every
 * posting field, and recognisable, so that visit counts as a first reading rather than a change.
 */
export const RESTORED_EXTRACTED_AT = '1970-01-01T00:00:00.000Z';

export function isRestoredPlaceholder(row: { extractedAt: string }): boolean {
  return row.extractedAt === RESTORED_EXTRACTED_AT;
}

/**
 * The smallest job row the copy can rebuild: the user's data as kept, the posting's text empty
 * (it comes back when the job is viewed again), the link built from the site and the id.
 */
function jobRowFromBackup(entry: BackupJob): JobRecord {
  const posting: JobPosting = {
    jobId: entry.jobId,
    url: canonicalJobUrl(entry.site, entry.jobId),
    site: entry.site,
    title: entry.title,
    jobCode: null,
    category: null,
    team: null,
    locations: [],
    employmentType: null,
    degreeLevels: [],
    cohort: null,
    description: '',
    responsibilities: [],
    minimumQualifications: [],
    preferredQualifications: [],
    startDates: [],
    internshipPeriods: [],
    commitment: null,
    applicationLimit: entry.applicationLimit,
    onsiteDaysPerWeek: null,
    contactEmail: null,
    jobInformation: '',
    extractedAt: RESTORED_EXTRACTED_AT,
  };
  return {
    ...posting,
    status: entry.status,
    statusHistory: entry.statusHistory,
    notes: entry.notes,
    notesUpdatedAt: entry.notesUpdatedAt,
    appliedAt: entry.appliedAt,
    applyStartedAt: entry.applyStartedAt,
    userUpdatedAt: entry.userUpdatedAt,
    firstSeenAt: entry.firstSeenAt,
    lastSeenAt: entry.lastSeenAt,
    changedAt: null,
    changedFields: [],
    viaReferral: entry.viaReferral,
    appliedDateUnknown: entry.appliedDateUnknown,
    applyAskAgainAt: entry.applyAskAgainAt,
    siteStatus: SiteStatusSchema.nullable().catch(null).parse(entry.siteStatus),
    programOverride: ProgramOverrideSchema.catch(null).parse(entry.programOverride),
    // Scored again by the background against the profile; the site's closed mark comes back on a visit.
    match: null,
    closedAt: null,
  };
}

export interface RestoreSummary {
  /** Jobs added back (each with what the user had recorded on it). */
  jobs: number;
  /** Jobs the database had, whose status or notes the copy holds a later change of. */
  updated: number;
  applications: number;
  statuses: number;
  notes: number;
  profile: boolean;
  settings: number;
  /** Entries of the copy that could not be read or would not make a valid row; left in the copy. */
  skipped: number;
}

export function restoredSomething(summary: RestoreSummary): boolean {
  // Applications include the site's rows for jobs never viewed, which are no job of their own.
  return summary.jobs > 0 || summary.updated > 0 || summary.applications > 0 || summary.profile || summary.settings > 0;
}

const later = (a: string | null, b: string | null) => (a ?? '') > (b ?? '');

/**
 * A row the database has, with what the copy recorded later put on it: the application (status,
 * dates, pending mark, program, referral) if the user changed it later in the copy, the notes if
 * they were written later there, the status history of both. Null when the row is as new as the
 * copy, which is always the case while both are written together; the copy is ahead only when the
 * database lost writes (a session run on the copy while the disk was full).
 */
function catchUp(row: JobRecord, entry: BackupJob): { row: JobRecord; application: boolean; status: boolean; notes: boolean } | null {
  const takeApplication = later(entry.userUpdatedAt, row.userUpdatedAt);
  const takeNotes = later(entry.notesUpdatedAt, row.notesUpdatedAt) && entry.notes !== row.notes;
  if (!takeApplication && !takeNotes) return null;
  let next = row;
  if (takeApplication) {
    const history = new Map(row.statusHistory.map((change) => [`${change.at}|${change.status}`, change]));
    for (const change of entry.statusHistory) history.set(`${change.at}|${change.status}`, change);
    next = {
      ...next,
      status: entry.status,
      statusHistory: [...history.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).slice(-500),
      appliedAt: entry.appliedAt,
      applyStartedAt: entry.applyStartedAt,
      userUpdatedAt: entry.userUpdatedAt,
      viaReferral: row.viaReferral === true || entry.viaReferral,
      appliedDateUnknown: entry.appliedDateUnknown,
      applyAskAgainAt: entry.applyAskAgainAt,
      programOverride: ProgramOverrideSchema.catch(row.programOverride ?? null).parse(entry.programOverride),
    };
  }
  if (takeNotes) next = { ...next, notes: entry.notes, notesUpdatedAt: entry.notesUpdatedAt };
  const parsed = JobRecordSchema.safeParse(next);
  if (!parsed.success) return null;
  return {
    row: parsed.data,
    application: takeApplication && entry.appliedAt !== null && row.appliedAt === null,
    status: takeApplication && entry.status !== row.status,
    notes: takeNotes,
  };
}

/**
 * Puts back into the database whatever of the copy it lacks or holds a later change of: a job row
 * where there is no row with that id, the user's later status or notes on a row it has (see
 * `catchUp`), the profile and each setting where there is none or the copy's is later. What the
 * database has that is as new as the copy, or newer, is never replaced, so restoring into a
 * healthy database changes nothing. One transaction: a failure leaves the database as it was.
 * The copy itself is not touched.
 */
export async function restoreFromBackup(db: JobLensDb, backup: Backup): Promise<RestoreSummary> {
  const rows: JobRecord[] = [];
  const entries: BackupJob[] = [];
  let skipped = 0;
  for (const entry of Object.values(backup.jobs)) {
    const parsed = BackupJobSchema.safeParse(entry);
    const row = parsed.success ? JobRecordSchema.safeParse(jobRowFromBackup(parsed.data)) : null;
    if (parsed.success && row?.success) {
      rows.push(row.data);
      entries.push(parsed.data);
    } else skipped += 1;
  }
  const settings: SettingRow[] = [];
  for (const entry of backup.settings) {
    const parsed = SettingRowSchema.safeParse(entry);
    if (parsed.success) settings.push(parsed.data);
    else skipped += 1;
  }

  const siteApplications: SiteApplicationRow[] = [];
  for (const entry of backup.siteApplications) {
    const parsed = SiteApplicationRowSchema.safeParse(entry);
    if (parsed.success) siteApplications.push(parsed.data);
    else skipped += 1;
  }

  return db.transaction('rw', [db.jobs, db.settings, db.profile, db.siteApplications], async (): Promise<RestoreSummary> => {
    const presentSite = await db.siteApplications.bulkGet(siteApplications.map((row) => row.key));
    const missingSite = siteApplications.filter((_, i) => presentSite[i] === undefined);
    await db.siteApplications.bulkAdd(missingSite);

    const existing = await db.jobs.bulkGet(rows.map((row) => row.jobId));
    const missing = rows.filter((_, i) => existing[i] === undefined);
    await db.jobs.bulkAdd(missing);
    const caughtUp = existing.flatMap((row, i) => (row === undefined ? [] : (catchUp(row, entries[i]!) ?? [])));
    await db.jobs.bulkPut(caughtUp.map((c) => c.row));

    const present = new Map((await db.settings.toArray()).map((row) => [row.key, row]));
    const laterSettings = settings.filter((row) => {
      const kept = present.get(row.key);
      return kept === undefined || later(row.updatedAt, kept.updatedAt);
    });
    await db.settings.bulkPut(laterSettings);

    let profile = false;
    const keptProfile = backup.profile ? await db.profile.get(PROFILE_ROW_ID) : undefined;
    if (backup.profile && (keptProfile === undefined || later(backup.profile.updatedAt, keptProfile.updatedAt))) {
      await db.profile.put({ id: PROFILE_ROW_ID, data: backup.profile.data, updatedAt: backup.profile.updatedAt });
      profile = true;
    }
    const count = (test: (c: (typeof caughtUp)[number]) => boolean) => caughtUp.filter(test).length;
    return {
      jobs: missing.length,
      updated: caughtUp.length,
      applications: missing.filter((row) => row.appliedAt !== null).length + missingSite.length + count((c) => c.application),
      statuses: missing.filter((row) => row.status !== 'seen').length + count((c) => c.status),
      notes: missing.filter((row) => row.notes !== '').length + count((c) => c.notes),
      profile,
      settings: laterSettings.length,
      skipped,
    };
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "12 applications, 30 notes and your profile", for the notice. */
export function describeRestored(summary: RestoreSummary): string {
  const parts: string[] = [];
  if (summary.applications > 0) parts.push(plural(summary.applications, 'application'));
  const otherStatuses = summary.statuses - summary.applications;
  if (otherStatuses > 0) parts.push(plural(otherStatuses, 'other job status', 'other job statuses'));
  if (summary.notes > 0) parts.push(plural(summary.notes, 'note'));
  if (summary.profile) parts.push('your profile');
  if (summary.settings > 0) parts.push('your settings');
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
