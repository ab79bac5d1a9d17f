import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/** A deterministic source of uniformly distributed unsigned 32-bit integers. */
export interface Random {
	nextUint32(): number;
}

/** 128 bits from the system CSPRNG as 32 hex digits: the seed stored with a new attempt. */
export function generateSeed(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return encodeHexLowerCase(bytes);
}

/**
 * sfc32 seeded from SHA-256 of the seed string, so any string (a stored 128-bit hex seed, or a
 * readable one in tests) gives an independent, reproducible stream. Not for secrets: it only
 * has to make draws unpredictable to learners and reproducible for us.
 */
export function createRandom(seed: string): Random {
	if (seed.length === 0) throw new Error('A random seed must not be empty.');
	const digest = sha256(new TextEncoder().encode(seed));
	const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
	let a = view.getUint32(0);
	let b = view.getUint32(4);
	let c = view.getUint32(8);
	let d = view.getUint32(12);
	const nextUint32 = (): number => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return t >>> 0;
	};
	// The usual sfc32 warm-up: mixes the seed words before the first output is used.
	for (let i = 0; i < 12; i++) nextUint32();
	return { nextUint32 };
}

const TWO_TO_32 = 0x1_0000_0000;

/** Uniform integer in [0, bound), by rejection so that no value is favoured by modulo bias. */
export function randomBelow(random: Random, bound: number): number {
	if (!Number.isInteger(bound) || bound < 1 || bound > TWO_TO_32) {
		throw new RangeError(`randomBelow needs an integer bound in 1..2^32, got ${bound}.`);
	}
	const limit = TWO_TO_32 - (TWO_TO_32 % bound);
	let value = random.nextUint32();
	while (value >= limit) value = random.nextUint32();
	return value % bound;
}

/** Fisher–Yates: every permutation equally likely. Shuffles `items` in place and returns it. */
export function shuffleInPlace<T>(items: T[], random: Random): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomBelow(random, i + 1);
		const swap = items[i]!;
		items[i] = items[j]!;
		items[j] = swap;
	}
	return items;
}

/**
 * `count` distinct indexes from 0..size-1 in random order (a partial Fisher–Yates), so every
 * subset and every order of it is equally likely.
 */
export function sampleIndexes(size: number, count: number, random: Random): number[] {
	if (!Number.isInteger(count) || count < 0 || count > size) {
		throw new RangeError(`Cannot draw ${count} of ${size} items without replacement.`);
	}
	const indexes = Array.from({ length: size }, (_, i) => i);
	for (let i = 0; i < count; i++) {
		const j = i + randomBelow(random, size - i);
		const swap = indexes[i]!;
		indexes[i] = indexes[j]!;
		indexes[j] = swap;
	}
	return indexes.slice(0, count);
}
