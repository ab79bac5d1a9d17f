import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from './load-content';
import { formatProblem } from './problems';
import { readContentFiles } from './read-content-files';

const INDEX = `---
title: Demo
summary: A demo module.
version: 1.0.0
ce_hours: 0.25
objectives:
  - Name one thing.
authors:
  - name: A. Author
    credentials: PhD
disclosures: none
references:
  - key: smith2020
    short: Smith, 2020
    apa: "Smith, A. (2020). Title."
---
Overview.
`;

const LESSON_1 = `---
title: First
minutes: 10
---
Words to read here <Cite key="smith2020" />.

<Reflection id="first" minutes={10} prompt="Think." />
`;

const LESSON_2 = `---
title: Second
minutes: 4
---
More words. See [the first lesson](/modules/demo/first).

<Reflection id="second" minutes={4} prompt="Think again." />
`;

const POST_TEST = `## {#q1 obj=1} One?
- [x] A
- [ ] B
- [ ] C

> Because.

## {obj=1} Two?
- [ ] A
- [x] B
- [ ] C

> Because.
`;

function demo(overrides: Record<string, string | undefined> = {}): Record<string, string> {
	const files: Record<string, string | undefined> = {
		'content/demo/index.md': INDEX,
		'content/demo/01-first.md': LESSON_1,
		'content/demo/02-second.md': LESSON_2,
		'content/demo/post-test.md': POST_TEST,
		...overrides
	};
	return Object.fromEntries(
		Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== undefined)
	);
}

function messages(files: Record<string, string>, root?: string) {
	return loadContent(files, root).problems.map(formatProblem);
}

