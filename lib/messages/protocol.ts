import { z } from '../zod';
import { JobPostingSchema, SiteSchema } from '../posting/schema';
import type { LimitState } from '../limit/limit';
import { ProgramOverrideSchema } from '../program/schema';
import type { PageLimit } from '../store/limit';
import { DELETE_ALL_PHRASE } from '../store/erase';
import type { SeenOutcome } from '../store/jobs';
import type { HistorySummary } from '../store/flows';
import { JobStatusSchema } from '../store/schema';
import { ProfileSchema } from '../profile/schema';
import type { DataStatus } from '../backup/status';
import type { DataSnapshot } from '../backup/snapshot';
import { MAX_SEGMENTS } from '../extract/lines';
import { MAX_H1, MAX_LINES, MAX_PAGE_CHARS, pageChars, type PageText } from '../extract/page';
import { MAX_IDS_PER_BATCH, type MarksReply } from '../marks/types';
import type { MarksPrefs } from '../marks/prefs';

/**
 * Every message between the content script, the background and the extension pages: its name,
 * the schema its payload must pass in the background, and (as a type) what it answers.
 * The content script imports only the types from here (erased at build), never Zod itself.
 * Extension pages read the database directly (same origin) but write through these messages, so
 * the background can keep the toolbar badge true after every change.
 */
const jobId = z.string().regex(/^\d{6,25}$/, 'expected a numeric job id');
const isoDateOrDateTime = z.string().max(40);
/** One row of the history page as the content script read it (lib/history/read.ts). */
const historyRow = z
  .object({
    title: z.string().min(1).max(500),
    jobId: jobId.nullable(),
    viaReferral: z.boolean(),
    status: z.string().max(200).nullable(),
    appliedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/)
      .nullable(),
  })
  .strict();

/** One line of a job page as `readLines` gives it (lib/extract/lines.ts). */
const pageLine = z
  .object({
    text: z.string().max(100_000),
    segments: z.array(z.string().max(100_000)).max(MAX_SEGMENTS),
    soft: z.boolean(),
    listItem: z.boolean(),
    site: z.boolean().optional(),
  })
  .strict();
/** A job page as the content script read it (lib/extract/page.ts). */
const pageText = z
  .object({
    lines: z.array(pageLine).max(MAX_LINES),
    og: z.string().max(2_000).nullable(),
    title: z.string().max(2_000).nullable(),
    h1: z.array(z.string().max(2_000)).max(MAX_H1),
  })
  .strict()
  .refine((page) => pageChars(page.lines) <= MAX_PAGE_CHARS, {
    message: `a page of more than ${MAX_PAGE_CHARS} characters is not a job posting`,
    path: ['lines'],
  }) satisfies z.ZodType<PageText>;

