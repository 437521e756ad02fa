import { z } from '../zod';
import { localNoon } from '../date';
import type { Site } from '../posting/schema';
import type { JobLensDb } from './db';
import { isSubmittedStatus } from './jobs';
import { JobRecordSchema, SiteApplicationRowSchema, type JobRecord, type JobStatus, type SiteApplicationRow } from './schema';

/**
 * Applications recorded from what the site shows: the confirmation page after a form, the
 * "already applied" dialog, and the history page. The user's own records always win: nothing here
 * deletes an application, lowers a status or replaces a date the user gave; where the site says
 * something else, it is kept beside the user's record (`siteStatus`) for the popup to show both.
 */

const MAX_HISTORY = 500;

/** What the site said about one application, as the background receives it. */
export interface SiteApplicationInput {
  site: Site;
  jobId: string | null;
  title: string | null;
  viaReferral: boolean;
  status: string | null;
  /** Local date and time as the site showed it (`YYYY-MM-DDTHH:MM` or `YYYY-MM-DD`). */
  appliedAt: string | null;
}

/**
 * The site's date in the user's own time zone (the page renders it in the browser's), as an
 * instant. A day without a time becomes local noon, like a date picked in the popup.
 */
export function siteDateToIso(local: string | null): string | null {
  if (local === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  if (!m) return null;
  if (m[4] === undefined) return localNoon(`${m[1]}-${m[2]}-${m[3]}`);
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const siteApplicationKey = (site: Site, jobId: string | null, title: string | null) =>
  jobId !== null ? `${site}:${jobId}` : `${site}:title:${title ?? ''}`;

function withStatus(job: JobRecord, status: JobStatus, at: string): JobRecord {
  if (job.status === status) return job;
  return { ...job, status, statusHistory: [...job.statusHistory, { status, at }].slice(-MAX_HISTORY) };
}

/** A job the user had not recorded as applied, now applied on `appliedAt` (or on `at`, date unknown). */
function markApplied(job: JobRecord, appliedAt: string | null, at: string, viaReferral: boolean): JobRecord {
  const status: JobStatus = isSubmittedStatus(job.status) ? job.status : 'applied';
  return {
    ...withStatus(job, status, at),
    appliedAt: appliedAt ?? at,
    appliedDateUnknown: appliedAt === null,
    applyStartedAt: null,
    applyAskAgainAt: null,
    userUpdatedAt: at,
    viaReferral: job.viaReferral === true || viaReferral,
  };
}

/**
 * Brings one history row into the job it belongs to. Never downgrades: a job already recorded as
 * applied keeps its status (Interviewing stays Interviewing whatever the site says) and its date,
 * unless that date was unknown; the site's status and date go to `siteStatus`.
 */
function mergeHistoryIntoJob(job: JobRecord, row: SiteApplicationInput, now: Date): JobRecord {
  const at = now.toISOString();
  const siteDate = siteDateToIso(row.appliedAt);
  const siteStatus = { text: row.status, appliedAt: siteDate, readAt: at };
  if (job.appliedAt === null) return { ...markApplied(job, siteDate, at, row.viaReferral), siteStatus };
  const next: JobRecord = { ...job, siteStatus, viaReferral: job.viaReferral === true || row.viaReferral };
  if (job.appliedDateUnknown === true && siteDate !== null) {
    return { ...next, appliedAt: siteDate, appliedDateUnknown: false, userUpdatedAt: at };
  }
  return next;
}

/** What one recording from the site changed, enough to put it back exactly. */
export const RecordingSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string().min(1).max(100),
    kind: z.literal('job'),
    jobId: z.string(),
    /** The fields the recording changed, as they were before it. */
    before: z.record(z.string(), z.unknown()),
    /** What it wrote, to tell whether the user changed the job since. */
    after: z.object({ status: z.string(), appliedAt: z.string().nullable() }),
    tabId: z.number().int().nullable(),
  }),
  z.object({
    id: z.string().min(1).max(100),
    kind: z.literal('site'),
    key: z.string(),
    before: SiteApplicationRowSchema.nullable(),
    tabId: z.number().int().nullable(),
  }),
]);
export type Recording = z.infer<typeof RecordingSchema>;
/** A recording before the background gives it an id and the tab it came from. */
type RecordingBody = Recording extends infer R ? (R extends Recording ? Omit<R, 'id' | 'tabId'> : never) : never;

const RESTORED_FIELDS = [
  'status',
  'statusHistory',
  'appliedAt',
  'appliedDateUnknown',
  'applyStartedAt',
  'applyAskAgainAt',
  'userUpdatedAt',
  'viaReferral',
] as const satisfies readonly (keyof JobRecord)[];

function snapshot(job: JobRecord): Record<string, unknown> {
  const before: Record<string, unknown> = {};
  for (const key of RESTORED_FIELDS) before[key] = job[key] ?? null;
  return before;
}

