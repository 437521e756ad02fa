import { z } from 'zod';
import { JobPostingSchema, SiteSchema } from '../posting/schema';
import type { LimitState } from '../limit/limit';
import type { ImportSummary } from '../transfer/import';
import type { SeenOutcome } from '../store/jobs';
import { JobStatusSchema } from '../store/schema';
import { ProfileSchema } from '../profile/schema';
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

export const requestSchemas = {
  /** A job page was read; the background saves or refreshes the posting. */
  'posting:seen': z.object({ posting: JobPostingSchema }).strict(),
  /** The user opened the application form of a job: recorded as started, not as applied. */
  'apply:started': z.object({ site: SiteSchema, jobId }).strict(),
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
  /** A whole export file as text; validated whole before anything is written. */
  'data:import': z.object({ text: z.string().max(100_000_000) }).strict(),
  /** The candidate's profile from the options page (or an import of it). */
  'profile:save': z.object({ profile: ProfileSchema }).strict(),
  /** The limit state for banners and pages. */
  'limit:get': z.object({}).strict(),
  /** Marks for the job cards a careers page shows (content script), and the job page's line. */
  'marks:get': z
    .object({ jobIds: z.array(jobId).max(MAX_IDS_PER_BATCH), lineFor: jobId.optional(), site: SiteSchema.optional() })
    .strict(),
  /** A careers page asks for the marks script; injected only when marks are on and jobs are saved. */
  'marks:inject': z.object({}).strict(),
  /** Hide the job page line on one site (content script). */
  'marks:dismissLine': z.object({ site: SiteSchema }).strict(),
  /** The line asks for the popup; the browser may refuse. */
  'marks:openPopup': z.object({}).strict(),
  /** The options page: marks on or off, and the dismissed line back on every site. */
  'marks:setPrefs': z.object({ enabled: z.boolean(), restoreLine: z.boolean().optional() }).strict(),
} as const;

export type MessageName = keyof typeof requestSchemas;
export type RequestOf<K extends MessageName> = z.input<(typeof requestSchemas)[K]>;

export interface ResponseMap {
  'posting:seen': { outcome: SeenOutcome; limit: LimitState };
  'apply:started': { recorded: boolean; limit: LimitState };
  'apply:confirm': { limit: LimitState };
  'apply:dismiss': { limit: LimitState };
  'job:setStatus': { limit: LimitState };
  'job:setNotes': Record<string, never>;
  'job:acknowledgeChange': Record<string, never>;
  'job:delete': { deleted: boolean; limit: LimitState };
  'settings:setCycleStart': { limit: LimitState };
  'data:import': { summary: ImportSummary; limit: LimitState };
  'profile:save': { updatedAt: string };
  'limit:get': { limit: LimitState };
  'marks:get': MarksReply;
  'marks:inject': { injected: boolean };
  'marks:dismissLine': { prefs: MarksPrefs };
  'marks:openPopup': { opened: boolean };
  'marks:setPrefs': { prefs: MarksPrefs };
}
export type ResponseOf<K extends MessageName> = ResponseMap[K];

export interface Envelope<K extends MessageName = MessageName> {
  name: K;
  data: RequestOf<K>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
