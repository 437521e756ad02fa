import { bannerContent, type BannerContent } from '../banner/content';
import { computeLimitState, countFor, dismissalKey, type LimitApplicationInput, type LimitState, type ProgramCount } from '../limit/limit';
import { deriveProgram, effectiveProgram, intakeOf, programFor, type Program, type ProgramOverride } from '../program/program';
import { ProgramOverrideSchema } from '../program/schema';
import { PROGRAM_TRACKS, type ProgramTrack } from '../sites/programs';
import type { JobLensDb } from './db';
import { JobRecordSchema, type ApplicationRow, type JobRecord, type SiteApplicationRow } from './schema';
import { getSettings } from './settings';

/** The program a saved job counts against: the user's correction (rows before it have none), else the posting's. */
export function programOfJob(job: ProgramFields): Program | null {
  return effectiveProgram(job, job.programOverride ?? null);
}

/** What decides a job's program: the posting's fields and the user's correction. */
type ProgramFields = Pick<JobRecord, 'title' | 'cohort' | 'employmentType' | 'degreeLevels' | 'applicationLimit' | 'programOverride'>;

/** A job the user applied to, as the limit reads it. */
function applicationOfJob(job: ApplicationRow): LimitApplicationInput {
  return {
    jobId: job.jobId,
    site: job.site,
    title: job.title,
    program: programOfJob(job),
    appliedAt: job.appliedAt,
    status: job.status,
    limit: job.applicationLimit?.max ?? null,
    source: 'user',
  };
}

/**
 * An application the site showed for a job never viewed: only its title is known, so the title
 * alone decides its program (a row without one counts against nothing).
 */
function applicationOfSiteRow(row: SiteApplicationRow): LimitApplicationInput {
  const title = row.title ?? '';
  return {
    jobId: row.jobId,
    site: row.site,
    title: row.title ?? `Job ${row.jobId ?? ''}`.trim(),
    program: title === '' ? null : deriveProgram({ title }),
    appliedAt: row.appliedAt,
    status: row.status ?? 'applied',
    limit: null,
    source: row.source === 'history' ? 'site-history' : row.source === 'confirmation' ? 'site-confirmation' : 'site-duplicate',
  };
}

export interface LimitInputs {
  applications: LimitApplicationInput[];
  defaultLimit: number | null;
  /** The jobs applied to, as read (the popup asks the undated ones for their date from the same read). */
  appliedJobs: ApplicationRow[];
}

/**
 * Gathers what `computeLimitState` needs without reading any job's posting: the applied jobs from
 * the small `applications` table, and the smallest limit any posting states from the keys of the
 * `applicationLimit.max` index alone (jobs whose posting states none have no key there).
 */
export async function loadLimitInputs(db: JobLensDb): Promise<LimitInputs> {
  return db.transaction('r', db.jobs, db.applications, db.siteApplications, async () => {
    const applied = await db.applications.orderBy('appliedAt').toArray();
    const [smallest] = (await db.jobs.orderBy('applicationLimit.max').limit(1).keys()) as number[];
    const site = await db.siteApplications.toArray();
    return {
      applications: [...applied.map(applicationOfJob), ...site.map(applicationOfSiteRow)],
      defaultLimit: smallest ?? null,
      appliedJobs: applied,
    };
  });
}

/**
 * The limit state, and the applied jobs it was counted from. `extra` are applications from
 * elsewhere (the site's history rows for jobs never seen), counted the same way.
 */
export async function loadLimit(
  db: JobLensDb,
  now: Date,
  extra: readonly LimitApplicationInput[] = [],
): Promise<{ state: LimitState; appliedJobs: LimitInputs['appliedJobs'] }> {
  const [inputs, settings] = await Promise.all([loadLimitInputs(db), getSettings(db)]);
  const state = computeLimitState({ applications: [...inputs.applications, ...extra], defaultLimit: inputs.defaultLimit, settings, now });
  return { state, appliedJobs: inputs.appliedJobs };
}