export type RecordOutcome =
  | { recorded: 'job'; job: JobRecord; recording: RecordingBody }
  | { recorded: 'site'; row: SiteApplicationRow; recording: RecordingBody }
  /** Already recorded as applied: nothing to change, nothing to undo. */
  | { recorded: 'none'; job: JobRecord | null };

/**
 * The site confirmed a submission (`kind: 'confirmation'`, dated now) or said the job was applied
 * to before (`kind: 'duplicate'`, date unknown) for the job whose form the tab showed. A job with
 * no saved page is kept in `siteApplications`, so it counts all the same.
 */
export async function recordFromSite(
  db: JobLensDb,
  input: { site: Site; jobId: string; viaReferral: boolean; kind: 'confirmation' | 'duplicate' },
  now: Date,
): Promise<RecordOutcome> {
  const at = now.toISOString();
  return db.transaction('rw', db.jobs, db.siteApplications, async (): Promise<RecordOutcome> => {
    const job = await db.jobs.get(input.jobId);
    if (job) {
      const unknownDate = job.appliedDateUnknown === true;
      if (job.appliedAt !== null && !(unknownDate && input.kind === 'confirmation')) {
        if (input.viaReferral && job.viaReferral !== true) await db.jobs.put(JobRecordSchema.parse({ ...job, viaReferral: true }));
        return { recorded: 'none', job };
      }
      const next = JobRecordSchema.parse(markApplied(job, input.kind === 'confirmation' ? at : null, at, input.viaReferral));
      await db.jobs.put(next);
      return {
        recorded: 'job',
        job: next,
        recording: { kind: 'job', jobId: job.jobId, before: snapshot(job), after: { status: next.status, appliedAt: next.appliedAt } },
      };
    }
    const key = siteApplicationKey(input.site, input.jobId, null);
    const existing = await db.siteApplications.get(key);
    if (existing && !(existing.appliedDateUnknown && input.kind === 'confirmation')) return { recorded: 'none', job: null };
    const row = SiteApplicationRowSchema.parse({
      key,
      site: input.site,
      jobId: input.jobId,
      title: existing?.title ?? null,
      appliedAt: at,
      appliedDateUnknown: input.kind === 'duplicate',
      status: existing?.status ?? null,
      viaReferral: (existing?.viaReferral ?? false) || input.viaReferral,
      source: input.kind,
      firstReadAt: existing?.firstReadAt ?? at,
      readAt: at,
    });
    await db.siteApplications.put(row);
    return { recorded: 'site', row, recording: { kind: 'site', key, before: existing ?? null } };
  });
}

export type UndoResult = { ok: true } | { ok: false; message: string };

/**
 * Puts back exactly what one recording changed. Refused when the job has changed since (the user
 * edited it, or the history brought in another date): undoing then would overwrite their act.
 */
export async function undoRecording(db: JobLensDb, recording: Recording): Promise<UndoResult> {
  return db.transaction('rw', db.jobs, db.siteApplications, async (): Promise<UndoResult> => {
    if (recording.kind === 'site') {
      if (recording.before) await db.siteApplications.put(recording.before);
      else await db.siteApplications.delete(recording.key);
      return { ok: true };
    }
    const job = await db.jobs.get(recording.jobId);
    if (!job) return { ok: false, message: 'the job is no longer saved' };
    if (job.status !== recording.after.status || job.appliedAt !== recording.after.appliedAt) {
      return { ok: false, message: 'the application was changed since; change it in the popup instead' };
    }
    await db.jobs.put(JobRecordSchema.parse({ ...job, ...recording.before }));
    return { ok: true };
  });
}

export interface HistorySummary {
  /** Rows matched to a saved job. */
  matched: number;
  /** Of those, jobs the user had not recorded as applied, now applied with the site's date. */
  applied: number;
  /** Rows for jobs never saved, kept as applications. */
  kept: number;
}

/** One history row's fields as the background stores them. */
function siteRow(row: SiteApplicationInput, existing: SiteApplicationRow | undefined, at: string): SiteApplicationRow {
  const siteDate = siteDateToIso(row.appliedAt);
  // An earlier date already known stays; a date learnt now replaces only an unknown one.
  const keepDate = existing && !existing.appliedDateUnknown;
  return SiteApplicationRowSchema.parse({
    key: siteApplicationKey(row.site, row.jobId, row.title),
    site: row.site,
    jobId: row.jobId,
    title: row.title ?? existing?.title ?? null,
    appliedAt: keepDate ? existing.appliedAt : (siteDate ?? existing?.appliedAt ?? at),
    appliedDateUnknown: keepDate ? false : siteDate === null,
    status: row.status,
    viaReferral: (existing?.viaReferral ?? false) || row.viaReferral,
    source: existing?.source ?? 'history',
    firstReadAt: existing?.firstReadAt ?? at,
    readAt: at,
  });
}

