import { describe, expect, it } from 'vitest';
import { syntheticBank } from './bench';
import { drawAttempt, type DrawnAttempt, type DrawnQuestion } from './draw';
import { gradeAttempt, parseSubmittedAnswers, type SubmittedAnswers } from './grade';
import { fixtureBank } from './test-fixtures';

/** File order, so option 'b' is the bank's 'b': q1 b; q2 a,c; q3 d; q4 b,c,d; q5 a. */
const drawn = drawAttempt(fixtureBank(false), 5, 'grading');
const key: SubmittedAnswers = {
	q1: ['b'],
	q2: ['a', 'c'],
	q3: ['d'],
	q4: ['b', 'c', 'd'],
	q5: ['a']
};

function entriesFor(answers: SubmittedAnswers): [string, string][] {
	return Object.entries(answers).flatMap(([id, chosen]) =>
		chosen.map((option): [string, string] => [`q-${id}`, option])
	);
}

function refusal(entries: [string, FormDataEntryValue][], allowedFields?: string[]) {
	const result = parseSubmittedAnswers(drawn, entries, { allowedFields });
	if (result.ok) throw new Error('expected the submission to be refused');
	expect(result.status).toBe(400);
	return result;
}

describe('parseSubmittedAnswers', () => {
	it('reads a complete submission into display order, skipping only allowed fields', () => {
		const entries: [string, string][] = [
			['attemptId', 'abc123'],
			['q-q4', 'd'],
			['q-q4', 'b'],
			...entriesFor({ ...key, q4: ['c'] })
		];
		expect(parseSubmittedAnswers(drawn, entries, { allowedFields: ['attemptId'] })).toEqual({
			ok: true,
			answers: { ...key, q4: ['b', 'c', 'd'] }
		});
	});

	it('accepts FormData as it arrives', () => {
		const form = new FormData();
		for (const [name, value] of entriesFor(key)) form.append(name, value);
		expect(parseSubmittedAnswers(drawn, form)).toEqual({ ok: true, answers: key });
	});

	it('lists the unanswered questions by number', () => {
		const { q2: _q2, q4: _q4, ...partial } = key;
		const result = refusal(entriesFor(partial));
		expect(result.message).toBe('Questions 2 and 4 are unanswered.');
		expect(result.fieldErrors).toEqual({
			'q-q2': 'Choose at least one option.',
			'q-q4': 'Choose at least one option.'
		});
		const { q3: _q3, ...almost } = key;
		expect(refusal(entriesFor(almost)).message).toBe('Question 3 is unanswered.');
		expect(refusal([]).message).toBe('Questions 1, 2, 3, 4 and 5 are unanswered.');
	});

	it('refuses answers for questions outside the attempt', () => {
		const partialDraw = drawAttempt(fixtureBank(false), 2, 'two');
		const outside = fixtureBank().questions.find(
			(q) => !partialDraw.questions.some((d) => d.id === q.id)
		)!;
		const inside = Object.fromEntries(partialDraw.questions.map((q) => [q.id, key[q.id]!]));
		const result = parseSubmittedAnswers(partialDraw, [
			...entriesFor(inside),
			[`q-${outside.id}`, 'a']
		]);
		expect(result).toMatchObject({
			ok: false,
			status: 400,
			message: `“q-${outside.id}” is not a question in this attempt.`,
			fieldErrors: { form: `“q-${outside.id}” is not a question in this attempt.` }
		});
	});

	it('refuses fields that are neither answers nor allowed', () => {
		const result = refusal([...entriesFor(key), ['attemptId', 'abc']]);
		expect(result.message).toBe('The form has an unexpected field “attemptId”.');
	});

	it('refuses unknown option ids, naming the question', () => {
		const result = refusal(entriesFor({ ...key, q5: ['d'] }));
		expect(result.message).toBe('Question 5: “d” is not one of its options.');
		expect(result.fieldErrors).toEqual({ 'q-q5': 'Question 5: “d” is not one of its options.' });
		expect(refusal(entriesFor({ ...key, q1: [''] })).message).toBe(
			'Question 1: “” is not one of its options.'
		);
	});

	it('refuses several answers to a single-answer question', () => {
		const result = refusal(entriesFor({ ...key, q1: ['a', 'b'] }));
		expect(result.message).toBe('Question 1 takes one answer, but 2 were sent.');
	});

	it('refuses the same option twice', () => {
		const result = refusal(entriesFor({ ...key, q2: ['a', 'c', 'a'] }));
		expect(result.message).toBe('Question 2: option “a” was sent more than once.');
	});

	it('refuses files', () => {
		const file = new File(['x'], 'x.txt');
		const result = refusal([...entriesFor({ ...key, q3: [] }), ['q-q3', file]]);
		expect(result.message).toBe('Question 3: expected an option, but a file was sent.');
	});

	it('reports every problem at once, but keeps the message short', () => {
		const junk: [string, string][] = Array.from({ length: 500 }, (_, i) => [`junk${i}`, 'x']);
		const result = refusal([...junk, ['q-q1', 'zzz'], ['q-q2', 'a'], ['q-q2', 'b'.repeat(500)]]);
		expect(result.message).toMatch(/\(and \d+ more problems\)$/);
		expect(result.message.length).toBeLessThan(600);
		expect(result.fieldErrors['q-q1']).toMatch(/“zzz” is not one of its options/);
		expect(result.fieldErrors['q-q2']).toMatch(/“b{40}…” is not one of its options/);
		expect(result.fieldErrors['q-q3']).toBe('Choose an answer.');
		const repeated = refusal(Array.from({ length: 300 }, (): [string, string] => ['q-q2', 'a']));
		expect(repeated.fieldErrors['q-q2']!.length).toBeLessThan(600);
	});
});

