import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { visibleModule } from '$lib/server/content/visibility';
import { moduleProgress } from '$lib/server/progress/lesson-progress';
import { seatTimeSummary } from '$lib/server/progress/seat-time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const module = visibleModule(locals.user, params.slug);
	if (!module) error(404, 'Page not found');
	const progress = locals.user ? await moduleProgress(db(), locals.user.id, module) : null;
	return {
		module: {
			slug: module.slug,
			title: module.title,
			summary: module.summary,
			version: module.version,
			ceHours: module.ceHours,
			objectives: module.objectives,
			authors: module.authors,
			disclosures: module.disclosures,
			draft: module.draft,
			minSeatMinutes: module.minSeatMinutes,
			passMark: module.passMark,
			questionsPerAttempt: module.questionsPerAttempt,
			references: module.references,
			lessons: module.lessons.map((l) => ({
				slug: l.slug,
				number: l.number,
				title: l.title,
				minutes: l.minutes
			}))
		},
		progress,
		seatTime: progress
			? seatTimeSummary(
					progress.lessons.map((l) => l.activeSeconds),
					module.minSeatMinutes
				)
			: null
	};
};
