import { z } from 'zod';
import { JobPostingSchema, SiteSchema } from '../posting/schema';

/**
 * Every message between the content script, the background and the extension pages: its name,
 * the schema its payload must pass in the background, and (as a type) what it answers.
 * The content script imports only the types from here (erased at build), never Zod itself.
 */
export const requestSchemas = {
  /** A job page was read; the background saves or refreshes the posting. */
  'posting:seen': z.object({ posting: JobPostingSchema }),
  /** The user opened the application form of a job: recorded as started, not as applied. */
  'apply:started': z.object({ site: SiteSchema, jobId: z.string().regex(/^\d{6,25}$/) }),
  /** The limit state for banners and the popup. */
  'limit:get': z.object({}).strict(),
} as const;

export type MessageName = keyof typeof requestSchemas;
export type RequestOf<K extends MessageName> = z.input<(typeof requestSchemas)[K]>;

/** The limit as every surface shows it (computed by lib/limit). */
export interface LimitView {
  used: number;
  limit: number | null;
  remaining: number | null;
  state: 'ok' | 'last-one' | 'reached' | 'over';
  applications: { jobId: string; title: string; site: 'tiktok' | 'bytedance'; appliedAt: string }[];
}

export interface ResponseMap {
  'posting:seen': { created: boolean; changed: boolean; limit: LimitView };
  'apply:started': { limit: LimitView };
  'limit:get': { limit: LimitView };
}
export type ResponseOf<K extends MessageName> = ResponseMap[K];

export interface Envelope<K extends MessageName = MessageName> {
  name: K;
  data: RequestOf<K>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