/** The limit state (see `loadLimit`). */
export async function loadLimitState(db: JobLensDb, now: Date, extra: readonly LimitApplicationInput[] = []): Promise<LimitState> {
  return (await loadLimit(db, now, extra)).state;
}

/**
 * What a page of one job needs to know: its program, that program's count, whether its banner was
 * closed at that count, and the banner to show (null: none, or closed).
 */
export interface PageLimit {
  program: Program | null;
  count: ProgramCount | null;
  dismissed: boolean;
  banner: BannerContent | null;
}

async function loadDismissals(db: JobLensDb): Promise<string[]> {
  const row = await db.settings.get('bannerDismissed');
  return row?.key === 'bannerDismissed' && Array.isArray(row.value) ? row.value : [];
}

/** Remembers that the user closed the banner at this count; a new count shows it again. */
export async function dismissBanner(db: JobLensDb, key: string, now: Date): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = (await loadDismissals(db)).filter((k) => k !== key);
    await db.settings.put({ key: 'bannerDismissed', value: [...current, key].slice(-100), updatedAt: now.toISOString() });
  });
}

/** `onForm`: the page is the job's application form. */
export async function pageLimitFor(db: JobLensDb, state: LimitState, jobId: string, onForm = false): Promise<PageLimit> {
  const job = await db.jobs.get(jobId);
  if (!job) return { program: null, count: null, dismissed: false, banner: null };
  const program = programOfJob(job);
  const count = countFor(state, program, job.applicationLimit?.max ?? null);
  const dismissed = count !== null && (await loadDismissals(db)).includes(dismissalKey(count));
  return { program, count, dismissed, banner: dismissed ? null : bannerContent(count, onForm) };
}

export type ProgramOverrideResult = { ok: true; job: JobRecord } | { ok: false; message: string };

/** Sets or clears (null) the user's correction of a job's program; validated before it is written. */
export async function setProgramOverride(
  db: JobLensDb,
  jobId: string,
  override: ProgramOverride,
  now: Date,
): Promise<ProgramOverrideResult> {
  const parsed = ProgramOverrideSchema.safeParse(override);
  if (!parsed.success) return { ok: false, message: `program: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return db.transaction('rw', db.jobs, async (): Promise<ProgramOverrideResult> => {
    const existing = await db.jobs.get(jobId);
    if (!existing) return { ok: false, message: `no job ${jobId}` };
    // A correction is the user's change, like a status: the newer side wins on import.
    const job = JobRecordSchema.parse({ ...existing, programOverride: parsed.data, userUpdatedAt: now.toISOString() });
    await db.jobs.put(job);
    return { ok: true, job };
  });
}

/** Jobs whose program the user corrected, most recently seen first (the settings page lists them). */
export async function listProgramOverrides(db: JobLensDb): Promise<JobRecord[]> {
  const rows: JobRecord[] = [];
  await db.jobs
    .orderBy('lastSeenAt')
    .reverse()
    .each((job) => {
      if (job.programOverride != null) rows.push(job);
    });
  return rows;
}

/**
 * The programs a job can be moved to: every program of a posting seen so far (those stating a
 * limit, and the corrections), and each track in this job's own intake, so a program not seen yet
 * can still be chosen. Sorted by label.
 */
export async function programChoices(db: JobLensDb, job: JobRecord): Promise<Program[]> {
  const found = new Map<string, Program>();
  const add = (p: Program | null) => {
    if (p && !found.has(p.key)) found.set(p.key, p);
  };
  await db.jobs
    .where('applicationLimit.max')
    .above(0)
    .each((row) => add(deriveProgram(row)));
  await db.jobs.orderBy('appliedAt').each((row) => add(programOfJob(row)));
  const intake = intakeOf(job);
  for (const track of Object.keys(PROGRAM_TRACKS) as ProgramTrack[]) add(programFor(track, intake));
  return [...found.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** The count of the program a saved job belongs to; null when it belongs to none. */
export function countForJob(state: LimitState, job: JobRecord): ProgramCount | null {
  return countFor(state, programOfJob(job), job.applicationLimit?.max ?? null);
}
