import { describe, expect, it } from 'vitest';
import type { HopeInstrument } from './instrument';
import {
	correctedItemTotal,
	cronbachAlpha,
	formatInstrumentStats,
	instrumentStats,
	itemStats
} from './stats';

/*
 * Hand-computed example: 4 respondents × 3 items.
 *
 *            i1  i2  i3  total
 *   r1        1   2   1      4
 *   r2        2   3   3      8
 *   r3        3   3   2      8
 *   r4        4   4   4     12
 *   mean    2.5   3 2.5      8
 *
 * Sample variances (n − 1 = 3):
 *   σ²(i1) = (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3
 *   σ²(i2) = (1 + 0 + 0 + 1) / 3             = 2/3
 *   σ²(i3) = (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3
 *   Σσ²ᵢ = 12/3 = 4
 *   σ²ₜ  = (16 + 0 + 0 + 16) / 3 = 32/3
 *
 * α = k/(k − 1) · (1 − Σσ²ᵢ/σ²ₜ) = 3/2 · (1 − 4 / (32/3)) = 3/2 · (1 − 12/32) = 3/2 · 20/32 = 0.9375
 *
 * Corrected item-total (each item against the sum of the other two):
 *   i1 vs i2+i3 = (3, 6, 5, 8), mean 5.5: Σdxdy = 3.75 − 0.25 − 0.25 + 3.75 = 7,
 *      Σdx² = 5, Σdy² = 6.25 + 0.25 + 0.25 + 6.25 = 13 → r = 7/√65 ≈ 0.8682
 *   i2 vs i1+i3 = (2, 5, 5, 8), mean 5: Σdxdy = 3 + 0 + 0 + 3 = 6, Σdx² = 2, Σdy² = 18 → r = 6/√36 = 1
 *   i3 vs i1+i2 = (3, 5, 6, 8), mean 5.5: Σdxdy = 3.75 − 0.25 − 0.25 + 3.75 = 7, Σdx² = 5,
 *      Σdy² = 13 → r = 7/√65
 */
const HAND = [
	[1, 2, 1],
	[2, 3, 3],
	[3, 3, 2],
	[4, 4, 4]
];

describe('cronbachAlpha', () => {
	it('matches the hand-computed example', () => {
		expect(cronbachAlpha(HAND)).toBeCloseTo(0.9375, 12);
	});

	it('is 1 for identical items and NaN when the totals never vary', () => {
		expect(
			cronbachAlpha([
				[1, 1],
				[3, 3],
				[5, 5]
			])
		).toBeCloseTo(1, 12);
		expect(
			cronbachAlpha([
				[2, 4],
				[2, 4]
			])
		).toBeNaN();
	});

	it('is negative when items pull against each other', () => {
		// σ²ᵢ = 1 and 4/3, totals (4, 4, 5) → σ²ₜ = 1/3, so α = 2 · (1 − (7/3)/(1/3)) = −12.
		expect(
			cronbachAlpha([
				[1, 3],
				[3, 1],
				[2, 3]
			])
		).toBeCloseTo(-12, 12);
	});

	it('refuses matrices it cannot use', () => {
		expect(() => cronbachAlpha([[1, 2]])).toThrow(RangeError);
		expect(() => cronbachAlpha([[1], [2]])).toThrow(RangeError);
		expect(() => cronbachAlpha([[1, 2], [3]])).toThrow(RangeError);
		expect(() =>
			cronbachAlpha([
				[1, 2],
				[3, NaN]
			])
		).toThrow(RangeError);
	});
});

describe('correctedItemTotal', () => {
	it('matches the hand-computed example', () => {
		const [r1, r2, r3] = correctedItemTotal(HAND);
		expect(r1).toBeCloseTo(7 / Math.sqrt(65), 12);
		expect(r2).toBeCloseTo(1, 12);
		expect(r3).toBeCloseTo(7 / Math.sqrt(65), 12);
	});

	it('excludes the item from its own total', () => {
		// Item 3 is pure noise relative to two identical items; with itself included r would be > 0.
		const r = correctedItemTotal([
			[1, 1, 2],
			[2, 2, 2],
			[3, 3, 2],
			[4, 4, 2]
		]);
		expect(r[0]).toBeCloseTo(1, 12);
		expect(r[2]).toBeNaN();
	});
});

