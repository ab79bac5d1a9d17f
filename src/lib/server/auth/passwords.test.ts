import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords';

describe('password policy', () => {
	it('counts characters, not bytes, and accepts any Unicode', () => {
		expect(passwordProblem('ñandú🙂🙂x')).toBeNull(); // 8 code points
		expect(passwordProblem('ñandú🙂x')).toMatch(/at least 8/);
		expect(passwordProblem('心理療法と希望の力')).toBeNull();
	});

	it('refuses more than 128 characters', () => {
		expect(
			passwordProblem('x'.repeat(128).replace(/x/g, (_, i) => String.fromCharCode(97 + (i % 26))))
		).toBeNull();
		expect(passwordProblem('a'.repeat(200))).toMatch(/at most 128/);
	});

	it('refuses the most common passwords, whatever their case', () => {
		expect(passwordProblem('password')).toMatch(/common/);
		expect(passwordProblem('Password1')).toMatch(/common/);
		expect(passwordProblem('qwertyuiop')).toMatch(/common/);
		expect(passwordProblem('hope holds the alliance')).toBeNull();
	});
});
