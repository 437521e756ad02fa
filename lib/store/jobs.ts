import { z } from '../zod';
import { JobPostingSchema, type JobPosting } from '../posting/schema';
import { canonicalJobUrl } from '../sites/urls';
import type { JobLensDb } from './db';
import { isRestoredPlaceholder } from '../backup/restore';
import {
  APPLIED_STATUSES,
  JobRecordSchema,
  JobStatusSchema,
  TRACKED_FIELDS,
  postingOf,
  type JobRecord,
  type JobStatus,
  type PostingVersion,
} from './schema';

/** Earlier copies kept per job; a page that keeps changing must not grow the database without end. */
export const MAX_VERSIONS_PER_JOB = 20;
const MAX_HISTORY = 500;

export type SeenOutcome =
  /** First time this job is seen. */
  | 'created'
  /** Seen again, text unchanged. */
  | 'updated'
  /** Seen again and the text differs: the earlier copy went to `versions`. */
  | 'changed'
  /** An extraction older than the stored one (tabs racing): only `lastSeenAt` moves. */
  | 'stale';

export type SeenResult = { ok: true; outcome: SeenOutcome; job: JobRecord } | { ok: false; reason: string };

export type JobUpdateFailure = 'not-found' | 'invalid-input' | 'needs-applied-date';
export type JobUpdateResult = { ok: true; job: JobRecord } | { ok: false; reason: JobUpdateFailure; message: string };

const JobIdSchema = JobPostingSchema.shape.jobId;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields whose value differs between two copies of the same posting. */
export function changedFieldsBetween(before: JobPosting, after: JobPosting): string[] {
  return TRACKED_FIELDS.filter((key) => !sameValue(before[key], after[key]));
}

const later = (a: string, b: string) => (a > b ? a : b);

export function isSubmittedStatus(status: JobStatus): boolean {
  return APPLIED_STATUSES.includes(status);
}

/** A fresh record for a posting seen for the first time. */
export function newJobRecord(posting: JobPosting, seenAt: string): JobRecord {
  return {
    ...posting,
    status: 'seen',
    statusHistory: [],
    notes: '',
    notesUpdatedAt: null,
    appliedAt: null,
    applyStartedAt: null,
    userUpdatedAt: null,
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    changedAt: null,
    changedFields: [],
    viaReferral: false,
    appliedDateUnknown: false,
    applyAskAgainAt: null,
    siteStatus: null,
    programOverride: null,
    match: null,
    closedAt: null,
  };
}

/**
 * What the background calls when a posting arrives from a tab. A new job is kept as "seen"; a
 * re-visit refreshes the extracted fields and `lastSeenAt` and never touches the user's own data.
 * Runs in one read-write transaction so that many tabs saving at once serialise instead of
 * overwriting each other.
 */
export async function recordPostingSeen(db: JobLensDb, input: JobPosting, now: Date): Promise<SeenResult> {
  const parsed = JobPostingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: `invalid posting at ${firstIssue(parsed.error)}` };
  // The link is the job's own address, whatever URL the page was read under.
  const posting = { ...parsed.data, url: canonicalJobUrl(parsed.data.site, parsed.data.jobId) };
  const seenAt = now.toISOString();

  return db.transaction('rw', db.jobs, db.versions, async (): Promise<SeenResult> => {
    const existing = await db.jobs.get(posting.jobId);
    if (!existing) {
      const job = newJobRecord(posting, seenAt);
      await db.jobs.add(job);
      return { ok: true, outcome: 'created', job };
    }

    const lastSeenAt = later(existing.lastSeenAt, seenAt);
    if (posting.extractedAt < existing.extractedAt) {
      const job = { ...existing, lastSeenAt };
      await db.jobs.put(job);
      return { ok: true, outcome: 'stale', job };
    }

    const before = postingOf(existing);
    // A row rebuilt from the backup copy has no text to compare: this visit is its first reading.
    const changed = isRestoredPlaceholder(existing) ? [] : changedFieldsBetween(before, posting);
    const job: JobRecord = {
      ...existing,
      ...posting,
      lastSeenAt,
      changedAt: changed.length > 0 ? seenAt : existing.changedAt,
      changedFields: changed.length > 0 ? changed : existing.changedFields,
      // The page shows the posting again: it is open.
      closedAt: null,
    };
    await db.jobs.put(job);
    if (changed.length > 0) await addVersion(db, { jobId: posting.jobId, savedAt: seenAt, posting: before });
    return { ok: true, outcome: changed.length > 0 ? 'changed' : 'updated', job };
  });
}

/** Keeps an earlier copy and drops the oldest beyond the cap. Call inside a transaction on `versions`. */
export async function addVersion(db: JobLensDb, version: Omit<PostingVersion, 'id'>): Promise<void> {
  await db.versions.add(version);
  const versions = (await db.versions.where('jobId').equals(version.jobId).toArray()).sort(versionOrder);
  const excess = versions.length - MAX_VERSIONS_PER_JOB;
  if (excess > 0) await db.versions.bulkDelete(versions.slice(0, excess).map((v) => v.id));
}

