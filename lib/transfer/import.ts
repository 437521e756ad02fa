import type { z } from 'zod';
import type { JobPosting } from '../posting/schema';
import { canonicalJobUrl } from '../sites/urls';
import type { JobLensDb } from '../store/db';
import { changedFieldsBetween, MAX_VERSIONS_PER_JOB } from '../store/jobs';
import { JobRecordSchema, postingOf, type JobRecord, type PostingVersion, type StatusChange } from '../store/schema';
import {
  EXPORT_FORMAT,
  FORMAT_STEPS,
  IMPORT_LIMITS,
  readExportFile,
  type ExportFile,
  type FormatStep,
  type ImportLimits,
  type ExportedVersion,
} from './format';

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; message: string };

export interface ImportSummary {
  jobsAdded: number;
  jobsUpdated: number;
  jobsUnchanged: number;
  versionsAdded: number;
  settingsUpdated: number;
  profileUpdated: boolean;
}
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; message: string };

/** `jobs[3].minimumQualifications[0]`, the way a person would look the place up in the file. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(file)';
}

function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  let where = formatPath(issue.path);
  const [table, index] = issue.path;
  if (table === 'jobs' && typeof index === 'number') {
    const jobId = (input.jobs as { jobId?: unknown }[] | undefined)?.[index]?.jobId;
    if (typeof jobId === 'string' && /^\d{1,25}$/.test(jobId)) where += ` (job ${jobId})`;
  }
  return `${where}: ${issue.message}`;
}

const refuse = (reason: string): { ok: false; message: string } => ({
  ok: false,
  message: `Import refused, nothing was changed. ${reason}`,
});

/**
 * Reads and validates a whole export file, of any format version ever written, and upgrades it to
 * the latest. Anything wrong anywhere refuses the file: a partial import would leave the user
 * unsure what they have. `steps` is for tests of a hypothetical next format version.
 */
