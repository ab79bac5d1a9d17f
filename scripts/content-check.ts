/**
 * `npm run content:check [folder] [--strict]`: validates a content folder (default `content`),
 * prints every problem as `file:line:col: message` and a per-module summary, and exits 1 on any
 * error (or, with --strict, any warning).
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { contentCheckFailed, formatContentReport } from '../src/lib/server/content/content-report';
import { loadContent } from '../src/lib/server/content/load-content';
import { readContentFiles } from '../src/lib/server/content/read-content-files';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const argument = args.find((arg) => !arg.startsWith('--')) ?? 'content';
// Problems name files relative to the project root, so the folder is made relative to it too.
const folder = relative(process.cwd(), resolve(argument)).split('\\').join('/');

if (!existsSync(folder)) {
	console.error(`content:check: folder "${argument}" not found (run from the project root)`);
	process.exit(2);
}

const { modules, problems } = loadContent(readContentFiles(folder), folder);
console.log(formatContentReport(modules, problems));
process.exit(contentCheckFailed(problems, strict) ? 1 : 0);
