import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import type { ModuleInfo } from '$lib/server/content/load-module';
import { visibleModule } from '$lib/server/content/visibility';
import { moduleProgress, type ModuleProgressView } from '$lib/server/progress/lesson-progress';
import { attemptHistory, postTestStatus } from '$lib/server/quiz/attempts';
import { seatTimeSummary } from '$lib/server/progress/seat-time';
import { moduleHopeInvite } from '$lib/server/assessment/results';
import type { PageServerLoad } from './$types';

/** The "Post-test" section: where the learner stands, and every attempt with a link to it. */
async function postTestSection(userId: string, module: ModuleInfo, progress: ModuleProgressView) {
	if (!module.bank) return null;
	const [status, history] = await Promise.all([
		postTestStatus(db(), userId, module, progress),
		attemptHistory(db(), userId, module.slug)
	]);
	return {
		lessonsRemaining: status.lessonsRemaining.length,
		attemptsUsed: status.attemptsUsed,
		attemptsAllowed: status.attemptsAllowed,
		attemptsLeft: status.attemptsLeft,
		passed: status.passed,
		openAttemptId: status.openAttemptId,
		history: history.map((attempt) => ({
			id: attempt.id,
			number: attempt.number,
			startedAt: attempt.startedAt.toISOString(),
			submittedAt: attempt.submittedAt?.toISOString() ?? null,
			right: attempt.right,
			total: attempt.total,
			score: attempt.score,
			passed: attempt.passed
		}))
	};
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const module = visibleModule(locals.user, params.slug);
	if (!module) error(404, 'Page not found');
	const user = locals.user;
	const progress = user ? await moduleProgress(db(), user.id, module) : null;
	const [postTest, hopeInvite] =
		user && progress
			? await Promise.all([
					postTestSection(user.id, module, progress),
					moduleHopeInvite(db(), user.id, module.slug, progress)
				])
			: [null, null];
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
		postTest,
		hopeInvite,
		seatTime: progress
			? seatTimeSummary(
					progress.lessons.map((l) => l.activeSeconds),
					module.minSeatMinutes
				)
			: null
	};
};
