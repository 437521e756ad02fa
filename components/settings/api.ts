import type { MessageName, RequestOf, ResponseOf } from '../../lib/messages/protocol';
import type { JobLensDb } from '../../lib/store/db';

/** What the settings sections need: the database to read, the background to write through. */
export interface SettingsApi {
  db: JobLensDb;
  send<K extends MessageName>(name: K, data: RequestOf<K>): Promise<ResponseOf<K>>;
  now(): Date;
}

/** A failed message as one sentence for the user. */
export function failure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^[a-z]+:[a-zA-Z]+ failed: /, '');
}
