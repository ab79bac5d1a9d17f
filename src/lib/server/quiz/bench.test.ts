import { describe, expect, it } from 'vitest';
import { benchmarkGrading, syntheticBank } from './bench';
import { drawAttempt } from './draw';

describe('benchmarkGrading', () => {
	it('grades a 20-question attempt well within 2 ms at the median', () => {
		const result = benchmarkGrading(300);
		expect(result.iterations).toBe(300);
		expect(result.questions).toBe(20);
		expect(result.p50Ms).toBeGreaterThanOrEqual(0);
		expect(result.p95Ms).toBeGreaterThanOrEqual(result.p50Ms);
		expect(result.p50Ms).toBeLessThan(2);
	});

	it('uses a bank the drawing code accepts', () => {
		expect(drawAttempt(syntheticBank(), 20, 'bench').questions).toHaveLength(20);
		expect(() => benchmarkGrading(0)).toThrow(RangeError);
	});
});
