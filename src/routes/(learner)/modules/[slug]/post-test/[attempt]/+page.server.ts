import { error, fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { postTestModule } from '$lib/server/quiz/post-test-module';
import { getAttemptForUser, postTestStatus, submitAttempt } from '$lib/server/quiz/attempts';
import { MAX_SUBMISSION_BYTES, readLimitedForm } from '$lib/server/quiz/submission-form';
import type { Actions, PageServerLoad } from './$types';

const MAX_KEPT_CHOICES = 500;

/** A refused submit: messages by field ('form' for the whole form) and the choices to keep. */
function refused(
	status: number,
	errors: Record<string, string>,
	chosen: Record<string, string[]> = {}
) {
	return fail(status, { errors, chosen });
}

/** What the learner ticked, so a refused form (without JavaScript) comes back as they left it. */
function choicesOf(entries: [string, FormDataEntryValue][]): Record<string, string[]> {
	const chosen: Record<string, string[]> = {};
	for (const [name, value] of entries.slice(0, MAX_KEPT_CHOICES)) {
		if (!name.startsWith('q-') || name.length > 200 || typeof value !== 'string') continue;
		if (value.length > 10) continue;
		(chosen[name] ??= []).push(value);
	}
	return chosen;
}

export const load: PageServerLoad = async (event) => {
	const { user, module } = postTestModule(event);
	const attempt = await getAttemptForUser(db(), user.id, event.params.attempt);
	if (!attempt || attempt.moduleSlug !== module.slug) error(404, 'Page not found');
	const status = await postTestStatus(db(), user.id, module);
	const common = {
		module: { slug: module.slug, title: module.title },
		attempts: {
			used: status.attemptsUsed,
			allowed: status.attemptsAllowed,
			left: status.attemptsLeft,
			passed: status.passed,
			canStartAnother: status.blocked === null && status.openAttemptId === null
		}
	};
	if (attempt.state === 'open') {
		// Field by field from the public view: nothing else of the snapshot can reach the page.
		return {
			...common,
			attempt: {
				state: 'open' as const,
				id: attempt.id,
				startedAt: attempt.startedAt.toISOString(),
				questions: attempt.questions.map((question) => ({
					id: question.id,
					number: question.number,
					fieldName: question.fieldName,
					html: question.html,
					selectAll: question.selectAll,
					options: question.options.map((option) => ({ id: option.id, html: option.html }))
				}))
			}
		};
	}
	const review = attempt.review;
	return {
		...common,
		attempt: {
			state: 'graded' as const,
			id: attempt.id,
			startedAt: attempt.startedAt.toISOString(),
			submittedAt: attempt.submittedAt.toISOString(),
			right: review.right,
			total: review.total,
			score: review.score,
			passMark: review.passMark,
			passed: review.passed,
			questions: review.questions.map((question) => ({
				id: question.id,
				number: question.number,
				html: question.html,
				selectAll: question.selectAll,
				correct: question.correct,
				explanationHtml: question.explanationHtml,
				options: question.options.map((option) => ({
					id: option.id,
					html: option.html,
					chosen: option.chosen,
					correct: option.correct
				}))
			}))
		}
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const { user, module } = postTestModule(event);
		const form = await readLimitedForm(event.request, MAX_SUBMISSION_BYTES);
		if (!form.ok) return refused(form.status, { form: form.message });
		const result = await submitAttempt(
			db(),
			user.id,
			event.params.attempt,
			form.entries,
			new Date(),
			{ moduleSlug: module.slug }
		);
		if (!result.ok) {
			if (result.reason === 'not-found') error(404, 'Page not found');
			if (result.reason === 'already-graded') {
				return refused(409, { form: result.message });
			}
			return refused(400, { ...result.fieldErrors, form: result.message }, choicesOf(form.entries));
		}
		redirect(303, `/modules/${module.slug}/post-test/${result.grade.attemptId}`);
	}
};
