import { describe, expect, it } from 'vitest';
import { createRandom, generateSeed, randomBelow, sampleIndexes, shuffleInPlace } from './random';

function take(seed: string, n: number): number[] {
	const random = createRandom(seed);
	return Array.from({ length: n }, () => random.nextUint32());
}

describe('seeded random', () => {
	it('repeats a stream for the same seed and not for another', () => {
		expect(take('seed-1', 8)).toEqual(take('seed-1', 8));
		expect(take('seed-1', 8)).not.toEqual(take('seed-2', 8));
		for (const value of take('seed-1', 100)) {
			expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
		}
	});

	it('refuses an empty seed', () => {
		expect(() => createRandom('')).toThrow(/empty/);
	});

	it('generates 128-bit hex seeds from the system CSPRNG', () => {
		const seeds = new Set(Array.from({ length: 50 }, generateSeed));
		expect(seeds.size).toBe(50);
		for (const seed of seeds) expect(seed).toMatch(/^[0-9a-f]{32}$/);
	});

	it('draws integers below a bound and refuses bad bounds', () => {
		const random = createRandom('bounds');
		const seen = new Set<number>();
		for (let i = 0; i < 1000; i++) seen.add(randomBelow(random, 7));
		expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(randomBelow(random, 1)).toBe(0);
		for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 32 + 1]) {
			expect(() => randomBelow(random, bad)).toThrow(RangeError);
		}
	});
});

describe('Fisher–Yates', () => {
	it('permutes without losing or repeating items', () => {
		const items = Array.from({ length: 30 }, (_, i) => i);
		const shuffled = shuffleInPlace([...items], createRandom('perm'));
		expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
		expect(shuffled).not.toEqual(items);
	});

	it('makes every permutation about equally likely (chi-square over 6,000 fixed seeds)', () => {
		// A naive "swap with any position" shuffle scores 60–80 here; 30 is p < 0.00002 for 5 df.
		const counts = new Map<string, number>();
		for (let s = 0; s < 6000; s++) {
			const key = shuffleInPlace(['a', 'b', 'c'], createRandom(`chi-${s}`)).join('');
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		expect(counts.size).toBe(6);
		const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - 1000) ** 2 / 1000, 0);
		expect(chiSquare).toBeLessThan(30);
	});

	it('samples distinct indexes and refuses to sample more than there are', () => {
		const random = createRandom('sample');
		for (let i = 0; i < 100; i++) {
			const sample = sampleIndexes(10, 4, random);
			expect(new Set(sample).size).toBe(4);
			for (const index of sample) expect(index >= 0 && index < 10).toBe(true);
		}
		expect(sampleIndexes(3, 0, random)).toEqual([]);
		expect(() => sampleIndexes(3, 4, random)).toThrow(RangeError);
		expect(() => sampleIndexes(3, -1, random)).toThrow(RangeError);
	});
});
