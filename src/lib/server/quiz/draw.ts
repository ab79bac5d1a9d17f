import type { BankQuestion, QuestionBank } from './bank';
import { createRandom, sampleIndexes, shuffleInPlace } from './random';

/** One option as the learner saw it. */
export interface DrawnOption {
	/** Display label: 'a', 'b', … in display order, so form values say nothing about file order. */
	id: string;
	/** The option's id in the bank, for analysis across attempts. Never sent before grading. */
	sourceId: string;
	html: string;
}

export interface DrawnQuestion {
	id: string;
	html: string;
	selectAll: boolean;
	/** In display order. */
	options: DrawnOption[];
	/** Display ids (`DrawnOption.id`) of the correct options. */
	correctOptionIds: string[];
	explanationHtml: string;
}

/**
 * What an attempt stores: the questions as drawn, in display order, with their text and key.
 * A snapshot, not references into the bank, so editing post-test.md never changes old attempts.
 * JSON-serialisable; holds the key, so it never goes to the browser (see `publicView`).
 */
export interface DrawnAttempt {
	version: 1;
	questions: DrawnQuestion[];
}

/** An option as an open attempt shows it. The `never` fields keep the key out by type. */
export interface PublicOption {
	readonly id: string;
	readonly html: string;
	readonly sourceId?: never;
	readonly correct?: never;
}

export interface PublicQuestion {
	readonly id: string;
	/** 1-based position, as error messages refer to it. */
	readonly number: number;
	/** Form field name of this question's radio group or checkboxes. */
	readonly fieldName: string;
	readonly html: string;
	/** Checkboxes ("Select all that apply") when true, a radio group otherwise. */
	readonly selectAll: boolean;
	readonly options: readonly PublicOption[];
	readonly correctOptionIds?: never;
	readonly explanationHtml?: never;
}

/** The only view of an open attempt that routes may send to the browser. */
export interface PublicAttempt {
	readonly questions: readonly PublicQuestion[];
}

/** Form field name for a question: `q-<questionId>`. */
export function answerFieldName(questionId: string): string {
	return `q-${questionId}`;
}

/** 'a' … 'z', 'aa', 'ab', … */
export function optionLabel(index: number): string {
	let label = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		label = String.fromCharCode(97 + ((n - 1) % 26)) + label;
	}
	return label;
}

/**
 * Draws `count` questions without replacement. With `bank.shuffle` the questions come in random
 * order and their options are shuffled; without it both keep file order (a partial draw is still
 * a random subset). The same bank, count and seed always give the same attempt.
 * @throws RangeError when `count` is not an integer in 1..bank size; Error when the bank is unusable.
 */
export function drawAttempt(bank: QuestionBank, count: number, seed: string): DrawnAttempt {
	assertBankUsable(bank);
	const size = bank.questions.length;
	if (!Number.isInteger(count) || count < 1 || count > size) {
		throw new RangeError(`Cannot draw ${count} questions from a bank of ${size}.`);
	}
	const random = createRandom(seed);
	const indexes = sampleIndexes(size, count, random);
	if (!bank.shuffle) indexes.sort((x, y) => x - y);
	const questions = indexes.map((index) => {
		const question = bank.questions[index]!;
		const options = [...question.options];
		if (bank.shuffle) shuffleInPlace(options, random);
		return snapshotQuestion(question, options);
	});
	return { version: 1, questions };
}

function snapshotQuestion(
	question: BankQuestion,
	displayed: BankQuestion['options']
): DrawnQuestion {
	const options: DrawnOption[] = [];
	const correctOptionIds: string[] = [];
	displayed.forEach((option, index) => {
		const id = optionLabel(index);
		options.push({ id, sourceId: option.id, html: option.html });
		if (option.correct) correctOptionIds.push(id);
	});
	return {
		id: question.id,
		html: question.html,
		selectAll: question.selectAll,
		options,
		correctOptionIds,
		explanationHtml: question.explanationHtml
	};
}

/** Refuses banks that could not be graded fairly, whichever questions a draw happens to pick. */
function assertBankUsable(bank: QuestionBank): void {
	const questionIds = new Set<string>();
	for (const question of bank.questions) {
		const where = `Question "${question.id}" (post-test.md:${question.line})`;
		if (question.id === '' || questionIds.has(question.id)) {
			throw new Error(`${where} needs a unique, non-empty id.`);
		}
		questionIds.add(question.id);
		const optionIds = new Set(question.options.map((option) => option.id));
		if (optionIds.size !== question.options.length) {
			throw new Error(`${where} has duplicate option ids.`);
		}
		const correct = question.options.filter((option) => option.correct).length;
		if (question.selectAll ? correct < 1 : correct !== 1) {
			throw new Error(
				`${where} is ${question.selectAll ? 'select-all' : 'single-answer'} but has ${correct} correct options.`
			);
		}
	}
}

/**
 * The open attempt without its key: new objects built field by field, so nothing added to the
 * snapshot later can reach the browser by accident.
 */
export function publicView(drawn: DrawnAttempt): PublicAttempt {
	return {
		questions: drawn.questions.map((question, index): PublicQuestion => ({
			id: question.id,
			number: index + 1,
			fieldName: answerFieldName(question.id),
			html: question.html,
			selectAll: question.selectAll,
			options: question.options.map((option): PublicOption => ({
				id: option.id,
				html: option.html
			}))
		}))
	};
}
