import type { Component } from 'svelte';

// Lazily compiled mdsvex components: only lessons and module overviews. Post-tests, the
// self-assessment and the evaluation form are read on the server only and never bundled.
const lessonFiles = import.meta.glob<{ default: Component }>('/content/*/[0-9][0-9]-*.md');
const overviewFiles = import.meta.glob<{ default: Component }>('/content/*/index.md');

async function load(files: typeof lessonFiles, path: string): Promise<Component> {
	const importer = files[`/${path}`];
	if (!importer) throw new Error(`No compiled content for ${path}`);
	return (await importer()).default;
}

/** The compiled lesson for `content/<module>/NN-<slug>.md` (path relative to the project root). */
export const lessonComponent = (path: string) => load(lessonFiles, path);
export const overviewComponent = (moduleSlug: string) =>
	load(overviewFiles, `content/${moduleSlug}/index.md`);
