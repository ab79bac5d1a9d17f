import { hopeScaleRange, type HopeInstrument } from './instrument';
import { reverseScoredAnswers, type HopeAnswers } from './scoring';

export const MIN_RESPONDENTS = 30;

export interface ItemStat {
	id: string;
	/** Responses that include this item. */
	n: number;
	/** NaN when n is 0. */
	mean: number;
	/** Sample SD (n − 1); NaN when n is below 2. */
	sd: number;
}

export interface HopeItemReport extends ItemStat {
	reverse: boolean;
	/** Pearson r with the sum of the subscale's other items; NaN when either side is constant. */
	correctedItemTotal: number;
}

export interface HopeSubscaleReport {
	id: string;
	name: string;
	/** NaN when the subscale totals do not vary. */
	alpha: number;
	items: HopeItemReport[];
}

export type HopeInstrumentStats =
	| { ok: true; respondents: number; excluded: number; subscales: HopeSubscaleReport[] }
	| { ok: false; respondents: number; excluded: number; required: number; message: string };

/** Per-item mean and sample SD over responses that are already reverse-scored. */
export function itemStats(
	responses: readonly Readonly<Record<string, number>>[],
	itemIds: readonly string[]
): ItemStat[] {
	return itemIds.map((id) => {
		const values = responses
			.filter((r) => Object.hasOwn(r, id))
			.map((r) => r[id]!)
			.filter(Number.isFinite);
		return { id, n: values.length, mean: mean(values), sd: Math.sqrt(sampleVariance(values)) };
	});
}

/**
 * Cronbach's alpha, k/(k − 1) · (1 − Σσ²ᵢ / σ²ₜ), for a complete matrix (rows respondents, columns
 * items). NaN when the totals do not vary. Throws on fewer than 2 items or 2 respondents.
 */
export function cronbachAlpha(matrix: readonly (readonly number[])[]): number {
	const k = checkMatrix(matrix);
	const itemVariances = columns(matrix, k).map(sampleVariance);
	const totalVariance = sampleVariance(matrix.map(sum));
	if (totalVariance === 0) return NaN;
	return (k / (k - 1)) * (1 - sum(itemVariances) / totalVariance);
}

/** For each column, Pearson r with the sum of the OTHER columns (NaN where either is constant). */
export function correctedItemTotal(matrix: readonly (readonly number[])[]): number[] {
	const k = checkMatrix(matrix);
	const totals = matrix.map(sum);
	return columns(matrix, k).map((item) =>
		pearson(
			item,
			totals.map((total, row) => total - item[row]!)
		)
	);
}

/**
 * Reliability report over stored raw answers (as returned by `parseHopeAnswers`, one response per
 * respondent). Responses missing an item or holding an off-scale value are excluded and counted.
 * Refuses, without computing anything, when fewer than `minRespondents` complete responses remain.
 */
export function instrumentStats(
	instrument: HopeInstrument,
	responses: readonly Readonly<HopeAnswers>[],
	{ minRespondents = MIN_RESPONDENTS }: { minRespondents?: number } = {}
): HopeInstrumentStats {
	const { min, max } = hopeScaleRange(instrument);
	const isComplete = (r: Readonly<HopeAnswers>) =>
		instrument.items.every((item) => {
			const value = Object.hasOwn(r, item.id) ? r[item.id] : undefined;
			return Number.isInteger(value) && value! >= min && value! <= max;
		});
	const complete = responses.filter(isComplete);
	const excluded = responses.length - complete.length;
	if (complete.length < minRespondents) {
		return {
			ok: false,
			respondents: complete.length,
			excluded,
			required: minRespondents,
			message:
				`Only ${complete.length} complete response${complete.length === 1 ? '' : 's'}; ` +
				`at least ${minRespondents} are needed before alpha and item-total correlations mean anything.`
		};
	}

	const scored = complete.map((r) => reverseScoredAnswers(instrument, r));
	const subscales = instrument.subscales.map((subscale) => {
		const items = instrument.items.filter((item) => item.subscale === subscale.id);
		const ids = items.map((item) => item.id);
		const matrix = scored.map((r) => ids.map((id) => r[id]!));
		const stats = itemStats(scored, ids);
		const itemTotal = correctedItemTotal(matrix);
		return {
			id: subscale.id,
			name: subscale.name,
			alpha: cronbachAlpha(matrix),
			items: items.map((item, i) => ({
				...stats[i]!,
				reverse: item.reverse,
				correctedItemTotal: itemTotal[i]!
			}))
		};
	});
	return { ok: true, respondents: complete.length, excluded, subscales };
}

/** Plain-text rendering of `instrumentStats` for the `assessment:stats` script. */
export function formatInstrumentStats(stats: HopeInstrumentStats): string {
	if (!stats.ok) return `Refused: ${stats.message}`;
	const lines = [
		`${stats.respondents} complete responses` +
			(stats.excluded > 0 ? ` (${stats.excluded} incomplete excluded)` : '') +
			'. Item values are after reverse scoring.'
	];
	for (const subscale of stats.subscales) {
		lines.push('', `${subscale.name} (${subscale.id}): Cronbach's alpha ${fixed(subscale.alpha)}`);
		lines.push(
			`  ${'item'.padEnd(24)}${'mean'.padStart(7)}${'SD'.padStart(7)}${'r(it-c)'.padStart(9)}`
		);
		for (const item of subscale.items) {
			const id = `${item.id}${item.reverse ? ' (R)' : ''}`;
			lines.push(
				`  ${id.padEnd(24)}${fixed(item.mean).padStart(7)}${fixed(item.sd).padStart(7)}${fixed(item.correctedItemTotal).padStart(9)}`
			);
		}
	}
	return lines.join('\n');
}

function checkMatrix(matrix: readonly (readonly number[])[]): number {
	const k = matrix[0]?.length ?? 0;
	if (matrix.length < 2 || k < 2) {
		throw new RangeError('Need at least 2 respondents and 2 items.');
	}
	if (matrix.some((row) => row.length !== k || !row.every(Number.isFinite))) {
		throw new RangeError('Every respondent needs a finite value for every item.');
	}
	return k;
}

function columns(matrix: readonly (readonly number[])[], k: number): number[][] {
	return Array.from({ length: k }, (_, j) => matrix.map((row) => row[j]!));
}

function sum(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0);
}

function mean(values: readonly number[]): number {
	return values.length === 0 ? NaN : sum(values) / values.length;
}

function sampleVariance(values: readonly number[]): number {
	if (values.length < 2) return NaN;
	const m = mean(values);
	return sum(values.map((v) => (v - m) ** 2)) / (values.length - 1);
}

function pearson(x: readonly number[], y: readonly number[]): number {
	const mx = mean(x);
	const my = mean(y);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < x.length; i++) {
		const dx = x[i]! - mx;
		const dy = y[i]! - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

function fixed(n: number): string {
	return Number.isFinite(n) ? n.toFixed(2) : '—';
}
