import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let common: Set<string> | null = null;

/**
 * The ~49,000 most common passwords from the zxcvbn-ts common dictionary (an npm dependency),
 * loaded once. Only entries long enough to pass the length rule are kept.
 */
function commonPasswords(): Set<string> {
	if (common) return common;
	const require = createRequire(import.meta.url);
	const packageDir = dirname(require.resolve('@zxcvbn-ts/language-common/package.json'));
	const list = JSON.parse(
		readFileSync(join(packageDir, 'src', 'passwords.json'), 'utf8')
	) as string[];
	common = new Set(list.filter((p) => p.length >= 8).map((p) => p.toLowerCase()));
	return common;
}

export function isCommonPassword(password: string): boolean {
	return commonPasswords().has(password.toLowerCase());
}
