import { z } from 'zod';
import type { DrawnAttempt } from './draw';

const drawnOptionSchema = z.strictObject({
	id: z.string().min(1),
	sourceId: z.string().min(1),
	html: z.string()
});

const drawnQuestionSchema = z
	.strictObject({
		id: z.string().min(1),
		html: z.string(),
		selectAll: z.boolean(),
		options: z.array(drawnOptionSchema).min(1),
		correctOptionIds: z.array(z.string()).min(1),
		explanationHtml: z.string()
	})
	.superRefine((question, ctx) => {
		const optionIds = new Set(question.options.map((option) => option.id));
		if (optionIds.size !== question.options.length) {
			ctx.addIssue({ code: 'custom', message: `question ${question.id}: duplicate option ids` });
		}
		const correct = new Set(question.correctOptionIds);
		if (correct.size !== question.correctOptionIds.length) {
			ctx.addIssue({ code: 'custom', message: `question ${question.id}: duplicate correct ids` });
		}
		if ([...correct].some((id) => !optionIds.has(id))) {
			ctx.addIssue({ code: 'custom', message: `question ${question.id}: unknown correct id` });
		}
		if (!question.selectAll && correct.size !== 1) {
			ctx.addIssue({ code: 'custom', message: `question ${question.id}: not one correct option` });
		}
	});

const drawnAttemptSchema = z
	.strictObject({
		version: z.literal(1),
		questions: z.array(drawnQuestionSchema).min(1)
	})
	.refine(
		(attempt) => new Set(attempt.questions.map((q) => q.id)).size === attempt.questions.length,
		'duplicate question ids'
	);

/**
 * Reads a snapshot back from storage (e.g. a jsonb column), refusing anything that is not a
 * well-formed `DrawnAttempt`, so a damaged row fails loudly instead of being graded wrongly.
 * @throws Error naming what is wrong.
 */
export function readDrawnAttempt(stored: unknown): DrawnAttempt {
	const result = drawnAttemptSchema.safeParse(stored);
	if (!result.success) {
		const problems = result.error.issues.map((issue) =>
			[issue.path.join('.'), issue.message].filter(Boolean).join(': ')
		);
		throw new Error(`Stored attempt is not a valid snapshot: ${problems.join('; ')}`);
	}
	return result.data;
}
