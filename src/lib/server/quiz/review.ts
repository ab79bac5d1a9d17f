import type { DrawnAttempt } from './draw';
import { isAnsweredCorrectly, type GradeResult } from './grade';

export interface ReviewOption {
	id: string;
	html: string;
	chosen: boolean;
	correct: boolean;
}

export interface ReviewQuestion {
	id: string;
	number: number;
	html: string;
	selectAll: boolean;
	/** Whether the learner chose exactly the correct options. */
	correct: boolean;
	/** In display order, as the learner saw them. */
	options: ReviewOption[];
	explanationHtml: string;
}

/** What the result page shows once an attempt is graded: the key, for this attempt's questions only. */
export interface AttemptReview {
	right: number;
	total: number;
	score: number;
	passMark: number;
	passed: boolean;
	questions: ReviewQuestion[];
}

/**
 * The graded attempt with its key and explanations. Takes a `GradeResult`, so there is no way to
 * ask for the key of an attempt that has not been graded; checks that the grade belongs to this
 * snapshot so a mismatched row cannot show one attempt's answers against another's key.
 * @throws Error when `grade` does not match `drawn`.
 */
export function reviewView(drawn: DrawnAttempt, grade: GradeResult): AttemptReview {
	if (
		grade.perQuestion.length !== drawn.questions.length ||
		grade.total !== drawn.questions.length
	) {
		throw new Error('This grade does not belong to this attempt.');
	}
	const questions = drawn.questions.map((question, index): ReviewQuestion => {
		const graded = grade.perQuestion[index]!;
		if (
			graded.id !== question.id ||
			graded.correct !== isAnsweredCorrectly(question, graded.chosen)
		) {
			throw new Error(`This grade does not match question ${index + 1} of this attempt.`);
		}
		return {
			id: question.id,
			number: index + 1,
			html: question.html,
			selectAll: question.selectAll,
			correct: graded.correct,
			options: question.options.map((option): ReviewOption => ({
				id: option.id,
				html: option.html,
				chosen: graded.chosen.includes(option.id),
				correct: question.correctOptionIds.includes(option.id)
			})),
			explanationHtml: question.explanationHtml
		};
	});
	return {
		right: grade.right,
		total: grade.total,
		score: grade.score,
		passMark: grade.passMark,
		passed: grade.passed,
		questions
	};
}
