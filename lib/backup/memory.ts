import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DB_NAME, openDb, type JobLensDb } from '../store/db';

/**
 * The database in memory, for a browser that gives the extension no IndexedDB (Firefox with
 * "Never remember history"): same schema and code, gone when the background stops. Each call is
 * a new, empty database.
 */
export function openMemoryDb(name: string = DB_NAME): JobLensDb {
  return openDb(name, undefined, { indexedDB: new IDBFactory(), IDBKeyRange });
}
