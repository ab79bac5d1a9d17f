import { lessonComponent } from '$lib/content-components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	Lesson: await lessonComponent(data.lesson.file)
});
