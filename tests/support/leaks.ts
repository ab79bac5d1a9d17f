import { normaliseText, type QuestionBank } from './content';

/** Shorter pieces of an explanation could match ordinary page text by chance. */
const MIN_PROBE_LENGTH = 30;

export interface LeakProbe {
	questionId: string;
	text: string;
}

export interface CollectedBody {
	url: string;
	contentType: string;
	body: string;
}

/** Everything a learner legitimately sees during an attempt: question and option texts. */
function publicCorpus(banks: QuestionBank[]): string {
	return banks
		.flatMap((bank) => bank.questions)
		.flatMap((q) => [q.html, ...q.options.map((o) => o.html)])
		.map(normaliseText)
		.join('\n');
}

/**
 * For every question of every bank: its whole explanation and each of its sentences (at least 30
 * characters, and not also part of a question or option), normalised. Throws when a question
 * has no usable probe, so no explanation goes unchecked.
 */
export function explanationProbes(banks: QuestionBank[]): LeakProbe[] {
	const shown = publicCorpus(banks);
	return banks.flatMap((bank) =>
		bank.questions.flatMap((question) => {
			const whole = normaliseText(question.explanationHtml);
			const pieces = [whole, ...whole.split(/(?<=[.;:!?])\s+/)]
				.filter((text) => text.length >= MIN_PROBE_LENGTH && !shown.includes(text))
				.map((text) => ({ questionId: question.id, text }));
			if (pieces.length === 0) {
				throw new Error(`Question ${question.id}: no explanation text long enough to check.`);
			}
			return pieces;
		})
	);
}

/** The answer key as data would carry it: `correct…`, `explanation…` or `sourceId` fields. */
const KEY_FIELD =
	/[{,]\s*["']?(?:correct\w*|is_?correct|explanation\w*|source_?id|answer_?key)["']?\s*:/i;
/** The key as the result page renders it. */
const KEY_MARKUP = /class="[^"]*\b(?:key-tag|verdict)\b|correct answer|✓ right|✗ wrong/i;

function isData(collected: CollectedBody): boolean {
	return /html|json/.test(collected.contentType) || collected.url.includes('__data.json');
}

/**
 * Every way `bodies` give away the key: an explanation (any question of any bank) in any body;
 * key fields or result markup in HTML and JSON. Static code may name fields like `correct` (the
 * result page's code does), so for scripts and styles only the content itself counts.
 */
export function findLeaks(bodies: CollectedBody[], probes: LeakProbe[]): string[] {
	const leaks: string[] = [];
	for (const collected of bodies) {
		const text = normaliseText(collected.body);
		for (const probe of probes) {
			if (text.includes(probe.text)) {
				leaks.push(`${collected.url}: explanation of ${probe.questionId}: “${probe.text}”`);
			}
		}
		if (!isData(collected)) continue;
		const field = collected.body.match(KEY_FIELD);
		if (field) leaks.push(`${collected.url}: key field ${field[0]}`);
		const markup = collected.body.match(KEY_MARKUP);
		if (markup) leaks.push(`${collected.url}: result markup ${markup[0]}`);
	}
	return leaks;
}

/** Question texts in static assets would mean the bank itself was bundled for the browser. */
export function findBundledQuestions(bodies: CollectedBody[], banks: QuestionBank[]): string[] {
	const questions = banks
		.flatMap((bank) => bank.questions)
		.map((q) => ({ id: q.id, text: normaliseText(q.html) }))
		.filter((q) => q.text.length >= MIN_PROBE_LENGTH);
	return bodies
		.filter((collected) => !isData(collected))
		.flatMap((collected) => {
			const text = normaliseText(collected.body);
			return questions
				.filter((q) => text.includes(q.text))
				.map((q) => `${collected.url}: question ${q.id}`);
		});
}
