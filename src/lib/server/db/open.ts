import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { lockDataFolder } from './data-folder-lock';
import { migrationsFolder } from './migrations';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** Where the data lives, without credentials: safe to log. */
	location: string;
	ping(): Promise<void>;
	close(): Promise<void>;
}

/** Arbitrary but fixed: serialises migrations when several app instances start at once. */
const MIGRATION_LOCK_KEY = 4_711_2026;

export function describeDatabaseUrl(url: string | undefined, dataDir: string): string {
	if (!url) return `pglite:${resolve(dataDir, 'pglite')}`;
	if (url === 'memory://') return 'pglite:memory';
	if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
		const parsed = new URL(url);
		return `postgres://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
	}
	return `pglite:${resolve(url.replace(/^file:\/\//, ''))}`;
}

type PGliteClient = import('@electric-sql/pglite').PGlite;

/** Wraps an open PGlite client as a handle; `client` stays reachable for test tooling. */
export async function wrapPglite(
	client: PGliteClient,
	folder: string | null,
	release: () => void
): Promise<DatabaseHandle & { client: PGliteClient }> {
	const { drizzle } = await import('drizzle-orm/pglite');
	const db = drizzle(client, { schema }) as unknown as Database;
	return {
		db,
		client,
		kind: 'pglite',
		location: folder ? `pglite:${folder}` : 'pglite:memory',
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		close: async () => {
			await client.close();
			release();
		}
	};
}

async function openPglite(folder: string | null): Promise<DatabaseHandle> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	let release = () => {};
	if (folder) {
		mkdirSync(folder, { recursive: true });
		release = lockDataFolder(folder);
	}
	try {
		const client = folder ? new PGlite(folder) : new PGlite();
		await client.waitReady;
		await migrate(drizzle(client), { migrationsFolder: migrationsFolder() });
		return await wrapPglite(client, folder, release);
	} catch (err) {
		release();
		throw err;
	}
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	const quiet = { onnotice: () => {} };
	// Migrations run on one dedicated connection that holds an advisory lock, so instances that
	// start together do not race to apply the same migration.
	const migrator = postgres(url, { max: 1, ...quiet });
	try {
		await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
		await migrate(drizzle(migrator), { migrationsFolder: migrationsFolder() });
		await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
	} finally {
		await migrator.end();
	}
	const client = postgres(url, { max: poolSize, ...quiet });
	const db = drizzle(client, { schema }) as unknown as Database;
	return {
		db,
		kind: 'postgres',
		location: describeDatabaseUrl(url, '.'),
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		close: () => client.end({ timeout: 5 })
	};
}

/**
 * Opens the database that DATABASE_URL names and brings its schema up to date:
 * unset → PGlite under `<dataDir>/pglite`; `memory://` → in-memory PGlite;
 * `postgres://…` → PostgreSQL with a connection pool; anything else → a PGlite folder path.
 */
export async function openDatabase(
	url: string | undefined,
	options: { dataDir: string; poolSize?: number }
): Promise<DatabaseHandle> {
	if (!url) return openPglite(resolve(options.dataDir, 'pglite'));
	if (url === 'memory://') return openPglite(null);
	if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
		return openPostgres(url, options.poolSize ?? 10);
	}
	return openPglite(resolve(url.replace(/^file:\/\//, '')));
}
