// Runs before `npm start`: builds the app when build/ is missing or older than its sources,
// so `npm install && npm start` works from a fresh clone and never serves a stale build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const output = 'build/index.js';
const sources = [
	'src',
	'content',
	'static',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestMtime));
if (builtAt === 0 || changedAt > builtAt) {
	console.log(
		builtAt === 0 ? 'No build yet: building…' : 'Sources changed since the last build: rebuilding…'
	);
	execSync('npx vite build', { stdio: 'inherit' });
}