/** When a copy was replaced, then insertion order: imported copies can be older than local ones. */
export function versionOrder(a: PostingVersion, b: PostingVersion): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? -1 : 1;
  return a.id - b.id;
}

/**
 * Reads, changes and writes one job in a single transaction; the result is validated before it
 * is written, so a bug cannot store a row that a later read or an export would refuse.
 */
async function updateJob(
  db: JobLensDb,
  jobId: string,
  change: (job: JobRecord) => JobRecord | { reason: JobUpdateFailure; message: string },
): Promise<JobUpdateResult> {
  if (!JobIdSchema.safeParse(jobId).success) {
    return { ok: false, reason: 'invalid-input', message: `not a job id: ${JSON.stringify(jobId).slice(0, 40)}` };
  }
  return db.transaction('rw', db.jobs, async (): Promise<JobUpdateResult> => {
    const existing = await db.jobs.get(jobId);
    if (!existing) return { ok: false, reason: 'not-found', message: `no job ${jobId}` };
    const next = change(existing);
    if ('reason' in next) return { ok: false, ...next };
    const job = JobRecordSchema.parse(next);
    await db.jobs.put(job);
    return { ok: true, job };
  });
}

/**
 * A date the user gives for their application. The popup sends the local noon of the day picked;
 * a bare date (an import, a script) is stored at noon UTC, the same calendar day in every zone
 * from UTC−11 to UTC+11.
 */
export const AppliedAtInputSchema = z.union([
  z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()),
  z.iso.date().transform((s) => `${s}T12:00:00.000Z`),
]);

/** Clock skew and time zones: a date "today" in the user's zone can be up to a day ahead of UTC. */
const FUTURE_TOLERANCE_MS = 36 * 60 * 60 * 1000;

function parseAppliedAt(input: string | undefined, now: Date): string | null | { reason: JobUpdateFailure; message: string } {
  if (input === undefined) return null;
  const parsed = AppliedAtInputSchema.safeParse(input);
  if (!parsed.success) return { reason: 'invalid-input', message: `appliedAt ${firstIssue(parsed.error)}` };
  if (Date.parse(parsed.data) > now.getTime() + FUTURE_TOLERANCE_MS) {
    return { reason: 'invalid-input', message: 'appliedAt is in the future' };
  }
  return parsed.data;
}

function withStatus(job: JobRecord, status: JobStatus, at: string): JobRecord {
  if (job.status === status) return job;
  const statusHistory = [...job.statusHistory, { status, at }].slice(-MAX_HISTORY);
  return { ...job, status, statusHistory };
}

/**
 * Sets the user's status for a job and records the change with its time. "applied" and the
 * statuses after it need the application date, given here or already recorded. Going back to
 * "seen" or "saved" undoes a mistaken application: the date is cleared and it no longer counts.
 */
export function setStatus(
  db: JobLensDb,
  jobId: string,
  status: JobStatus,
  now: Date,
  options: { appliedAt?: string } = {},
): Promise<JobUpdateResult> {
  const at = now.toISOString();
  return updateJob(db, jobId, (job) => {
    if (!JobStatusSchema.safeParse(status).success) {
      return { reason: 'invalid-input', message: `unknown status ${JSON.stringify(status).slice(0, 40)}` };
    }
    const given = parseAppliedAt(options.appliedAt, now);
    if (given !== null && typeof given === 'object') return given;
    if (!isSubmittedStatus(status)) {
      return { ...withStatus(job, status, at), appliedAt: null, appliedDateUnknown: false, userUpdatedAt: at };
    }
    const appliedAt = given ?? job.appliedAt;
    if (appliedAt === null) {
      return { reason: 'needs-applied-date', message: `"${status}" needs the date of the application` };
    }
    if (job.status === status && job.appliedAt === appliedAt && (given === null || job.appliedDateUnknown !== true)) return job;
    // A date the user gives answers the "when did you apply?" question.
    const appliedDateUnknown = given === null && job.appliedDateUnknown === true;
    return { ...withStatus(job, status, at), appliedAt, appliedDateUnknown, applyStartedAt: null, userUpdatedAt: at };
  });
}

export const NotesSchema = z.string().max(20_000);

export function setNotes(db: JobLensDb, jobId: string, notes: string, now: Date): Promise<JobUpdateResult> {
  return updateJob(db, jobId, (job) => {
    const parsed = NotesSchema.safeParse(notes);
    if (!parsed.success) return { reason: 'invalid-input', message: `notes ${firstIssue(parsed.error)}` };
    if (parsed.data === job.notes) return job;
    return { ...job, notes: parsed.data, notesUpdatedAt: now.toISOString() };
  });
}

/**
 * The user opened the application form (`/resume/<id>/apply`). Opening it is not applying: the
 * job waits in `pendingConfirmations` until the user confirms or dismisses, and is not counted.
 * A job already applied to is left as it is.
 */
export function recordApplyStarted(db: JobLensDb, jobId: string, now: Date): Promise<JobUpdateResult> {
  const at = now.toISOString();
  return updateJob(db, jobId, (job) => (job.appliedAt !== null ? job : { ...job, applyStartedAt: at, userUpdatedAt: at }));
}

