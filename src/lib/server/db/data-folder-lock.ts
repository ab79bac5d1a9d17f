import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {
	constructor(
		readonly folder: string,
		readonly holderPid: number
	) {
		super(
			`The database folder ${folder} is in use by process ${holderPid} on ${hostname()}. ` +
				`PGlite cannot share a folder between processes; stop that process or set DATABASE_URL ` +
				`to another folder or to a PostgreSQL server.`
		);
		this.name = 'DataFolderLockedError';
	}
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		// EPERM means the process exists but belongs to someone else: still a live holder.
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readHolderPid(lockFile: string): number | null {
	try {
		const pid = Number.parseInt(readFileSync(lockFile, 'utf8').split('\n')[0] ?? '', 10);
		return Number.isInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

function tryCreateLockFile(lockFile: string): boolean {
	try {
		const fd = openSync(lockFile, 'wx');
		writeSync(fd, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
		closeSync(fd);
		return true;
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw err;
	}
}

/**
 * Takes an exclusive lock on a PGlite data folder, because PGlite has no locking of its own and two
 * processes on one folder silently lose writes. A lock left by a process that died (kill -9) is
 * taken over. Returns the function that releases it.
 */
export function lockDataFolder(folder: string): () => void {
	mkdirSync(folder, { recursive: true });
	const lockFile = join(folder, '.holding-hope.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		if (tryCreateLockFile(lockFile)) {
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				if (readHolderPid(lockFile) === process.pid) rmSync(lockFile, { force: true });
			};
			process.once('exit', release);
			return release;
		}
		const holder = readHolderPid(lockFile);
		if (holder === process.pid) throw new DataFolderLockedError(folder, holder);
		if (holder !== null && processIsAlive(holder)) throw new DataFolderLockedError(folder, holder);
		// Stale lock from a dead process (or a half-written file): remove it and race for a fresh one.
		rmSync(lockFile, { force: true });
	}
	throw new Error(`Could not lock the database folder ${folder}; another process keeps taking it.`);
}