export function parseExport(text: string, limits: ImportLimits = IMPORT_LIMITS, steps: readonly FormatStep[] = FORMAT_STEPS): ParseResult {
  if (typeof text !== 'string') return refuse('The file could not be read as text.');
  if (text.length > limits.maxChars) {
    return refuse(`The file is too large (${text.length} characters; the limit is ${limits.maxChars}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(`The file is not valid JSON, it may be truncated (${(error as Error).message}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse('The file is not a Job Lens export (expected a JSON object).');
  }
  const top = data as Record<string, unknown>;
  if (top.format !== EXPORT_FORMAT) {
    return refuse(
      `The file is not a Job Lens export (format is ${JSON.stringify(top.format ?? null).slice(0, 60)}, expected "${EXPORT_FORMAT}").`,
    );
  }
  const read = readExportFile(top, limits, steps);
  if (!read.ok) {
    if (read.reason === 'newer') {
      return refuse(`The file was made by a newer Job Lens (export version ${String(read.version)}); update the extension first.`);
    }
    if (read.reason === 'unknown-version') {
      return refuse(`The file has no export version Job Lens knows (version is ${JSON.stringify(read.version ?? null).slice(0, 40)}).`);
    }
    return refuse(`Invalid value at ${describeIssue(read.error.issues[0]!, top)}`);
  }
  const file = read.file;

  const firstIndex = new Map<string, number>();
  for (const [i, job] of file.jobs.entries()) {
    const seen = firstIndex.get(job.jobId);
    if (seen !== undefined) return refuse(`Invalid value at jobs[${i}].jobId: job ${job.jobId} appears twice (also jobs[${seen}]).`);
    firstIndex.set(job.jobId, i);
  }
  for (const [i, version] of file.versions.entries()) {
    if (!firstIndex.has(version.jobId)) {
      return refuse(`Invalid value at versions[${i}].jobId: no job ${version.jobId} in this file.`);
    }
  }
  return { ok: true, file };
}

/**
 * What a file may not decide. A time after the import is clamped to the import's time: a year
 * 9999 in a file would otherwise win every later merge and make each real visit look stale. A
 * job's link is rebuilt from its site and id, so a file cannot point "Open on TikTok" elsewhere.
 */
function sanitizeFile(file: ExportFile, now: Date): ExportFile {
  const nowIso = now.toISOString();
  const limit = now.getTime();
  const at = <T extends string | null>(time: T): T => (time !== null && Date.parse(time) > limit ? (nowIso as T) : time);
  const posting = <P extends JobPosting>(p: P): P => ({
    ...p,
    url: canonicalJobUrl(p.site, p.jobId),
    extractedAt: at(p.extractedAt),
  });
  return {
    ...file,
    jobs: file.jobs.map((job) => ({
      ...posting(job),
      statusHistory: job.statusHistory.map((change) => ({ ...change, at: at(change.at) })),
      notesUpdatedAt: at(job.notesUpdatedAt),
      appliedAt: at(job.appliedAt),
      applyStartedAt: at(job.applyStartedAt),
      userUpdatedAt: at(job.userUpdatedAt),
      firstSeenAt: at(job.firstSeenAt),
      lastSeenAt: at(job.lastSeenAt),
      changedAt: at(job.changedAt),
      applyAskAgainAt: at(job.applyAskAgainAt),
      siteStatus: job.siteStatus && { ...job.siteStatus, appliedAt: at(job.siteStatus.appliedAt), readAt: at(job.siteStatus.readAt) },
    })),
    versions: file.versions.map((v) => ({ ...v, savedAt: at(v.savedAt), posting: posting(v.posting) })),
    settings: file.settings.map((row) => ({ ...row, updatedAt: at(row.updatedAt) })),
    profile: file.profile ? { ...file.profile, updatedAt: at(file.profile.updatedAt) } : null,
    siteApplications: file.siteApplications.map((row) => ({
      ...row,
      appliedAt: at(row.appliedAt),
      firstReadAt: at(row.firstReadAt),
      readAt: at(row.readAt),
    })),
  };
}

const byTime = (a: StatusChange, b: StatusChange) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
const newer = (a: string | null, b: string | null) => (a ?? '') > (b ?? '');

/**
 * One job from the database and the same job from a file become one record:
 * - extracted fields: the copy extracted later wins (a tie keeps the database's); if that
 *   replaces different text, the replaced copy is returned to be kept as an earlier version;
 * - the application (status, date, pending mark): the side the user changed last wins;
 * - notes: the side written last wins;
 * - the status history: both, merged, so no recorded change is lost;
 * - first and last seen: the earliest and the latest.
 */
function mergeJobRecords(existing: JobRecord, incoming: JobRecord, now: Date): { job: JobRecord; replaced: JobPosting | null } {
  const takeIncomingPosting = incoming.extractedAt > existing.extractedAt;
  const base = takeIncomingPosting ? postingOf(incoming) : postingOf(existing);
  const changed = takeIncomingPosting ? changedFieldsBetween(postingOf(existing), base) : [];

  const application = newer(incoming.userUpdatedAt, existing.userUpdatedAt) ? incoming : existing;
  const notes = newer(incoming.notesUpdatedAt, existing.notesUpdatedAt) ? incoming : existing;

  const history = new Map<string, StatusChange>();
  for (const change of [...existing.statusHistory, ...incoming.statusHistory]) {
    history.set(`${change.at}|${change.status}`, change);
  }

  const job: JobRecord = {
    ...base,
    status: application.status,
    appliedAt: application.appliedAt,
    applyStartedAt: application.applyStartedAt,
    userUpdatedAt: application.userUpdatedAt,
    programOverride: application.programOverride ?? null,
    statusHistory: [...history.values()].sort(byTime).slice(-500),
    notes: notes.notes,
    notesUpdatedAt: notes.notesUpdatedAt,
    firstSeenAt: existing.firstSeenAt < incoming.firstSeenAt ? existing.firstSeenAt : incoming.firstSeenAt,
    lastSeenAt: existing.lastSeenAt > incoming.lastSeenAt ? existing.lastSeenAt : incoming.lastSeenAt,
    changedAt: changed.length > 0 ? now.toISOString() : existing.changedAt,
    changedFields: changed.length > 0 ? changed : existing.changedFields,
    viaReferral: existing.viaReferral === true || incoming.viaReferral === true,
    appliedDateUnknown: application.appliedDateUnknown ?? false,
    applyAskAgainAt: application.applyAskAgainAt ?? null,
    // The site's status read last is the site's current word.
    siteStatus:
      (incoming.siteStatus?.readAt ?? '') > (existing.siteStatus?.readAt ?? '') ? incoming.siteStatus : (existing.siteStatus ?? null),
    // Derived from the database's own profile and recomputed by the background: the file's is not kept.
    match: existing.match ?? null,
    // Whether the site still shows the job is as current as the copy of the posting that wins.
    closedAt: (takeIncomingPosting ? incoming.closedAt : existing.closedAt) ?? null,
  };
  return { job, replaced: changed.length > 0 ? postingOf(existing) : null };
}

const RECORD_KEYS = Object.keys(JobRecordSchema.shape) as (keyof JobRecord)[];

function sameRecord(a: JobRecord, b: JobRecord): boolean {
  return RECORD_KEYS.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

const versionKey = (v: { jobId: string; savedAt: string; posting: JobPosting }) => `${v.jobId}|${v.savedAt}|${v.posting.extractedAt}`;

/**
 * Validates the whole file, then merges it in one transaction: either every job, version,
 * setting and the profile is written, or (refusal, or any failure while writing) none is.
 */
export async function importJson(db: JobLensDb, text: string, now: Date, limits: ImportLimits = IMPORT_LIMITS): Promise<ImportResult> {
  const parsed = parseExport(text, limits);
  if (!parsed.ok) return parsed;
  try {
    const summary = await mergeFile(db, sanitizeFile(parsed.file, now), now);
    return { ok: true, summary };
  } catch (error) {
    return refuse(`Writing to the database failed (${(error as Error).message}).`);
  }
}

/**
 * The file the user picked, read and written here, in the extension page: the page shares the
 * database's origin, so a file of any size up to the limit needs no message (Chrome refuses a
 * message over 64 MiB). A file whose size alone is over the limit is refused without reading it.
 */
export async function importBlob(db: JobLensDb, blob: Blob, now: Date, limits: ImportLimits = IMPORT_LIMITS): Promise<ImportResult> {
  // A UTF-8 character takes at most 3 bytes per UTF-16 code unit, so a larger file is over for sure.
  if (blob.size > 3 * limits.maxChars) {
    return refuse(`The file is too large (${blob.size} bytes; the limit is ${limits.maxChars} characters).`);
  }
  let text: string;
  try {
    text = await blob.text();
  } catch (error) {
    return refuse(`The file could not be read (${(error as Error).message}).`);
  }
  return importJson(db, text, now, limits);
}

/** Merges an already validated file; `importJson` sanitises it first. */
export function mergeFile(db: JobLensDb, file: ExportFile, now: Date): Promise<ImportSummary> {
  return db.transaction('rw', [db.jobs, db.versions, db.settings, db.profile, db.siteApplications], async () => {
    const summary: ImportSummary = {
      jobsAdded: 0,
      jobsUpdated: 0,
      jobsUnchanged: 0,
      versionsAdded: 0,
      settingsUpdated: 0,
      profileUpdated: false,
    };

    // Keys first: reading only the rows that exist keeps an import into a new or small
    // database from paying for thousands of lookups that find nothing.
    const stored = new Set(await db.jobs.toCollection().primaryKeys());
    const overlapping = file.jobs.filter((j) => stored.has(j.jobId)).map((j) => j.jobId);
    const existing = new Map<string, JobRecord>();
    for (const row of await db.jobs.bulkGet(overlapping)) if (row) existing.set(row.jobId, row);
    const toPut: JobRecord[] = [];
    const newVersions: ExportedVersion[] = [...file.versions];
    for (const incoming of file.jobs) {
      const current = existing.get(incoming.jobId);
      if (!current) {
        toPut.push(incoming);
        summary.jobsAdded += 1;
        continue;
      }
      const { job, replaced } = mergeJobRecords(current, incoming, now);
      if (replaced) newVersions.push({ jobId: job.jobId, savedAt: now.toISOString(), posting: replaced });
      if (sameRecord(job, current)) {
        summary.jobsUnchanged += 1;
      } else {
        // The merge only combines valid rows, but a row that fails here must stop the import, not be stored.
        toPut.push(JobRecordSchema.parse(job));
        summary.jobsUpdated += 1;
      }
    }
    await db.jobs.bulkPut(toPut);
    summary.versionsAdded = await mergeVersions(db, newVersions);

    for (const row of file.settings) {
      const current = await db.settings.get(row.key);
      if (!current || row.updatedAt > current.updatedAt) {
        await db.settings.put(row);
        summary.settingsUpdated += 1;
      }
    }

    // An application the site showed: the copy read from the site last is the site's current word.
    for (const row of file.siteApplications) {
      const current = await db.siteApplications.get(row.key);
      if (!current || row.readAt > current.readAt) await db.siteApplications.put(row);
    }

    if (file.profile) {
      const current = await db.profile.get('me');
      if (!current || file.profile.updatedAt > current.updatedAt) {
        await db.profile.put(file.profile);
        summary.profileUpdated = true;
      }
    }
    return summary;
  });
}

/**
 * Adds earlier copies that the database does not have yet (same job, replaced at the same time,
 * same extraction = same copy), keeping the per-job cap by dropping the oldest.
 */
async function mergeVersions(db: JobLensDb, incoming: ExportedVersion[]): Promise<number> {
  if (incoming.length === 0) return 0;
  const jobIds = [...new Set(incoming.map((v) => v.jobId))];
  const stored = await db.versions.where('jobId').anyOf(jobIds).toArray();
  const known = new Set(stored.map(versionKey));
  const perJob = new Map<string, (PostingVersion | ExportedVersion)[]>();
  for (const v of stored) perJob.set(v.jobId, [...(perJob.get(v.jobId) ?? []), v]);

  let added = 0;
  for (const v of incoming) {
    const key = versionKey(v);
    if (known.has(key)) continue;
    known.add(key);
    perJob.set(v.jobId, [...(perJob.get(v.jobId) ?? []), v]);
  }

  const toAdd: Omit<PostingVersion, 'id'>[] = [];
  const toDelete: number[] = [];
  for (const versions of perJob.values()) {
    versions.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
    const dropped = versions.slice(0, Math.max(0, versions.length - MAX_VERSIONS_PER_JOB));
    const kept = versions.slice(dropped.length);
    for (const v of dropped) if ('id' in v) toDelete.push(v.id);
    for (const v of kept) {
      if (!('id' in v)) {
        toAdd.push({ jobId: v.jobId, savedAt: v.savedAt, posting: v.posting });
        added += 1;
      }
    }
  }
  await db.versions.bulkDelete(toDelete);
  await db.versions.bulkAdd(toAdd);
  return added;
}
