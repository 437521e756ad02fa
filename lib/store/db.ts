import Dexie, { type EntityTable } from 'dexie';
import type { JobRecord, PostingVersion, ProfileRow } from './schema';
import { V1_STORES, V1_VERSION } from './migrations/v1';

export const DB_NAME = 'job-lens';

export type JobLensDb = Dexie & {
  jobs: EntityTable<JobRecord, 'jobId'>;
  versions: EntityTable<PostingVersion, 'id'>;
  profile: EntityTable<ProfileRow, 'id'>;
};

interface Migration {
  version: number;
  stores: Record<string, string | null>;
}

const MIGRATIONS: readonly Migration[] = [{ version: V1_VERSION, stores: V1_STORES }];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Declares the schema up to `upTo` (tests open older versions to exercise upgrades). Dexie opens
 * lazily on the first query. Only the background and extension pages may call this: in a content
 * script IndexedDB belongs to the website's origin, not to the extension.
 */
export function openDb(name: string = DB_NAME, upTo: number = LATEST_VERSION): JobLensDb {
  const db = new Dexie(name) as JobLensDb;
  for (const step of MIGRATIONS) {
    if (step.version > upTo) break;
    db.version(step.version).stores(step.stores);
  }
  return db;
}
