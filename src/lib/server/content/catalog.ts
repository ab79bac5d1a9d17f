import { loadContent, type LoadedContent } from './load-content';
import type { LessonInfo, ModuleInfo } from './load-module';
import { formatProblem } from './problems';

/** The validated catalog the server serves from; built once, on first use (call it at start-up). */
export interface Catalog extends LoadedContent {
	evaluation: NonNullable<LoadedContent['evaluation']>;
}

// Bundled at build time, so the catalog always matches the build and its content hashes.
const sources = import.meta.glob('/content/**/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

let catalog: Catalog | undefined;

/**
 * Builds (once) and returns the catalog. Throws, listing every problem, when content/ has errors:
 * a server must not start on content that `npm run content:check` rejects.
 */
export function getCatalog(): Catalog {
	catalog ??= buildCatalog(
		Object.fromEntries(Object.entries(sources).map(([path, text]) => [path.replace(/^\//, ''), text]))
	);
	return catalog;
}

/** Builds a catalog from `{ path: text }` (exported for tests; the server uses `getCatalog`). */
export function buildCatalog(files: Record<string, string>, root = 'content'): Catalog {
	const loaded = loadContent(files, root);
	const errors = loaded.problems.filter((p) => p.severity === 'error').map(formatProblem);
	if (!loaded.evaluation && errors.length === 0) {
		errors.push(`${root}/evaluation.md: missing (every module's course evaluation comes from it)`);
	}
	if (errors.length > 0 || !loaded.evaluation) {
		throw new Error(`content/ has errors (run npm run content:check):\n${errors.join('\n')}`);
	}
	return { ...loaded, evaluation: loaded.evaluation };
}

export function getModule(slug: string): ModuleInfo | undefined {
	return getCatalog().modules.find((m) => m.slug === slug);
}

export function getLesson(
	moduleSlug: string,
	lessonSlug: string
): { module: ModuleInfo; lesson: LessonInfo } | undefined {
	const module = getModule(moduleSlug);
	const lesson = module?.lessons.find((l) => l.slug === lessonSlug);
	return module && lesson ? { module, lesson } : undefined;
}
