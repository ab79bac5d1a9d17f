import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder } from './migrations';
import { openDatabase, wrapPglite, type DatabaseHandle } from './open';

/**
 * A migrated in-memory PGlite, started from a cached data-directory image: a fresh initdb costs
 * seconds, loading the image about a quarter of that. The image is keyed by the migrations, so a
 * new migration makes a new image.
 */
async function openPgliteFromTemplate(): Promise<DatabaseHandle> {
	const folder = migrationsFolder();
	const hash = createHash('sha256');
	for (const file of readdirSync(folder, { recursive: true }).map(String).sort()) {
		const path = join(folder, file);
		if (file.endsWith('.sql') || file.endsWith('.json'))
			hash.update(file).update(readFileSync(path));
	}
	const image = join(tmpdir(), `holding-hope-pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
	const { PGlite } = await import('@electric-sql/pglite');
	if (!existsSync(image)) {
		const seed = await openDatabase('memory://', { dataDir: '.' });
		const client = (seed as DatabaseHandle & { client: InstanceType<typeof PGlite> }).client;
		const dump = await client.dumpDataDir('gzip');
		const partial = `${image}.${process.pid}.tmp`;
		writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
		renameSync(partial, image); // atomic: parallel test files never read half an image
		return seed;
	}
	const client = new PGlite({ loadDataDir: new Blob([readFileSync(image)]) });
	await client.waitReady;
	return wrapPglite(client, null, () => {});
}

/**
 * A fresh, migrated database for one test file. In-memory PGlite by default; when the test run is
 * the PostgreSQL pass (HH_TEST_DB=postgres with TEST_DATABASE_URL set) a new database is created on
 * that server and dropped again by close().
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (process.env.HH_TEST_DB !== 'postgres' || !serverUrl) return openPgliteFromTemplate();
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
