import { readFileSync } from 'node:fs';
import { openDb, type JobLensDb } from '../../../lib/store/db';

/** A database as a released version left it on disk (tests/fixtures/db/, frozen). */
export interface DbFixture {
  database: string;
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

export function readDbFixture(name: 'v1' | 'v2'): DbFixture {
  return JSON.parse(readFileSync(new URL(`../../fixtures/db/${name}.json`, import.meta.url), 'utf8')) as DbFixture;
}

/** Writes the fixture's rows into a new database opened at exactly the fixture's version. */
export async function writeDbFixture(name: string, fixture: DbFixture): Promise<void> {
  const db: JobLensDb = openDb(name, fixture.version);
  await db.open();
  if (db.verno !== fixture.version) throw new Error(`opened at ${db.verno}, expected ${fixture.version}`);
  for (const [table, rows] of Object.entries(fixture.tables)) await db.table(table).bulkAdd(rows);
  db.close();
}
