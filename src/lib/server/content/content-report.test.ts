import { describe, expect, it } from 'vitest';
import { contentCheckFailed, formatContentReport } from './content-report';
import type { ModuleInfo } from './load-module';
import type { ContentProblem } from './problems';

const warning: ContentProblem = {
	file: 'content/a/index.md',
	line: 5,
	column: 11,
	severity: 'warning',
	message: 'w'
};
const error: ContentProblem = { ...warning, severity: 'error', message: 'e' };

describe('content report', () => {
	it('fails on errors, and on warnings only when strict', () => {
		expect(contentCheckFailed([])).toBe(false);
		expect(contentCheckFailed([warning])).toBe(false);
		expect(contentCheckFailed([warning], true)).toBe(true);
		expect(contentCheckFailed([error])).toBe(true);
	});

	it('prints problems, then an aligned summary table and a tally', () => {
		const module = {
			slug: 'therapeutic-alliance',
			version: '1.0.0',
			stats: { lessons: 6, words: 7897, estimatedMinutes: 76, questions: 16, hoursClaimed: 1.25 }
		} as ModuleInfo;
		expect(formatContentReport([module], [error, warning])).toBe(
			[
				'content/a/index.md:5:11: e',
				'content/a/index.md:5:11: warning: w',
				'',
				'module                version  lessons  words  est. minutes  questions  CE hours',
				'--------------------  -------  -------  -----  ------------  ---------  --------',
				'therapeutic-alliance    1.0.0        6   7897            76         16      1.25',
				'',
				'1 error, 1 warning'
			].join('\n')
		);
	});
});