describe('itemStats', () => {
	it('gives mean and sample SD per item, over the responses that have it', () => {
		const stats = itemStats(
			[{ a: 1, b: 5 }, { a: 2, b: 5 }, { a: 3 }, { a: 4, b: 5 }],
			['a', 'b', 'c']
		);
		expect(stats[0]).toMatchObject({ id: 'a', n: 4, mean: 2.5 });
		expect(stats[0]!.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
		expect(stats[1]).toEqual({ id: 'b', n: 3, mean: 5, sd: 0 });
		expect(stats[2]).toMatchObject({ id: 'c', n: 0 });
		expect(stats[2]!.mean).toBeNaN();
	});
});

/** Scale 1–5; s1 has one reverse item, s2 two. */
const instrument: HopeInstrument = {
	title: 'Small',
	version: '1.0.0',
	scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })),
	subscales: ['s1', 's2'].map((id) => ({
		id,
		name: id.toUpperCase(),
		description: '',
		bands: [{ min: 1, max: 5, label: 'All', text: '', suggestion: '' }]
	})),
	items: [
		{ id: 's1-1', subscale: 's1', reverse: false, text: '' },
		{ id: 's1-2', subscale: 's1', reverse: false, text: '' },
		{ id: 's1-3', subscale: 's1', reverse: true, text: '' },
		{ id: 's2-1', subscale: 's2', reverse: false, text: '' },
		{ id: 's2-2', subscale: 's2', reverse: true, text: '' },
		{ id: 's2-3', subscale: 's2', reverse: true, text: '' }
	],
	introMarkdown: ''
};

/** Deterministic respondents: a latent level per subscale plus noise; reverse items answered mirrored. */
function respondents(count: number): Record<string, number>[] {
	let seed = 7;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const clamp = (v: number) => Math.min(5, Math.max(1, Math.round(v)));
	return Array.from({ length: count }, () => {
		const level = { s1: 1 + random() * 4, s2: 1 + random() * 4 };
		return Object.fromEntries(
			instrument.items.map((item) => {
				const value = clamp(level[item.subscale as 's1' | 's2'] + (random() - 0.5) * 1.5);
				return [item.id, item.reverse ? 6 - value : value];
			})
		);
	});
}

describe('instrumentStats', () => {
	it('refuses below 30 complete respondents and computes nothing', () => {
		const result = instrumentStats(instrument, respondents(29));
		expect(result).toEqual({
			ok: false,
			respondents: 29,
			excluded: 0,
			required: 30,
			message: expect.stringContaining('Only 29 complete responses; at least 30 are needed')
		});
		expect(formatInstrumentStats(result)).toMatch(/^Refused: Only 29/);
	});

	it('does not count incomplete or off-scale responses toward the 30', () => {
		const responses = respondents(30);
		const { 's1-2': _dropped, ...incomplete } = responses[0]!;
		responses[0] = incomplete;
		responses[1] = { ...responses[1]!, 's2-3': 9 };
		expect(instrumentStats(instrument, responses)).toMatchObject({
			ok: false,
			respondents: 28,
			excluded: 2
		});
		expect(instrumentStats(instrument, responses, { minRespondents: 28 })).toMatchObject({
			ok: true,
			respondents: 28,
			excluded: 2
		});
	});

	it('reports alpha and item statistics per subscale after reverse scoring', () => {
		const responses = respondents(30);
		const result = instrumentStats(instrument, responses);
		if (!result.ok) throw new Error(result.message);
		expect(result.respondents).toBe(30);
		expect(result.subscales.map((s) => s.id)).toEqual(['s1', 's2']);

		for (const subscale of result.subscales) {
			const items = instrument.items.filter((item) => item.subscale === subscale.id);
			const matrix = responses.map((r) =>
				items.map((item) => (item.reverse ? 6 - r[item.id]! : r[item.id]!))
			);
			expect(subscale.alpha).toBeCloseTo(cronbachAlpha(matrix), 12);
			// Mirrored answers only look consistent once reversed back.
			expect(subscale.alpha).toBeGreaterThan(0.7);
			const itemTotal = correctedItemTotal(matrix);
			subscale.items.forEach((item, i) => {
				expect(item.correctedItemTotal).toBeCloseTo(itemTotal[i]!, 12);
				expect(item.correctedItemTotal).toBeGreaterThan(0.3);
				expect(item.n).toBe(30);
				expect(item.reverse).toBe(items[i]!.reverse);
			});
		}

		const reverseItem = result.subscales[0]!.items[2]!;
		const rawMean = responses.reduce((sum, r) => sum + r['s1-3']!, 0) / responses.length;
		expect(reverseItem.mean).toBeCloseTo(6 - rawMean, 12);

		const text = formatInstrumentStats(result);
		expect(text).toContain('30 complete responses');
		expect(text).toContain(`S1 (s1): Cronbach's alpha ${result.subscales[0]!.alpha.toFixed(2)}`);
		expect(text).toMatch(/s1-3 \(R\)/);
	});
});
