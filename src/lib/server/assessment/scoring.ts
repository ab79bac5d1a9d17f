import { hopeScaleRange, type HopeBand, type HopeInstrument } from './instrument';

/** Raw answers as chosen on the form (not reverse-scored), by item id. */
export type HopeAnswers = Record<string, number>;

export type ParsedHopeAnswers =
	| { ok: true; answers: HopeAnswers }
	/** Messages by item id, plus `form` for problems with the submission as a whole. */
	| { ok: false; errors: Record<string, string> };

export interface ParseHopeAnswersOptions {
	/** Non-item fields the form may carry (e.g. `context`, `moduleSlug`); any other field is refused. */
	allowedExtraFields?: readonly string[];
}

export interface HopeSubscaleScore {
	id: string;
	name: string;
	/** Mean of the subscale's items after reverse scoring, rounded to two decimals. */
	mean: number;
	band: Pick<HopeBand, 'label' | 'text' | 'suggestion' | 'lesson'>;
}

export interface HopeScore {
	subscales: HopeSubscaleScore[];
	/** Mean over all items after reverse scoring, rounded to two decimals. */
	total: number;
}

const ITEM_FIELD_PREFIX = 'item-';
/** Keeps error messages short whatever a client posts. */
const MAX_LISTED = 5;
const MAX_NAME_SHOWN = 40;

/** The form field name that carries the answer to item `id`. */
export function hopeItemField(id: string): string {
	return ITEM_FIELD_PREFIX + id;
}

/**
 * Reads a submitted questionnaire. Every item must be answered exactly once with one of the scale's
 * values; unknown or repeated fields refuse the whole submission, so nothing partial is ever stored.
 * Accepts `[...formData]` directly: a file in place of a value is refused like any other bad value.
 */
export function parseHopeAnswers(
	instrument: HopeInstrument,
	formEntries: Iterable<readonly [string, unknown]>,
	options: ParseHopeAnswersOptions = {}
): ParsedHopeAnswers {
	const { min, max } = hopeScaleRange(instrument);
	const allowedExtra = new Set(options.allowedExtraFields ?? []);
	const itemIds = new Set(instrument.items.map((item) => item.id));
	const errors: Record<string, string> = {};
	const seen = new Set<string>();
	const unknownFields: string[] = [];
	const repeatedExtras: string[] = [];
	const answers: HopeAnswers = {};

	for (const [name, value] of formEntries) {
		const id = name.startsWith(ITEM_FIELD_PREFIX) ? name.slice(ITEM_FIELD_PREFIX.length) : null;
		if (id === null || !itemIds.has(id)) {
			if (!allowedExtra.has(name)) unknownFields.push(name);
			else if (seen.has(name)) repeatedExtras.push(name);
			seen.add(name);
			continue;
		}
		if (seen.has(name)) {
			errors[id] = 'This statement was answered more than once; choose one answer.';
			continue;
		}
		seen.add(name);
		const answer = typeof value === 'string' ? value.trim() : null;
		if (answer === '') continue; // reported below as unanswered
		const number = answer !== null && /^\d{1,3}$/.test(answer) ? Number(answer) : NaN;
		if (!Number.isInteger(number) || number < min || number > max) {
			errors[id] = `Choose one of the answers from ${min} to ${max}.`;
			continue;
		}
		answers[id] = number;
	}

	const formMessages: string[] = [];
	if (unknownFields.length > 0) {
		formMessages.push(
			`The form contained ${plural(unknownFields.length, 'field')} this questionnaire does not have: ${listNames(unknownFields)}.`
		);
	}
	if (repeatedExtras.length > 0) {
		formMessages.push(`These fields were sent more than once: ${listNames(repeatedExtras)}.`);
	}
	const unanswered: number[] = [];
	instrument.items.forEach((item, i) => {
		if (Object.hasOwn(answers, item.id) || Object.hasOwn(errors, item.id)) return;
		errors[item.id] = 'Please choose an answer.';
		unanswered.push(i + 1);
	});
	if (unanswered.length > 0) {
		formMessages.push(
			`${plural(unanswered.length, 'statement')} of ${instrument.items.length} ${unanswered.length === 1 ? 'has no answer yet: number' : 'have no answer yet: numbers'} ${joinNumbers(unanswered)}.`
		);
	}
	if (formMessages.length > 0) errors.form = formMessages.join(' ');
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, answers };
}

/** Reverse-scored values: `(min + max) − value` for reverse items, the value itself otherwise. */
export function reverseScoredAnswers(
	instrument: HopeInstrument,
	answers: Readonly<HopeAnswers>
): HopeAnswers {
	const { min, max } = hopeScaleRange(instrument);
	const scored: HopeAnswers = {};
	for (const item of instrument.items) {
		const value = answers[item.id];
		if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
			throw new RangeError(`Answer to "${item.id}" is missing or off the scale: ${value}`);
		}
		scored[item.id] = item.reverse ? min + max - value : value;
	}
	return scored;
}

/**
 * Scores a complete set of answers (as returned by `parseHopeAnswers`): each subscale's mean with its
 * reflective band, and the mean over all items. Throws on incomplete or off-scale answers, which
 * can only come from corrupted storage.
 */
export function scoreHopeAnswers(
	instrument: HopeInstrument,
	answers: Readonly<HopeAnswers>
): HopeScore {
	const scored = reverseScoredAnswers(instrument, answers);
	const subscales = instrument.subscales.map((subscale) => {
		const values = instrument.items
			.filter((item) => item.subscale === subscale.id)
			.map((item) => scored[item.id]!);
		const mean = roundedMean(values);
		const { label, text, suggestion, lesson } = bandFor(subscale.bands, mean);
		return {
			id: subscale.id,
			name: subscale.name,
			mean,
			band: lesson === undefined ? { label, text, suggestion } : { label, text, suggestion, lesson }
		};
	});
	return { subscales, total: roundedMean(Object.values(scored)) };
}

/** Summing first keeps the rounding exact for integer answers (e.g. 29/8 = 3.625 → 3.63). */
function roundedMean(values: number[]): number {
	const sum = values.reduce((a, b) => a + b, 0);
	return Math.round((sum * 100) / values.length) / 100;
}

/** The highest band starting at or below `mean`; validated bands leave no gaps at two decimals. */
function bandFor(bands: readonly HopeBand[], mean: number): HopeBand {
	const sorted = [...bands].sort((a, b) => a.min - b.min);
	return sorted.findLast((band) => band.min <= mean + 1e-9) ?? sorted[0]!;
}

function plural(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function listNames(names: string[]): string {
	const shown = [...new Set(names)]
		.slice(0, MAX_LISTED)
		.map((n) => `"${n.length > MAX_NAME_SHOWN ? `${n.slice(0, MAX_NAME_SHOWN)}…` : n}"`);
	const more = new Set(names).size - shown.length;
	return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function joinNumbers(numbers: number[]): string {
	if (numbers.length === 1) return String(numbers[0]);
	return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
