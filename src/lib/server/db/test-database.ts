import { openDatabase, type DatabaseHandle } from './open';

/**
 * A fresh, migrated database for one test file. In-memory PGlite by default; when the test run is
 * the PostgreSQL pass (HH_TEST_DB=postgres with TEST_DATABASE_URL set) a new database is created on
 * that server and dropped again by close().
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (process.env.HH_TEST_DB !== 'postgres' || !serverUrl) {
		return openDatabase('memory://', { dataDir: '.' });
	}
	const { default: postgres } = await import('postgres');
	const name = `hh_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase(url.toString(), { dataDir: '.', poolSize: 5 });
	return {
		...handle,
		close: async () => {
			await handle.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