export const requestSchemas = {
  /**
   * A reading of the tab's job page: the background reads it into a posting, and saves it once it
   * is the whole job (`judgeReading`). `last` is the tab's last recorded reading.
   */
  'page:read': z
    .object({
      jobId,
      page: pageText,
      last: z
        .object({ jobId, fingerprint: z.string().max(40) })
        .strict()
        .nullable(),
    })
    .strict(),
  /** A posting to save or refresh as a visit does (what `page:read` does once a reading is whole). */
  'posting:seen': z.object({ posting: JobPostingSchema }).strict(),
  /** A job URL whose page shows the site's not-found view: a kept job is marked closed. */
  'posting:gone': z.object({ site: SiteSchema, jobId }).strict(),
  /** The user opened the application form of a job: recorded as started, not as applied. */
  'apply:started': z
    .object({
      site: SiteSchema,
      jobId,
      /** The form's address was a referral link. */
      viaReferral: z.boolean().optional(),
      /** A sign-in page that leads to this form: remembered for the tab, not marked as opened. */
      signIn: z.boolean().optional(),
    })
    .strict(),
  /** The user confirms they submitted (date defaults to when they opened the form). */
  'apply:confirm': z.object({ jobId, appliedAt: isoDateOrDateTime.optional() }).strict(),
  /** The user did not submit after all. */
  'apply:dismiss': z.object({ jobId }).strict(),
  /** Any status change; "applied" and later need a date. */
  'job:setStatus': z.object({ jobId, status: JobStatusSchema, appliedAt: isoDateOrDateTime.optional() }).strict(),
  'job:setNotes': z.object({ jobId, notes: z.string().max(20_000) }).strict(),
  /** The user has seen what changed in a posting. */
  'job:acknowledgeChange': z.object({ jobId }).strict(),
  'job:delete': z.object({ jobId }).strict(),
  /** First day of the recruiting cycle, or null for the last 12 months. */
  'settings:setCycleStart': z.object({ cycleStart: z.string().max(10).nullable() }).strict(),
  /** Whether job pages in private windows are recorded (off unless the user turns it on). */
  'settings:setRecordPrivate': z.object({ recordPrivateWindows: z.boolean() }).strict(),
  /** The candidate's profile from the options page (or an import of it). */
  'profile:save': z.object({ profile: ProfileSchema }).strict(),
  /** The limit state for banners and pages; with a job id, that job's program and count too. */
  'limit:get': z.object({ jobId: jobId.optional() }).strict(),
  /** The user's correction of a job's program: another program, "none" (no limit), or null (as the posting says). */
  'job:setProgram': z.object({ jobId, program: ProgramOverrideSchema }).strict(),
  /** The strict reading: every early-career application against one limit. */
  'settings:setStrictLimit': z.object({ strict: z.boolean() }).strict(),
  /** The user closed a page banner at this program's count (`dismissalKey`). */
  'banner:dismiss': z.object({ key: z.string().min(1).max(200) }).strict(),
  /** Deletes every job, earlier copy, setting and the profile; the exact phrase guards against accidents. */
  'data:deleteAll': z.object({ confirm: z.literal(DELETE_ALL_PHRASE) }).strict(),
  /** An extension page imported a file into the database: the background refreshes the copy and the badge. */
  'data:imported': z.object({}).strict(),
  // From the content script. The job is the one whose form the sending tab showed (remembered by
  // the background) or the one its URL names: never taken from the payload.
  /** The confirmation page shows "We have received your resume.". */
  'apply:submitted': z.object({}).strict(),
  /** The form shows the "already applied" dialog. */
  'apply:duplicate': z.object({}).strict(),
  /** The page note's undo: reverts exactly the recording it names. */
  'apply:undo': z.object({ recordingId: z.string().min(1).max(100) }).strict(),
  /** The history page was read; its site is the sending page's. */
  'history:read': z.object({ rows: z.array(historyRow).max(500) }).strict(),
  /** "Not yet" to "did you submit?": asked again later. */
  'apply:later': z.object({ jobId }).strict(),
  /** A careers tab reached a form, confirmation or history page: the background injects their script. */
  'flows:load': z.object({}).strict(),
  /** A careers tab has a limit banner to show: the background injects the banner's script. */
  'banner:load': z.object({}).strict(),
  /** Where the data lives this session, the backup copy's time, failures and notices to show. */
  'data:status': z.object({}).strict(),
  /** The user closed a notice. */
  'data:dismissNotice': z.object({ id: z.string().max(100) }).strict(),
  /** Every row, for a page that cannot open the database itself (IndexedDB unavailable). */
  'data:snapshot': z.object({}).strict(),
  /**
   * The marks script: what Job Lens knows about the job cards a careers page shows, and, on a job
   * page, the line under its title (`lineFor`, which must be the tab's own job).
   */
  'marks:get': z.object({ jobIds: z.array(jobId).max(MAX_IDS_PER_BATCH), lineFor: jobId.optional() }).strict(),
  /** Hide the job page line on the sending page's site. */
  'marks:dismissLine': z.object({}).strict(),
  /** The job page line asks for the popup; the browser may refuse. */
  'marks:openPopup': z.object({}).strict(),
  /** The options page: marks on or off, and the dismissed line back on every site. */
  'marks:setPrefs': z.object({ enabled: z.boolean(), restoreLine: z.boolean().optional() }).strict(),
} as const;

