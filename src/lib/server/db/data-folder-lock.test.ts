import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderLockedError, lockDataFolder } from './data-folder-lock';

const folders: string[] = [];
function freshFolder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'hh-lock-'));
	folders.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PGlite data folder lock', () => {
	it('refuses a folder held by another live process and names that process', async () => {
		const dir = freshFolder();
		const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		try {
			writeFileSync(join(dir, '.holding-hope.lock'), `${other.pid}\nelsewhere\n`);
			expect(() => lockDataFolder(dir)).toThrow(DataFolderLockedError);
			expect(() => lockDataFolder(dir)).toThrow(new RegExp(`in use by process ${other.pid}`));
		} finally {
			other.kill('SIGKILL');
		}
	});

	it('refuses a second lock in the same process', () => {
		const dir = freshFolder();
		const release = lockDataFolder(dir);
		expect(() => lockDataFolder(dir)).toThrow(/in use by process/);
		release();
	});

	it('takes over a lock left by a process that died (kill -9)', async () => {
		const dir = freshFolder();
		const dead = spawn(process.execPath, ['-e', '0']);
		await new Promise((resolve) => dead.on('exit', resolve));
		writeFileSync(join(dir, '.holding-hope.lock'), `${dead.pid}\n`);
		const release = lockDataFolder(dir);
		expect(readFileSync(join(dir, '.holding-hope.lock'), 'utf8')).toMatch(
			new RegExp(`^${process.pid}\n`)
		);
		release();
		expect(existsSync(join(dir, '.holding-hope.lock'))).toBe(false);
	});

	it('creates the folder when it does not exist yet', () => {
		const dir = join(freshFolder(), 'nested', 'pglite');
		const release = lockDataFolder(dir);
		expect(existsSync(dir)).toBe(true);
		release();
	});
});
