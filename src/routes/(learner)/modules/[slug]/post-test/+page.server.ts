import { error, fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { visibleModule } from '$lib/server/content/visibility';
import { postTestStatus, startAttempt, type StartRefusal } from '$lib/server/quiz/attempts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const refusalStatus: Record<StartRefusal, number> = {
	'no-post-test': 404,
	'lessons-incomplete': 403,
	'attempts-used': 403,
	passed: 409
};

function findModule(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const user = event.locals.user;
	if (!user) redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname)}`);
	const module = visibleModule(user, event.params.slug);
	if (!module) error(404, 'Page not found');
	return { user, module };
}

export const load: PageServerLoad = async (event) => {
	const { user, module } = findModule(event);
	const status = await postTestStatus(db(), user.id, module);
	return {
		module: {
			slug: module.slug,
			title: module.title,
			hasPostTest: module.bank !== null,
			passMark: module.passMark,
			questionsPerAttempt: module.questionsPerAttempt
		},
		status: {
			lessonsRemaining: status.lessonsRemaining.map((lesson) => ({
				slug: lesson.slug,
				title: lesson.title
			})),
			attemptsUsed: status.attemptsUsed,
			attemptsAllowed: status.attemptsAllowed,
			attemptsLeft: status.attemptsLeft,
			passed: status.passed,
			openAttemptId: status.openAttemptId,
			blocked: status.blocked
		}
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { user, module } = findModule(event);
		const result = await startAttempt(db(), user.id, module);
		if (!result.ok) {
			return fail(refusalStatus[result.reason], { errors: { form: result.message } });
		}
		redirect(303, `/modules/${module.slug}/post-test/${result.attemptId}`);
	}
};
