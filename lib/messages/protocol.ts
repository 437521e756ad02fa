import { z } from 'zod';
import { JobPostingSchema } from '../posting/schema';

/**
 * Every message between the content script, the background and the extension pages: its name,
 * the schema its payload must pass in the background, and (as a type) what it answers.
 * The content script imports only the types from here (erased at build), never Zod itself.
 */
export const requestSchemas = {
  /** A job page was read; the background saves or refreshes the posting. */
  'posting:seen': z.object({ posting: JobPostingSchema }),
} as const;

export type MessageName = keyof typeof requestSchemas;
export type RequestOf<K extends MessageName> = z.input<(typeof requestSchemas)[K]>;

export interface ResponseMap {
  'posting:seen': { outcome: 'created' | 'updated' | 'changed' | 'stale' };
}
export type ResponseOf<K extends MessageName> = ResponseMap[K];

export interface Envelope<K extends MessageName = MessageName> {
  name: K;
  data: RequestOf<K>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
