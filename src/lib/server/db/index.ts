import { config } from '../config';
import { openDatabase, type Database, type DatabaseHandle } from './open';

export type { Database, DatabaseHandle } from './open';

let handle: DatabaseHandle | null = null;
let opening: Promise<DatabaseHandle> | null = null;

/** Opens the application's database once per process (called from the `init` hook). */
export function initDatabase(): Promise<DatabaseHandle> {
	opening ??= openDatabase(config.databaseUrl, {
		dataDir: config.dataDir,
		poolSize: config.poolSize
	}).then((h) => (handle = h));
	return opening;
}

export function databaseHandle(): DatabaseHandle {
	if (!handle)
		throw new Error('The database is not open yet: initDatabase() runs in the init hook.');
	return handle;
}

export function db(): Database {
	return databaseHandle().db;
}
