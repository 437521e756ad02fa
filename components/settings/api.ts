import type { MessageName, RequestOf, ResponseOf } from '../../lib/messages/protocol';
import type { JobLensDb } from '../../lib/store/db';

/** What the settings sections need: the database to read, the background to write through. */
export interface SettingsApi {
  db: JobLensDb;
  send<K extends MessageName>(name: K, data: RequestOf<K>): Promise<ResponseOf<K>>;
  now(): Date;
}