/**
 * The history page read: each row goes to its saved job (by the job id its link names, else by
 * site and exact title) or, for a job never saved, to `siteApplications`. Titles shared by several
 * saved jobs of that site match only when exactly one of them is recorded as applied; otherwise
 * the row is kept on its own rather than pinned to a guess.
 */
export async function mergeHistory(db: JobLensDb, rows: readonly SiteApplicationInput[], now: Date): Promise<HistorySummary> {
  const at = now.toISOString();
  return db.transaction('rw', db.jobs, db.siteApplications, async () => {
    const summary: HistorySummary = { matched: 0, applied: 0, kept: 0 };
    const needTitles = rows.some((row) => row.jobId === null);
    const byTitle = new Map<string, JobRecord[]>();
    if (needTitles) {
      const sites = new Set(rows.map((row) => row.site));
      await db.jobs.each((job) => {
        if (!sites.has(job.site)) return;
        const key = `${job.site}\u0000${job.title}`;
        const list = byTitle.get(key);
        if (list) list.push(job);
        else byTitle.set(key, [job]);
      });
    }
    for (const row of rows) {
      let job: JobRecord | undefined;
      if (row.jobId !== null) job = await db.jobs.get(row.jobId);
      else if (row.title !== null) {
        const same = byTitle.get(`${row.site}\u0000${row.title}`) ?? [];
        const applied = same.filter((j) => j.appliedAt !== null);
        job = same.length === 1 ? same[0] : applied.length === 1 ? applied[0] : undefined;
      }
      if (job) {
        const fresh = (await db.jobs.get(job.jobId)) ?? job;
        const next = JobRecordSchema.parse(mergeHistoryIntoJob(fresh, row, now));
        await db.jobs.put(next);
        summary.matched += 1;
        if (fresh.appliedAt === null) summary.applied += 1;
        // Known before on its own (a confirmation or an earlier read): now it is the job's, once.
        await db.siteApplications.bulkDelete([
          siteApplicationKey(row.site, job.jobId, null),
          siteApplicationKey(row.site, null, row.title ?? job.title),
        ]);
        continue;
      }
      const key = siteApplicationKey(row.site, row.jobId, row.title);
      const existing = await db.siteApplications.get(key);
      await db.siteApplications.put(siteRow(row, existing, at));
      summary.kept += 1;
    }
    return summary;
  });
}

/**
 * A job seen for the first time that the site already showed as applied (history or confirmation
 * before its page was read): its application moves onto the job, so it is counted once.
 */
export async function adoptSiteApplication(db: JobLensDb, jobId: string, now: Date): Promise<boolean> {
  return db.transaction('rw', db.jobs, db.siteApplications, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) return false;
    const keys = [siteApplicationKey(job.site, job.jobId, null), siteApplicationKey(job.site, null, job.title)];
    const found = (await db.siteApplications.bulkGet(keys)).filter((r): r is SiteApplicationRow => r !== undefined);
    if (found.length === 0) return false;
    const row = found[0]!;
    let next = job;
    if (job.appliedAt === null) {
      next = markApplied(job, row.appliedDateUnknown ? null : row.appliedAt, now.toISOString(), row.viaReferral);
      if (row.appliedDateUnknown) next = { ...next, appliedAt: row.appliedAt };
    }
    if (row.source === 'history')
      next = { ...next, siteStatus: { text: row.status, appliedAt: row.appliedDateUnknown ? null : row.appliedAt, readAt: row.readAt } };
    await db.jobs.put(JobRecordSchema.parse(next));
    await db.siteApplications.bulkDelete(found.map((r) => r.key));
    return true;
  });
}

/** The user reached the job or its form through a referral link. */
export async function markViaReferral(db: JobLensDb, jobId: string): Promise<void> {
  await db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (job && job.viaReferral !== true) await db.jobs.put(JobRecordSchema.parse({ ...job, viaReferral: true }));
  });
}

/**
 * When the tab's own memory of its form is gone because the browser restarted between the form
 * and the confirmation, the one form of that site opened in the last day, before this session
 * began, and not yet answered is the form. Forms opened in this session are all in the tab memory,
 * so a confirmation page opened by hand in another tab records nothing; with none or several
 * candidates nothing is recorded either, and the popup asks as before.
 */
export async function soleOpenForm(db: JobLensDb, site: Site | null, now: Date, sessionStart: string): Promise<JobRecord | null> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  const open = (await db.jobs.where('applyStartedAt').between(since, sessionStart, true, false).toArray()).filter(
    (job) => job.appliedAt === null && (site === null || job.site === site),
  );
  return open.length === 1 ? open[0]! : null;
}