describe('gradeAttempt', () => {
	const chosenRight = (question: DrawnQuestion) => question.correctOptionIds;
	const chosenWrong = (question: DrawnQuestion) => [
		question.options.find((option) => !question.correctOptionIds.includes(option.id))!.id
	];
	function answerFirst(attempt: DrawnAttempt, rightCount: number): SubmittedAnswers {
		return Object.fromEntries(
			attempt.questions.map((q, i) => [q.id, i < rightCount ? chosenRight(q) : chosenWrong(q)])
		);
	}

	it('marks a single-answer question right or wrong', () => {
		expect(gradeAttempt(drawn, key, 0.8).perQuestion[0]).toEqual({
			id: 'q1',
			correct: true,
			chosen: ['b']
		});
		const wrong = gradeAttempt(drawn, { ...key, q1: ['c'] }, 0.8);
		expect(wrong.perQuestion[0]).toEqual({ id: 'q1', correct: false, chosen: ['c'] });
		expect(wrong).toMatchObject({ right: 4, total: 5, score: 0.8, passed: true });
	});

	it('needs exactly the correct set for a select-all question', () => {
		const q4 = (chosen: string[]) =>
			gradeAttempt(drawn, { ...key, q4: chosen }, 0.8).perQuestion[3]!;
		expect(q4(['b', 'c', 'd']).correct).toBe(true);
		expect(q4(['d', 'b', 'c'])).toEqual({ id: 'q4', correct: true, chosen: ['b', 'c', 'd'] });
		expect(q4(['b', 'c']).correct).toBe(false);
		expect(q4(['a', 'b', 'c', 'd']).correct).toBe(false);
		expect(q4(['a']).correct).toBe(false);
	});

	it('passes 8/10 against 0.8 and fails 7/10, in integers', () => {
		const ten = drawAttempt(syntheticBank(10), 10, 'boundary');
		expect(gradeAttempt(ten, answerFirst(ten, 8), 0.8)).toMatchObject({
			right: 8,
			total: 10,
			score: 0.8,
			passMark: 0.8,
			passed: true
		});
		expect(gradeAttempt(ten, answerFirst(ten, 7), 0.8)).toMatchObject({ right: 7, passed: false });
		// 0.7 * 10 is 7.000000000000001 in floating point; 7/10 must still pass a 0.7 mark.
		expect(gradeAttempt(ten, answerFirst(ten, 7), 0.7).passed).toBe(true);
		expect(gradeAttempt(ten, answerFirst(ten, 0), 0).passed).toBe(true);
		expect(gradeAttempt(ten, answerFirst(ten, 9), 1).passed).toBe(false);
		expect(gradeAttempt(ten, answerFirst(ten, 10), 1)).toMatchObject({ score: 1, passed: true });
	});

	it('scores right / drawn, not right / bank size', () => {
		const three = drawAttempt(syntheticBank(20), 3, 'three');
		expect(gradeAttempt(three, answerFirst(three, 2), 0.6)).toMatchObject({
			right: 2,
			total: 3,
			score: 2 / 3,
			passed: true
		});
	});

	it('throws instead of recording a wrong grade from answers that do not fit', () => {
		expect(() => gradeAttempt(drawn, key, 1.2)).toThrow(RangeError);
		expect(() => gradeAttempt(drawn, key, Number.NaN)).toThrow(RangeError);
		const { q5: _q5, ...missing } = key;
		expect(() => gradeAttempt(drawn, missing, 0.8)).toThrow(/Question 5/);
		expect(() => gradeAttempt(drawn, { ...key, q9: ['a'] }, 0.8)).toThrow(/not in this attempt/);
		expect(() => gradeAttempt(drawn, { ...key, q1: ['z'] }, 0.8)).toThrow(/Question 1/);
		expect(() => gradeAttempt(drawn, { ...key, q1: ['a', 'b'] }, 0.8)).toThrow(/Question 1/);
		expect(() => gradeAttempt(drawn, { ...key, q2: ['a', 'a'] }, 0.8)).toThrow(/Question 2/);
		expect(() => gradeAttempt(drawn, { ...key, q2: [] }, 0.8)).toThrow(/Question 2/);
	});
});
