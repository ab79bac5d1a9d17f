import { describe, expect, it } from 'vitest';
import { drawAttempt } from './draw';
import { gradeAttempt } from './grade';
import { reviewView } from './review';
import { fixtureBank } from './test-fixtures';

describe('reviewView', () => {
	const bank = fixtureBank(false);
	const drawn = drawAttempt(bank, 3, 'review');
	const answers = Object.fromEntries(
		// Option 'a' alone is wrong for each of q1, q2 and q3, whichever comes first.
		drawn.questions.map((q, i) => [q.id, i === 0 ? [q.options[0]!.id] : q.correctOptionIds])
	);
	const grade = gradeAttempt(drawn, answers, 0.5);

	it('shows score, pass, and per question the chosen and correct options and the explanation', () => {
		const review = reviewView(drawn, grade);
		expect(review).toMatchObject({
			right: grade.right,
			total: 3,
			score: grade.score,
			passMark: 0.5,
			passed: grade.passed
		});
		expect(review.questions.map((question) => question.correct)).toEqual([false, true, true]);
		review.questions.forEach((question, index) => {
			const source = drawn.questions[index]!;
			expect(question).toMatchObject({
				id: source.id,
				number: index + 1,
				html: source.html,
				selectAll: source.selectAll,
				correct: grade.perQuestion[index]!.correct,
				explanationHtml: source.explanationHtml
			});
			expect(question.options).toEqual(
				source.options.map((option) => ({
					id: option.id,
					html: option.html,
					chosen: answers[source.id]!.includes(option.id),
					correct: source.correctOptionIds.includes(option.id)
				}))
			);
		});
	});

	it('holds the key only for questions in this attempt', () => {
		const json = JSON.stringify(reviewView(drawn, grade));
		for (const question of bank.questions) {
			const inAttempt = drawn.questions.some((q) => q.id === question.id);
			expect(json.includes(question.explanationHtml)).toBe(inAttempt);
		}
		expect(json).not.toContain('sourceId');
	});

	it('refuses a grade from another attempt', () => {
		const other = drawAttempt(bank, 3, 'other-review');
		const otherGrade = gradeAttempt(
			other,
			Object.fromEntries(other.questions.map((q) => [q.id, q.correctOptionIds])),
			0.5
		);
		expect(() => reviewView(drawn, otherGrade)).toThrow(/does not/);
		const tampered = {
			...grade,
			perQuestion: grade.perQuestion.map((q) => ({ ...q, correct: true }))
		};
		expect(() => reviewView(drawn, tampered)).toThrow(/does not match question 1/);
	});
});
