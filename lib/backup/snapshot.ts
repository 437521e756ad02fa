import type { JobLensDb } from '../store/db';
import type { JobRecord, PostingVersion, ProfileRow, SettingRow } from '../store/schema';

/**
 * Every row of the database, for a page that mirrors the background's in-memory database (where
 * IndexedDB is unavailable the pages cannot open their own). Small by nature: that database only
 * holds what the copy restored and the postings seen this session.
 */
export interface DataSnapshot {
  revision: number;
  jobs: JobRecord[];
  versions: PostingVersion[];
  settings: SettingRow[];
  profile: ProfileRow[];
}

export async function snapshotOf(db: JobLensDb): Promise<Omit<DataSnapshot, 'revision'>> {
  return db.transaction('r', [db.jobs, db.versions, db.settings, db.profile], async () => ({
    jobs: await db.jobs.toArray(),
    versions: await db.versions.toArray(),
    settings: await db.settings.toArray(),
    profile: await db.profile.toArray(),
  }));
}

/** Replaces a mirror's rows with the snapshot's, in one transaction (live queries see one change). */
export async function loadSnapshot(db: JobLensDb, snapshot: DataSnapshot): Promise<void> {
  await db.transaction('rw', [db.jobs, db.versions, db.settings, db.profile], async () => {
    await Promise.all([db.jobs.clear(), db.versions.clear(), db.settings.clear(), db.profile.clear()]);
    await db.jobs.bulkPut(snapshot.jobs);
    await db.versions.bulkPut(snapshot.versions);
    await db.settings.bulkPut(snapshot.settings);
    await db.profile.bulkPut(snapshot.profile);
  });
}
