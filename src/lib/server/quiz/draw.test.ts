import { describe, expect, it } from 'vitest';
import {
	drawAttempt,
	optionLabel,
	publicView,
	type DrawnAttempt,
	type PublicQuestion
} from './draw';
import { fixtureBank } from './test-fixtures';

const ids = (drawn: DrawnAttempt) => drawn.questions.map((question) => question.id);

describe('drawAttempt', () => {
	it('draws without replacement, only from the bank', () => {
		const bank = fixtureBank();
		const bankIds = bank.questions.map((question) => question.id);
		for (let s = 0; s < 200; s++) {
			const drawn = ids(drawAttempt(bank, 3, `seed-${s}`));
			expect(drawn).toHaveLength(3);
			expect(new Set(drawn).size).toBe(3);
			for (const id of drawn) expect(bankIds).toContain(id);
		}
		expect([...ids(drawAttempt(bank, 5, 'all'))].sort()).toEqual(bankIds);
	});

	it('refuses a count larger than the bank, or not a positive integer', () => {
		const bank = fixtureBank();
		expect(() => drawAttempt(bank, 6, 's')).toThrow('Cannot draw 6 questions from a bank of 5.');
		for (const bad of [0, -1, 2.5, Number.NaN]) {
			expect(() => drawAttempt(bank, bad, 's')).toThrow(RangeError);
		}
		expect(() => drawAttempt({ shuffle: true, questions: [] }, 1, 's')).toThrow(RangeError);
	});

	it('gives the same draw and order for the same seed, and different ones for different seeds', () => {
		const bank = fixtureBank();
		expect(drawAttempt(bank, 4, 'reload')).toEqual(drawAttempt(bank, 4, 'reload'));
		const distinct = new Set(
			Array.from({ length: 50 }, (_, s) => JSON.stringify(drawAttempt(bank, 4, `device-${s}`)))
		);
		expect(distinct.size).toBeGreaterThan(45);
	});

	it('keeps file order for questions and options when shuffle is off', () => {
		const bank = fixtureBank(false);
		const drawn = drawAttempt(bank, 5, 'no-shuffle');
		expect(ids(drawn)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
		for (const [index, question] of drawn.questions.entries()) {
			const fileOrder = bank.questions[index]!.options.map((option) => option.id);
			expect(question.options.map((option) => option.sourceId)).toEqual(fileOrder);
		}
		for (let s = 0; s < 50; s++) {
			const partial = ids(drawAttempt(bank, 3, `partial-${s}`));
			expect(partial).toEqual([...partial].sort());
		}
	});

	it('puts each option in each position about equally often (6,000 fixed seeds, ±25%)', () => {
		const bank = fixtureBank();
		const counts = new Map<string, number>();
		for (let s = 0; s < 6000; s++) {
			const q1 = drawAttempt(bank, 5, `uniform-${s}`).questions.find((q) => q.id === 'q1')!;
			q1.options.forEach((option, position) => {
				const key = `${option.sourceId}@${position}`;
				counts.set(key, (counts.get(key) ?? 0) + 1);
			});
		}
		expect(counts.size).toBe(16);
		for (const n of counts.values()) expect(Math.abs(n - 1500)).toBeLessThan(375);
	});

	it('draws each question about equally often and in each position (6,000 fixed seeds, ±25%)', () => {
		const bank = fixtureBank();
		const drawnCount = new Map<string, number>();
		const firstCount = new Map<string, number>();
		for (let s = 0; s < 6000; s++) {
			const drawn = ids(drawAttempt(bank, 2, `subset-${s}`));
			for (const id of drawn) drawnCount.set(id, (drawnCount.get(id) ?? 0) + 1);
			firstCount.set(drawn[0]!, (firstCount.get(drawn[0]!) ?? 0) + 1);
		}
		for (const n of drawnCount.values()) expect(Math.abs(n - 2400)).toBeLessThan(600);
		for (const n of firstCount.values()) expect(Math.abs(n - 1200)).toBeLessThan(300);
	});

	it('labels options a, b, c in display order and keys them by those labels', () => {
		const bank = fixtureBank();
		for (let s = 0; s < 20; s++) {
			for (const question of drawAttempt(bank, 5, `labels-${s}`).questions) {
				const source = bank.questions.find((q) => q.id === question.id)!;
				expect(question.options.map((option) => option.id)).toEqual(
					source.options.map((_, i) => optionLabel(i))
				);
				const correctSources = question.options
					.filter((option) => question.correctOptionIds.includes(option.id))
					.map((option) => option.sourceId)
					.sort();
				expect(correctSources).toEqual(
					source.options.filter((option) => option.correct).map((option) => option.id)
				);
			}
		}
		expect([0, 1, 25, 26, 27, 701, 702].map(optionLabel)).toEqual([
			'a',
			'b',
			'z',
			'aa',
			'ab',
			'zz',
			'aaa'
		]);
	});

	it('is a snapshot: editing the bank afterwards does not change a drawn attempt', () => {
		const bank = fixtureBank(false);
		const drawn = drawAttempt(bank, 5, 'snapshot');
		const before = JSON.stringify(drawn);
		const first = bank.questions[0]!;
		first.html = 'Edited question';
		first.explanationHtml = 'Edited explanation';
		first.options[0]!.html = 'Edited option';
		first.options[0]!.correct = true;
		first.options.reverse();
		bank.questions.splice(1, 1);
		expect(JSON.stringify(drawn)).toBe(before);
		expect(JSON.parse(before)).toEqual(drawn);
	});

	it('refuses banks that could not be graded', () => {
		const duplicate = fixtureBank();
		duplicate.questions[1]!.id = 'q1';
		expect(() => drawAttempt(duplicate, 1, 's')).toThrow(/unique/);

		const twoRight = fixtureBank();
		twoRight.questions[0]!.options[0]!.correct = true;
		expect(() => drawAttempt(twoRight, 1, 's')).toThrow(/single-answer but has 2 correct/);

		const noneRight = fixtureBank();
		for (const option of noneRight.questions[1]!.options) option.correct = false;
		expect(() => drawAttempt(noneRight, 1, 's')).toThrow(/select-all but has 0 correct/);

		const sameOption = fixtureBank();
		sameOption.questions[2]!.options[1]!.id = 'a';
		expect(() => drawAttempt(sameOption, 1, 's')).toThrow(/duplicate option ids/);
	});
});

describe('publicView', () => {
	it('carries no key: no correct ids, no explanations, no file order', () => {
		const bank = fixtureBank();
		const drawn = drawAttempt(bank, 5, 'public');
		const json = JSON.stringify(publicView(drawn));
		for (const question of bank.questions) expect(json).not.toContain(question.explanationHtml);
		expect(json).not.toContain('EXPLANATION-OF');
		for (const marker of ['correct', 'explanation', 'sourceId', 'objectives']) {
			expect(json.toLowerCase()).not.toContain(marker.toLowerCase());
		}
	});

	it('shows the questions as drawn, numbered, with their field names and input kinds', () => {
		const drawn = drawAttempt(fixtureBank(), 5, 'public');
		const view = publicView(drawn);
		expect(view.questions.map((question) => question.id)).toEqual(ids(drawn));
		view.questions.forEach((question, index) => {
			const source = drawn.questions[index]!;
			expect(Object.keys(question).sort()).toEqual(
				['fieldName', 'html', 'id', 'number', 'options', 'selectAll'].sort()
			);
			expect(question.number).toBe(index + 1);
			expect(question.fieldName).toBe(`q-${source.id}`);
			expect(question.selectAll).toBe(source.correctOptionIds.length > 1);
			expect(question.options).toEqual(source.options.map(({ id, html }) => ({ id, html })));
		});
	});

	it('cannot be typed with the key in it', () => {
		const source = drawAttempt(fixtureBank(), 1, 'types').questions[0]!;
		// @ts-expect-error — a DrawnQuestion (with its key) is not a PublicQuestion.
		const leaked: PublicQuestion = { ...source, number: 1, fieldName: 'q-x' };
		expect(leaked.id).toBe(source.id);
	});
});
