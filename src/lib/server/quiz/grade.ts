import type { FieldErrors } from '../forms/parse';
import { answerFieldName, type DrawnAttempt, type DrawnQuestion } from './draw';

/** Chosen option ids (display ids, in display order) by question id. */
export type SubmittedAnswers = Record<string, string[]>;

export type ParsedAnswers =
	| { ok: true; answers: SubmittedAnswers }
	| { ok: false; status: 400; message: string; fieldErrors: FieldErrors };

export interface ParseAnswersOptions {
	/** Fields the route reads itself (e.g. the attempt id); any other non-answer field is refused. */
	allowedFields?: readonly string[];
}

export interface QuestionGrade {
	id: string;
	correct: boolean;
	/** Display ids, in display order. */
	chosen: string[];
}

export interface GradeResult {
	right: number;
	total: number;
	/** right / total */
	score: number;
	passMark: number;
	/** score >= passMark, decided in integers (pass marks count to 6 decimal places). */
	passed: boolean;
	/** In display order. */
	perQuestion: QuestionGrade[];
}

const FIELD_PREFIX = 'q-';
const PASS_MARK_SCALE = 1_000_000;
const MAX_LISTED_PROBLEMS = 6;

/** Quotes a submitted name or value for a message, short and without control characters. */
function quote(text: string): string {
	const clean = text.replace(/\p{Cc}/gu, '?');
	return `“${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}”`;
}

function listNumbers(numbers: number[]): string {
	if (numbers.length === 1) return `Question ${numbers[0]} is`;
	return `Questions ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)} are`;
}

function summarise(problems: string[]): string {
	if (problems.length <= MAX_LISTED_PROBLEMS) return problems.join(' ');
	const more = problems.length - MAX_LISTED_PROBLEMS;
	return `${problems.slice(0, MAX_LISTED_PROBLEMS).join(' ')} (and ${more} more problems)`;
}

function displayOrder(question: DrawnQuestion, chosen: readonly string[]): string[] {
	return question.options.map((option) => option.id).filter((id) => chosen.includes(id));
}

/**
 * Reads a post-test submission: fields `q-<questionId>`, values display option ids. Refuses
 * (never ignores) unknown questions or fields, unknown option ids, repeated values, several values
 * for a single-answer question, and unanswered questions, naming each by its number.
 */
export function parseSubmittedAnswers(
	drawn: DrawnAttempt,
	entries: Iterable<readonly [string, FormDataEntryValue]>,
	options: ParseAnswersOptions = {}
): ParsedAnswers {
	const allowed = new Set(options.allowedFields ?? []);
	const questions = new Map(drawn.questions.map((question, index) => [question.id, index]));
	const chosen = new Map<string, string[]>();
	const formProblems: string[] = [];
	const questionProblems = new Map<string, string[]>();
	const addProblem = (questionId: string, problem: string) => {
		const list = questionProblems.get(questionId);
		if (list) list.push(problem);
		else questionProblems.set(questionId, [problem]);
	};

	for (const [name, value] of entries) {
		if (allowed.has(name)) continue;
		if (!name.startsWith(FIELD_PREFIX)) {
			formProblems.push(`The form has an unexpected field ${quote(name)}.`);
			continue;
		}
		const index = questions.get(name.slice(FIELD_PREFIX.length));
		if (index === undefined) {
			formProblems.push(`${quote(name)} is not a question in this attempt.`);
			continue;
		}
		const question = drawn.questions[index]!;
		const label = `Question ${index + 1}`;
		if (typeof value !== 'string') {
			addProblem(question.id, `${label}: expected an option, but a file was sent.`);
		} else if (!question.options.some((option) => option.id === value)) {
			addProblem(question.id, `${label}: ${quote(value)} is not one of its options.`);
		} else {
			const list = chosen.get(question.id) ?? [];
			if (list.includes(value)) {
				addProblem(question.id, `${label}: option ${quote(value)} was sent more than once.`);
			} else {
				list.push(value);
				chosen.set(question.id, list);
			}
		}
	}

	const unanswered: number[] = [];
	const fieldErrors: FieldErrors = {};
	drawn.questions.forEach((question, index) => {
		const list = chosen.get(question.id);
		if (!question.selectAll && list && list.length > 1) {
			addProblem(
				question.id,
				`Question ${index + 1} takes one answer, but ${list.length} were sent.`
			);
		}
		const problems = questionProblems.get(question.id);
		if (problems) {
			fieldErrors[answerFieldName(question.id)] = summarise(problems);
		} else if (!list) {
			unanswered.push(index + 1);
			fieldErrors[answerFieldName(question.id)] = question.selectAll
				? 'Choose at least one option.'
				: 'Choose an answer.';
		}
	});
	if (formProblems.length > 0) fieldErrors.form = summarise(formProblems);

	const problems = [
		...formProblems,
		...drawn.questions.flatMap((question) => questionProblems.get(question.id) ?? [])
	];
	if (unanswered.length > 0) problems.push(`${listNumbers(unanswered)} unanswered.`);
	if (problems.length > 0) {
		return { ok: false, status: 400, message: summarise(problems), fieldErrors };
	}
	return {
		ok: true,
		answers: Object.fromEntries(
			drawn.questions.map((question) => [
				question.id,
				displayOrder(question, chosen.get(question.id)!)
			])
		)
	};
}

/** A question is right when exactly its correct options are chosen: no more, no fewer. */
export function isAnsweredCorrectly(question: DrawnQuestion, chosen: readonly string[]): boolean {
	return (
		chosen.length === question.correctOptionIds.length &&
		question.correctOptionIds.every((id) => chosen.includes(id))
	);
}

/**
 * Grades a parsed (or stored) submission; score = right / drawn. Answers must be complete and
 * valid for this attempt: anything else is a bug upstream, so it throws rather than record a
 * wrong grade.
 * @throws RangeError for a pass mark outside 0..1; Error for answers that do not fit the attempt.
 */
export function gradeAttempt(
	drawn: DrawnAttempt,
	answers: Readonly<Record<string, readonly string[]>>,
	passMark: number
): GradeResult {
	if (!Number.isFinite(passMark) || passMark < 0 || passMark > 1) {
		throw new RangeError(`Pass mark must be between 0 and 1, got ${passMark}.`);
	}
	const total = drawn.questions.length;
	if (total === 0) throw new Error('Cannot grade an attempt without questions.');
	const known = new Set(drawn.questions.map((question) => question.id));
	const stray = Object.keys(answers).find((id) => !known.has(id));
	if (stray !== undefined)
		throw new Error(`Answer for ${quote(stray)}, which is not in this attempt.`);

	const perQuestion = drawn.questions.map((question, index): QuestionGrade => {
		const chosen = Object.hasOwn(answers, question.id) ? answers[question.id]! : undefined;
		const valid =
			chosen !== undefined &&
			chosen.length > 0 &&
			(question.selectAll || chosen.length === 1) &&
			new Set(chosen).size === chosen.length &&
			chosen.every((id) => question.options.some((option) => option.id === id));
		if (!valid) throw new Error(`Question ${index + 1} has no valid answer to grade.`);
		return {
			id: question.id,
			correct: isAnsweredCorrectly(question, chosen),
			chosen: displayOrder(question, chosen)
		};
	});
	const right = perQuestion.filter((grade) => grade.correct).length;
	return {
		right,
		total,
		score: right / total,
		passMark,
		// Integers, so 8/10 against 0.8 passes although 0.8 * 10 is not exactly 8 in floating point.
		passed: right * PASS_MARK_SCALE >= Math.round(passMark * PASS_MARK_SCALE) * total,
		perQuestion
	};
}
