import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { JobRecord, PostingVersion, ProfileRow, SettingRow } from './schema';
import { V1_STORES, V1_VERSION } from './migrations/v1';
import { V2_STORES, V2_VERSION, upgradeToV2 } from './migrations/v2';

export const DB_NAME = 'job-lens';

export type JobLensDb = Dexie & {
  jobs: EntityTable<JobRecord, 'jobId'>;
  versions: EntityTable<PostingVersion, 'id'>;
  profile: EntityTable<ProfileRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Every version ever shipped, in order; each step's data changes live in its own file. */
const MIGRATIONS: readonly Migration[] = [
  { version: V1_VERSION, stores: V1_STORES },
  { version: V2_VERSION, stores: V2_STORES, upgrade: upgradeToV2 },
  // PROVISIONAL version 3 (the lead writes the real one at integration): indexes over the stored
  // match summary, so the list sorts by "best match" and the background finds stale summaries
  // without reading any posting. Only indexes change; rows without `match` are simply not in them.
  {
    version: 3,
    stores: { ...V2_STORES, jobs: `${V2_STORES.jobs}, match.rank, [match.profileUpdatedAt+match.day]` },
  },
];

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
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  return db;
}
