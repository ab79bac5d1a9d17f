import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Reads every file under `folder` into the `{ path: text }` map `loadContent` takes, with paths
 * relative to `projectRoot` and forward slashes (e.g. `content/x/index.md`). Dotfiles are skipped.
 */
export function readContentFiles(
	folder: string,
	projectRoot: string = process.cwd()
): Record<string, string> {
	const files: Record<string, string> = {};
	const visit = (directory: string) => {
		const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
			a.name < b.name ? -1 : 1
		);
		for (const entry of entries) {
			if (entry.name.startsWith('.')) continue;
			const path = join(directory, entry.name);
			if (entry.isDirectory()) visit(path);
			else if (entry.isFile()) {
				files[relative(projectRoot, path).split('\\').join('/')] = readFileSync(path, 'utf8');
			}
		}
	};
	visit(join(projectRoot, folder));
	return files;
}
