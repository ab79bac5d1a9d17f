import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from './load-content';
import { formatProblem } from './problems';
import { readContentFiles } from './read-content-files';

const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURES = 'tests/fixtures/content-broken';

/**
 * Each folder under tests/fixtures/content-broken holds one module that is valid except for one
 * thing; the check must report exactly that, at exactly this line and column.
 */
const EXPECTED: Record<string, string> = {
	'unknown-front-matter-key':
		'demo/index.md:6:1: unknown field "ceHours" (did you mean "ce_hours"?)',
	'missing-required-field': 'demo/index.md:2:1: missing required field "disclosures"',
	'bad-version':
		'demo/index.md:4:10: "version" must be a semantic version such as 1.0.0 (got "v1.2")',
	'yaml-duplicate-key': 'demo/index.md:13:1: field "title" appears twice',
	'lesson-numbering-gap':
		'demo/03-second-steps.md:1:1: lesson number 03 should be 02: number lessons 01, 02, 03, … without gaps',
	'duplicate-lesson-slug':
		'demo/02-first-steps.md:1:1: lesson slug "first-steps" is also used by 01-first-steps.md',
	'question-without-correct-option':
		'demo/post-test.md:11:1: question has no correct option: mark the correct one(s) with "- [x]"',
	'question-without-explanation':
		'demo/post-test.md:11:1: question has no explanation: add a "> " block quote after the options',
	'malformed-option':
		'demo/post-test.md:6:1: malformed option: start it with "- [ ] " (wrong) or "- [x] " (correct)',
	'duplicate-question-id':
		'demo/post-test.md:11:1: duplicate question id "first-step" (also used on line 4)',
	'objective-out-of-range':
		'demo/post-test.md:18:1: obj=3 names no objective: the module has 2 objectives',
	'text-outside-question':
		'demo/post-test.md:4:1: text outside a question: every question starts with a "##" heading',
	'cite-key-not-in-references':
		'demo/01-first-steps.md:8:43: <Cite key="jones2019">: no reference with key "jones2019" in index.md',
	'unknown-component':
		'demo/01-first-steps.md:8:68: unknown component <Quote>: use Callout, Cite, KeyFigure, Vignette, Reflection',
	'component-without-blank-line':
		'demo/01-first-steps.md:10:1: put <Vignette …> on a line of its own, with a blank line after it (mdsvex reads markdown inside a component only when blank lines set it off)',
	'broken-internal-link':
		'demo/02-second-steps.md:8:25: broken link /modules/demo/third-steps: module "demo" has no lesson "third-steps"',
	'bank-smaller-than-questions-per-attempt':
		'demo/index.md:6:24: questions_per_attempt is 5 but post-test.md has only 3 questions',
	'warning-too-few-questions-per-ce-hour':
		'demo/post-test.md:1:1: warning: the bank has 1 question, fewer than 6 per CE hour (APA guidance): 0.25 hours need at least 2',
	'warning-ce-hours-exceed-reading-time':
		'demo/index.md:5:11: warning: ce_hours 0.5 (30 minutes) exceeds the measured time of 14.1 minutes by more than 10% (19 words at 200 per minute = 0.1 minutes, plus 14 minutes of Reflection activities)'
};

function check(folder: string) {
	return loadContent(readContentFiles(folder, projectRoot), folder);
}

describe('content check on tests/fixtures/content-broken', () => {
	it('has an expectation for every fixture folder, and a folder for every expectation', () => {
		const folders = readdirSync(`${projectRoot}/${FIXTURES}`, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name);
		expect(folders.sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
		const folder = `${FIXTURES}/${name}`;
		const { problems } = check(folder);
		expect(problems.map(formatProblem)).toEqual([`${folder}/${expected}`]);
	});

	it('the fixture module is clean once its one fault is removed', () => {
		// Every fixture is this base with one change; here the time claim is put back to 0.25 hours.
		const folder = `${FIXTURES}/warning-ce-hours-exceed-reading-time`;
		const files = readContentFiles(folder, projectRoot);
		const index = `${folder}/demo/index.md`;
		files[index] = files[index]!.replace('ce_hours: 0.5', 'ce_hours: 0.25');
		const { modules, problems } = loadContent(files, folder);
		expect(problems).toEqual([]);
		expect(modules.map((m) => m.slug)).toEqual(['demo']);
	});
});

describe('content check on content/', () => {
	const { modules, evaluation, hopeInstrument, problems } = check('content');

	it('finds no errors (warnings are listed, not failed)', () => {
		const warnings = problems.filter((p) => p.severity === 'warning').map(formatProblem);
		if (warnings.length > 0) console.warn(`content/ warnings:\n${warnings.join('\n')}`);
		expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
	});

	it('loads every module, the evaluation form and the hope instrument', () => {
		expect(modules.map((m) => m.slug)).toEqual([
			'common-factors',
			'instilling-hope',
			'therapeutic-alliance'
		]);
		for (const module of modules) {
			expect(module.lessons.length).toBeGreaterThan(0);
			expect(module.bank?.questions.length).toBeGreaterThanOrEqual(module.questionsPerAttempt);
			expect(module.contentHash).toMatch(/^[0-9a-f]{64}$/);
		}
		expect(evaluation?.items.length).toBeGreaterThan(0);
		expect(hopeInstrument).toBeDefined();
	});
});