describe('loadContent', () => {
	it('builds a module with resolved defaults, lessons, bank and stats', () => {
		const { modules, problems } = loadContent(demo());
		expect(problems).toEqual([]);
		const [module] = modules;
		expect(module).toMatchObject({
			slug: 'demo',
			title: 'Demo',
			version: '1.0.0',
			ceHours: 0.25,
			passMark: 0.8,
			maxAttempts: 3,
			questionsPerAttempt: 2,
			draft: false,
			disclosures: 'none',
			minSeatMinutes: 14,
			references: [{ key: 'smith2020', short: 'Smith, 2020', apa: 'Smith, A. (2020). Title.' }],
			stats: { lessons: 2, words: 10, estimatedMinutes: 14, questions: 2, hoursClaimed: 0.25 }
		});
		expect(module!.lessons).toEqual([
			{
				slug: 'first',
				number: 1,
				file: 'content/demo/01-first.md',
				title: 'First',
				minutes: 10,
				words: 4,
				reflections: [{ id: 'first', minutes: 10, prompt: 'Think.', line: 7 }],
				outline: []
			},
			expect.objectContaining({ slug: 'second', number: 2, words: 6 })
		]);
		expect(module!.bank!.questions.map((q) => q.id)).toEqual(['q1', expect.stringMatching(/^two-[0-9a-f]{6}$/)]);
	});

	it('uses min_seat_minutes and questions_per_attempt when given', () => {
		const index = INDEX.replace('disclosures: none', 'disclosures: none\nmin_seat_minutes: 30\nquestions_per_attempt: 1');
		const [module] = loadContent(demo({ 'content/demo/index.md': index })).modules;
		expect(module).toMatchObject({ minSeatMinutes: 30, questionsPerAttempt: 1 });
	});

	it('hashes paths and contents, independent of where the content folder sits', () => {
		const hash = (files: Record<string, string>, root?: string) =>
			loadContent(files, root).modules[0]!.contentHash;
		const base = hash(demo());
		expect(base).toMatch(/^[0-9a-f]{64}$/);
		const reversed = Object.fromEntries(Object.entries(demo()).reverse());
		expect(hash(reversed)).toBe(base);
		const moved = Object.fromEntries(
			Object.entries(demo()).map(([path, text]) => [path.replace('content/', 'elsewhere/content/'), text])
		);
		expect(hash(moved, 'elsewhere/content')).toBe(base);
		expect(hash(demo({ 'content/demo/02-second.md': `${LESSON_2} ` }))).not.toBe(base);
		expect(hash(demo({ 'content/demo/notes.txt': 'x' }))).not.toBe(base);
	});

	it('ignores files outside the root', () => {
		const files = { ...demo(), 'other/demo/index.md': 'broken', 'content-old/x/index.md': 'broken' };
		expect(messages(files)).toEqual([]);
	});

	it('reports module-level mistakes', () => {
		const files = demo({
			'content/demo/02-second.md': LESSON_2.replace('id="second"', 'id="first"').replace(
				'/modules/demo/first',
				'/modules/demo/1-first'
			),
			'content/demo/03_third.md': LESSON_2,
			'content/demo/notes.md': 'x',
			'content/demo/drafts/04-later.md': 'x',
			'content/demo/images/figure.svg': '<svg/>',
			'content/demo/01-first.md': LESSON_1.replace(
				'<Reflection',
				'<KeyFigure value="1" label="x" cite="nobody" />\n\n<Reflection'
			),
			'content/README.md': 'About this folder.'
		});
		expect(messages(files)).toEqual([
			'content/README.md:1:1: warning: this file is not used: content holds module folders, evaluation.md and assessments/hope-capacity.md',
			'content/demo/01-first.md:7:1: <KeyFigure cite="nobody">: no reference with key "nobody" in index.md',
			'content/demo/02-second.md:5:17: broken link /modules/demo/1-first: module "demo" has no lesson "1-first"',
			'content/demo/02-second.md:7:1: Reflection id "first" is already used at content/demo/01-first.md:9',
			'content/demo/03_third.md:1:1: "03_third.md" is not a lesson file name: use two digits, a hyphen and a lowercase-hyphenated slug, e.g. 01-what-the-alliance-is.md',
			'content/demo/drafts/04-later.md:1:1: warning: this file is not used: lessons sit directly in the module folder',
			'content/demo/notes.md:1:1: "notes.md" is not a lesson file name: use two digits, a hyphen and a lowercase-hyphenated slug, e.g. 01-what-the-alliance-is.md'
		]);
	});

	it('reports a missing index.md, missing lessons and a missing post-test', () => {
		expect(messages({ 'content/demo/01-first.md': LESSON_1 })).toEqual([
			'content/demo/01-first.md:1:1: module "demo" has no index.md'
		]);
		expect(
			messages(demo({ 'content/demo/01-first.md': undefined, 'content/demo/02-second.md': undefined }))
		).toEqual(['content/demo/index.md:1:1: module has no lessons: add 01-<lesson>.md']);
		expect(messages(demo({ 'content/demo/post-test.md': undefined }))).toEqual([
			'content/demo/index.md:1:1: module has no post-test.md (only a draft may go without one)'
		]);
		const draft = INDEX.replace('disclosures: none', 'disclosures: none\ndraft: true');
		const loaded = loadContent(demo({ 'content/demo/index.md': draft, 'content/demo/post-test.md': undefined }));
		expect(loaded.problems).toEqual([]);
		expect(loaded.modules[0]).toMatchObject({ draft: true, bank: null, questionsPerAttempt: 0 });
	});

	it('checks that hope-capacity band lessons exist', () => {
		const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
		const files = readContentFiles('content', projectRoot);
		const file = 'content/assessments/hope-capacity.md';
		files[file] = files[file]!.replace(
			'lesson: instilling-hope/04-your-own-hope',
			'lesson: instilling-hope/09-no-such-lesson'
		);
		const line = files[file]!.split('\n').findIndex((l) => l.includes('09-no-such-lesson')) + 1;
		expect(messages(files).filter((m) => !m.includes('warning:'))).toEqual([
			`${file}:${line}:17: band lesson "instilling-hope/09-no-such-lesson" names no lesson: there is no instilling-hope/09-no-such-lesson.md`
		]);
	});
});
