import { describe, expect, it } from 'vitest';
import { drawAttempt } from './draw';
import { readDrawnAttempt } from './snapshot';
import { fixtureBank } from './test-fixtures';

describe('readDrawnAttempt', () => {
	const drawn = drawAttempt(fixtureBank(), 4, 'stored');

	it('reads back what was stored as JSON', () => {
		expect(readDrawnAttempt(JSON.parse(JSON.stringify(drawn)))).toEqual(drawn);
	});

	it('refuses damaged snapshots instead of grading against them', () => {
		const copy = () => structuredClone(drawn);
		const noKey = copy();
		delete (noKey.questions[0] as Partial<(typeof noKey.questions)[0]>).correctOptionIds;
		const strayKey = copy();
		strayKey.questions[0]!.correctOptionIds = ['zz'];
		const twoAnswers = copy();
		const single = twoAnswers.questions.find((q) => !q.selectAll)!;
		single.correctOptionIds = single.options.slice(0, 2).map((option) => option.id);
		const sameQuestion = copy();
		sameQuestion.questions[1]!.id = sameQuestion.questions[0]!.id;
		for (const damaged of [
			null,
			{},
			{ ...copy(), version: 2 },
			noKey,
			strayKey,
			twoAnswers,
			sameQuestion
		]) {
			expect(() => readDrawnAttempt(damaged)).toThrow(/not a valid snapshot/);
		}
	});
});
