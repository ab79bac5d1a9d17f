import { dev } from '$app/environment';
import { lessonComponent } from '$lib/content-components';
import type { PageLoad } from './$types';

/**
 * A lesson is a document: served as HTML with one small script (the seat-time heartbeat), not
 * hydrated, so readers download no framework and no lesson code (see the README's design notes).
 * In `npm run dev` it hydrates, so a saved lesson file hot-reloads in the preview.
 */
export const csr = dev;

export const load: PageLoad = async ({ data }) => ({
	...data,
	Lesson: await lessonComponent(data.lesson.file)
});
