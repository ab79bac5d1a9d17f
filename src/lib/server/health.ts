import type { DatabaseHandle } from './db';

export interface Health {
	status: 'ok' | 'unavailable';
	db: 'ok' | 'unavailable';
}

const PING_TIMEOUT_MS = 2000;

/** Liveness plus a round trip to the database, bounded so a hung database still gets an answer. */
export async function checkHealth(handle: Pick<DatabaseHandle, 'ping'>): Promise<Health> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS);
	});
	try {
		await Promise.race([handle.ping(), timeout]);
		return { status: 'ok', db: 'ok' };
	} catch {
		return { status: 'unavailable', db: 'unavailable' };
	} finally {
		clearTimeout(timer);
	}
}
