import type { JobLensDb } from './db';

/** What the user types to delete everything: deliberate enough that no stray click or key does it. */
export const DELETE_ALL_PHRASE = 'delete everything';

/**
 * Empties every table of the database in one transaction: all jobs, earlier copies, settings and
 * the profile, and any table a later version adds, so nothing the user asked to delete is left.
 */
export async function deleteAllData(db: JobLensDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
