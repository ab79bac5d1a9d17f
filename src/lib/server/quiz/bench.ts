import type { QuestionBank } from './bank';
import { answerFieldName, drawAttempt, type DrawnAttempt } from './draw';
import { gradeAttempt, parseSubmittedAnswers } from './grade';

export interface GradingBenchmark {
	iterations: number;
	questions: number;
	/** Grading = reading the submitted form + scoring it, as a submit request does. */
	p50Ms: number;
	p95Ms: number;
	/** Drawing a new attempt, for comparison. */
	drawP50Ms: number;
	drawP95Ms: number;
}

const QUESTIONS = 20;
const WARM_UP = 200;

/** A bank like a real post-test: 20 questions of 4–5 options, every fourth one select-all. */
export function syntheticBank(questions = QUESTIONS): QuestionBank {
	return {
		shuffle: true,
		questions: Array.from({ length: questions }, (_, q) => {
			const selectAll = q % 4 === 3;
			const optionCount = q % 2 === 0 ? 4 : 5;
			return {
				id: `question-${q + 1}`,
				html: `Which statement about the working alliance is supported (item ${q + 1})?`,
				selectAll,
				explanationHtml: `<em>Explanation ${q + 1}</em>, citing Bordin (1979).`,
				objectives: [1 + (q % 3)],
				line: 5 + q * 8,
				options: Array.from({ length: optionCount }, (_, o) => ({
					id: String.fromCharCode(97 + o),
					html: `Option ${o + 1} of question ${q + 1}`,
					correct: selectAll ? o < 2 : o === q % optionCount
				}))
			};
		})
	};
}

/** A complete submission: right on even-numbered positions, wrong (but valid) elsewhere. */
function submissionFor(drawn: DrawnAttempt): [string, string][] {
	return drawn.questions.flatMap((question, index) => {
		const name = answerFieldName(question.id);
		if (index % 2 === 0) return question.correctOptionIds.map((id): [string, string] => [name, id]);
		const wrong = question.options.find((option) => !question.correctOptionIds.includes(option.id));
		return [[name, wrong!.id]];
	});
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/**
 * Times grading of a 20-question attempt (target: p50 ≤ 2 ms) after a short warm-up, drawing a
 * fresh attempt with its own seed each iteration so no single shuffle is measured.
 */
export function benchmarkGrading(iterations = 2000): GradingBenchmark {
	if (!Number.isInteger(iterations) || iterations < 1) {
		throw new RangeError(`iterations must be a positive integer, got ${iterations}.`);
	}
	const bank = syntheticBank();
	const gradeTimes: number[] = [];
	const drawTimes: number[] = [];
	let checksum = 0;
	for (let i = 0; i < WARM_UP + iterations; i++) {
		const drawStart = performance.now();
		const drawn = drawAttempt(bank, QUESTIONS, `bench-${i}`);
		const drawEnd = performance.now();
		const entries = submissionFor(drawn);
		const gradeStart = performance.now();
		const parsed = parseSubmittedAnswers(drawn, entries);
		if (!parsed.ok) throw new Error(`Benchmark submission refused: ${parsed.message}`);
		const grade = gradeAttempt(drawn, parsed.answers, 0.8);
		const gradeEnd = performance.now();
		checksum += grade.right;
		if (i < WARM_UP) continue;
		drawTimes.push(drawEnd - drawStart);
		gradeTimes.push(gradeEnd - gradeStart);
	}
	// Every run answers exactly the even positions right; anything else means grading broke.
	if (checksum !== (WARM_UP + iterations) * (QUESTIONS / 2)) {
		throw new Error('Benchmark graded a known submission wrongly.');
	}
	gradeTimes.sort((a, b) => a - b);
	drawTimes.sort((a, b) => a - b);
	return {
		iterations,
		questions: QUESTIONS,
		p50Ms: percentile(gradeTimes, 0.5),
		p95Ms: percentile(gradeTimes, 0.95),
		drawP50Ms: percentile(drawTimes, 0.5),
		drawP95Ms: percentile(drawTimes, 0.95)
	};
}
