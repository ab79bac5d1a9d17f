import { db } from '$lib/server/db';
import { visibleModules } from '$lib/server/content/visibility';
import { progressByModule } from '$lib/server/progress/lesson-progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const modules = visibleModules(locals.user);
	const progress = locals.user ? await progressByModule(db(), locals.user.id, modules) : null;
	return {
		modules: modules.map((m) => {
			const p = progress?.get(m.slug);
			return {
				slug: m.slug,
				title: m.title,
				summary: m.summary,
				ceHours: m.ceHours,
				draft: m.draft,
				lessons: m.lessons.length,
				progress: p ? { completed: p.completed, started: p.started } : null
			};
		})
	};
};
