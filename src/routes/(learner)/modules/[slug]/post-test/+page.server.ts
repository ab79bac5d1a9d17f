import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { postTestModule } from '$lib/server/quiz/post-test-module';
import { postTestStatus, startAttempt, type StartRefusal } from '$lib/server/quiz/attempts';
import type { Actions, PageServerLoad } from './$types';

const refusalStatus: Record<StartRefusal, number> = {
	'no-post-test': 404,
	'lessons-incomplete': 403,
	'attempts-used': 403,
	passed: 409
};

export const load: PageServerLoad = async (event) => {
	const { user, module } = postTestModule(event);
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
		const { user, module } = postTestModule(event);
		const result = await startAttempt(db(), user.id, module);
		if (!result.ok) {
			return fail(refusalStatus[result.reason], { errors: { form: result.message } });
		}
		redirect(303, `/modules/${module.slug}/post-test/${result.attemptId}`);
	}
};
