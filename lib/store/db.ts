import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { applicationsMiddleware } from './applications';
import type { ApplicationRow, JobRecord, PostingVersion, ProfileRow, SettingRow, SiteApplicationRow } from './schema';
import { V1_STORES, V1_VERSION } from './migrations/v1';
import { V2_STORES, V2_VERSION, upgradeToV2 } from './migrations/v2';
import { V3_STORES, V3_VERSION, upgradeToV3 } from './migrations/v3';
import { V4_STORES, V4_VERSION, upgradeToV4 } from './migrations/v4';

export const DB_NAME = 'job-lens';

export type JobLensDb = Dexie & {
  jobs: EntityTable<JobRecord, 'jobId'>;
  versions: EntityTable<PostingVersion, 'id'>;
  profile: EntityTable<ProfileRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  siteApplications: EntityTable<SiteApplicationRow, 'key'>;
  /** Derived from `jobs`: never written but by lib/store/applications.ts and the upgrade to version 4. */
  applications: EntityTable<ApplicationRow, 'jobId'>;
};

export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every version ever shipped, in order; each step's shapes and data changes live in its own file
 * (migrations/README.md says how to add one).
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: V1_VERSION, stores: V1_STORES },
  { version: V2_VERSION, stores: V2_STORES, upgrade: upgradeToV2 },
  { version: V3_VERSION, stores: V3_STORES, upgrade: upgradeToV3 },
  { version: V4_VERSION, stores: V4_STORES, upgrade: upgradeToV4 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Declares the schema up to `upTo` (tests open older versions to exercise upgrades). Dexie opens
 * lazily on the first query. Only the background and extension pages may call this: in a content
 * script IndexedDB belongs to the website's origin, not to the extension. `options` can supply
 * another IndexedDB implementation (an in-memory one where the browser gives none).
 */
export function openDb(name: string = DB_NAME, upTo: number = LATEST_VERSION, options?: DexieOptions): JobLensDb {
  return openDbWith(MIGRATIONS, name, upTo, options);
}

/** `openDb` over a given list of versions: the tests add a hypothetical next one. */
export function openDbWith(migrations: readonly Migration[], name: string, upTo: number = Infinity, options?: DexieOptions): JobLensDb {
  const db = new Dexie(name, options) as JobLensDb;
  for (const step of migrations) {
    if (step.version > upTo) break;
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  db.use(applicationsMiddleware);
  return db;
}