export type MessageName = keyof typeof requestSchemas;
export type RequestOf<K extends MessageName> = z.input<(typeof requestSchemas)[K]>;

type SeenReply = { outcome: SeenOutcome; limit: LimitState; page: PageLimit };

interface ResponseMap {
  /** `seen` is null when the reading is the one the tab last recorded. */
  'page:read': { read: true; fingerprint: string; seen: SeenReply | null } | { read: false; reason: string };
  'posting:seen': SeenReply;
  'apply:started': { recorded: boolean; limit: LimitState; page: PageLimit };
  'posting:gone': { closed: boolean };
  'apply:confirm': { limit: LimitState };
  'apply:dismiss': { limit: LimitState };
  'job:setStatus': { limit: LimitState };
  'job:setNotes': Record<string, never>;
  'job:acknowledgeChange': Record<string, never>;
  'job:delete': { deleted: boolean; limit: LimitState };
  'settings:setCycleStart': { limit: LimitState };
  'settings:setRecordPrivate': { recordPrivateWindows: boolean };
  'profile:save': { updatedAt: string };
  'limit:get': { limit: LimitState; page?: PageLimit };
  'job:setProgram': { limit: LimitState };
  'settings:setStrictLimit': { limit: LimitState };
  'banner:dismiss': Record<string, never>;
  'data:deleteAll': { limit: LimitState };
  'data:imported': { limit: LimitState };
  'apply:submitted': {
    /** Where it went: the saved job, a site-only application, nothing (already recorded), or no known form. */
    recorded: 'job' | 'site' | 'none' | 'unknown-form';
    recordingId: string | null;
    title: string | null;
    limit: LimitState;
  };
  'apply:duplicate': { recorded: boolean; limit: LimitState };
  'apply:undo': { undone: boolean; message: string | null; limit: LimitState };
  'history:read': { summary: HistorySummary; limit: LimitState };
  'apply:later': { limit: LimitState };
  'flows:load': { injected: boolean };
  'banner:load': { injected: boolean };
  'data:status': { status: DataStatus };
  'data:dismissNotice': Record<string, never>;
  'data:snapshot': DataSnapshot;
  'marks:get': MarksReply;
  'marks:dismissLine': Record<string, never>;
  'marks:openPopup': { opened: boolean };
  'marks:setPrefs': { prefs: MarksPrefs };
}
export type ResponseOf<K extends MessageName> = ResponseMap[K];

export interface Envelope<K extends MessageName = MessageName> {
  name: K;
  data: RequestOf<K>;
}

/**
 * Why the background answered without a value. Code branches on `code`; people read `message`,
 * a sentence shown as it is (nothing parses it); `path` names the payload field an invalid
 * message got wrong.
 */
export type FailureCode =
  /** Not shaped as a Job Lens message at all. */
  | 'not-a-message'
  /** A name this background does not know (an older or newer build's). */
  | 'unknown-message'
  /** The sender may not send it: not Job Lens, not a careers page's top frame, or not this kind of page. */
  | 'wrong-sender'
  /** The payload fails its schema. */
  | 'invalid'
  /** A careers page's payload is not about the page's own job or site. */
  | 'refused'
  /** A job page in a private window, which the user has not allowed to be recorded. */
  | 'private-window'
  /** The handler ran and failed: the database refused a write, or the change is not allowed. */
  | 'failed'
  /** Nothing came back in time: given by the page's own transport, never by the background. */
  | 'no-answer';

export interface Failure {
  ok: false;
  code: FailureCode;
  message: string;
  path?: string;
}

export type Reply<T> = { ok: true; value: T } | Failure;