/**
 * The user confirms they submitted. The date defaults to when they opened the form, which is
 * closer to the real submission than the moment they answer the prompt.
 */
export function confirmApplication(db: JobLensDb, jobId: string, now: Date, appliedAt?: string): Promise<JobUpdateResult> {
  const at = now.toISOString();
  return updateJob(db, jobId, (job) => {
    const given = parseAppliedAt(appliedAt, now);
    if (given !== null && typeof given === 'object') return given;
    const date = given ?? job.applyStartedAt ?? at;
    const status: JobStatus = isSubmittedStatus(job.status) ? job.status : 'applied';
    return {
      ...withStatus(job, status, at),
      appliedAt: date,
      appliedDateUnknown: false,
      applyStartedAt: null,
      applyAskAgainAt: null,
      userUpdatedAt: at,
    };
  });
}

/** The user says they did not submit after all: the pending mark goes, nothing is counted. */
export function dismissApplyPrompt(db: JobLensDb, jobId: string, now: Date): Promise<JobUpdateResult> {
  return updateJob(db, jobId, (job) =>
    job.applyStartedAt === null ? job : { ...job, applyStartedAt: null, applyAskAgainAt: null, userUpdatedAt: now.toISOString() },
  );
}

/** How long "Not yet" puts the question away. */
export const ASK_AGAIN_AFTER_MS = 24 * 60 * 60 * 1000;

/** "Not yet": the form stays open in Job Lens's eyes and the question comes back a day later. */
export function snoozeApplyPrompt(db: JobLensDb, jobId: string, now: Date): Promise<JobUpdateResult> {
  return updateJob(db, jobId, (job) =>
    job.applyStartedAt === null || job.appliedAt !== null
      ? job
      : { ...job, applyAskAgainAt: new Date(now.getTime() + ASK_AGAIN_AFTER_MS).toISOString() },
  );
}

/** Jobs recorded as applied without a date (the site's "already applied" dialog): the popup asks when. */
export async function datesToAsk(db: JobLensDb): Promise<JobRecord[]> {
  return (await listApplications(db)).filter(needsDate);
}

/** An application the site reported without a date: the popup asks the user for it. */
export function needsDate(job: Pick<JobRecord, 'appliedAt' | 'appliedDateUnknown'>): boolean {
  return job.appliedAt !== null && job.appliedDateUnknown === true;
}

/**
 * The job's URL shows the site's not-found view: the posting was taken down. A kept job is marked
 * closed (the first time it is found so, kept after); nothing is created for a job never read.
 */
export async function recordPostingGone(db: JobLensDb, jobId: string, now: Date): Promise<boolean> {
  const result = await updateJob(db, jobId, (job) => (job.closedAt ? job : { ...job, closedAt: now.toISOString() }));
  return result.ok;
}

/** The user has looked at what changed in the posting; the mark goes, the earlier copies stay. */
export function acknowledgeChange(db: JobLensDb, jobId: string): Promise<JobUpdateResult> {
  return updateJob(db, jobId, (job) => (job.changedAt === null ? job : { ...job, changedAt: null, changedFields: [] }));
}

/**
 * Jobs whose application form was opened and not yet confirmed or dismissed, oldest first; with
 * `now`, those put off with "Not yet" wait until their time comes.
 */
export async function pendingConfirmations(db: JobLensDb, now?: Date): Promise<JobRecord[]> {
  const started = await db.jobs.orderBy('applyStartedAt').toArray();
  const at = now?.toISOString();
  return started.filter(
    (job) => job.applyStartedAt !== null && job.appliedAt === null && !(at && job.applyAskAgainAt && job.applyAskAgainAt > at),
  );
}

export function getJob(db: JobLensDb, jobId: string): Promise<JobRecord | undefined> {
  return db.jobs.get(jobId);
}

/** The most recently seen jobs, newest first (the popup's list). */
export function listRecent(db: JobLensDb, limit: number): Promise<JobRecord[]> {
  return db.jobs
    .orderBy('lastSeenAt')
    .reverse()
    .limit(Math.max(0, Math.floor(limit)))
    .toArray();
}

export function listByStatus(db: JobLensDb, status: JobStatus): Promise<JobRecord[]> {
  return db.jobs.where('status').equals(status).toArray();
}

/** Every job with an application date, in the order the applications were made. */
export function listApplications(db: JobLensDb): Promise<JobRecord[]> {
  return db.jobs.orderBy('appliedAt').toArray();
}

/** Earlier copies of a posting, oldest first. */
export async function getVersions(db: JobLensDb, jobId: string): Promise<PostingVersion[]> {
  return (await db.versions.where('jobId').equals(jobId).toArray()).sort(versionOrder);
}

/** Forgets a job and its earlier copies. */
export async function deleteJob(db: JobLensDb, jobId: string): Promise<boolean> {
  return db.transaction('rw', db.jobs, db.versions, async () => {
    const existed = (await db.jobs.get(jobId)) !== undefined;
    await db.jobs.delete(jobId);
    await db.versions.where('jobId').equals(jobId).delete();
    return existed;
  });
}
