import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the committed `drizzle/` folder by walking up from this module, so it is found from the
 * source tree, from `build/` (adapter-node output) and from any working directory.
 */
export function migrationsFolder(): string {
	const override = process.env.MIGRATIONS_DIR;
	if (override) return resolve(override);
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = join(dir, 'drizzle');
		if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
		const parent = dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	const fromCwd = resolve('drizzle');
	if (existsSync(join(fromCwd, 'meta', '_journal.json'))) return fromCwd;
	throw new Error('Cannot find the drizzle/ migrations folder next to the application.');
}
