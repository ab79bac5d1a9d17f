import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHopeInstrument } from './instrument';

const REAL_FILE = 'content/assessments/hope-capacity.md';
const FILE = 'content/assessments/test.md';
const SUBSCALES = ['agency', 'pathways', 'holding', 'sustaining'];

/** A valid instrument: four subscales of four items (the fourth reversed), three bands each. */
function fixture(): string {
	const subscales = SUBSCALES.map((id) =>
		[
			`  - id: ${id}`,
			`    name: ${id[0]!.toUpperCase()}${id.slice(1)}`,
			`    description: About ${id}.`,
			`    bands:`,
			`      - min: 1.0`,
			`        max: 2.99`,
			`        label: Low`,
			`        text: Low reflection.`,
			`        suggestion: Low practice.`,
			`        lesson: instilling-hope/04-your-own-hope`,
			`      - { min: 3.0, max: 4.49, label: Middle, text: Middle reflection., suggestion: Middle practice. }`,
			`      - { min: 4.5, max: 6.0, label: High, text: High reflection., suggestion: High practice. }`
		].join('\n')
	);
	const items = SUBSCALES.flatMap((id) =>
		[1, 2, 3, 4].map(
			(n) => `  - { id: ${id}-${n}, subscale: ${id}, reverse: ${n === 4}, text: "${id} ${n}." }`
		)
	);
	return [
		'---',
		'title: Test instrument',
		'version: 1.0.0',
		'scale:',
		'  - { value: 1, label: Strongly disagree }',
		'  - { value: 2, label: Disagree }',
		'  - { value: 3, label: Slightly disagree }',
		'  - { value: 4, label: Slightly agree }',
		'  - { value: 5, label: Agree }',
		'  - { value: 6, label: Strongly agree }',
		'subscales:',
		...subscales,
		'items:',
		...items,
		'---',
		'Introduction **text**.',
		''
	].join('\n');
}

/** Replaces the only occurrence of `from`, failing loudly if the fixture no longer contains it. */
function edit(text: string, from: string, to: string): string {
	expect(text.split(from), `"${from}" once in fixture`).toHaveLength(2);
	return text.replace(from, to);
}

/** 1-based line and column of the first occurrence of `marker`, counted independently of the parser. */
function positionOf(text: string, marker: string, nth = 1) {
	let index = -1;
	for (let i = 0; i < nth; i++) index = text.indexOf(marker, index + 1);
	expect(index, `"${marker}" in text`).toBeGreaterThanOrEqual(0);
	const before = text.slice(0, index).split('\n');
	return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function errors(text: string) {
	const result = parseHopeInstrument(FILE, text);
	expect(result.instrument).toBeUndefined();
	return result.problems.filter((p) => p.severity === 'error');
}

describe('parseHopeInstrument', () => {
	it('accepts the real instrument with no problems', () => {
		const { instrument, problems } = parseHopeInstrument(
			REAL_FILE,
			readFileSync(REAL_FILE, 'utf8')
		);
		expect(problems).toEqual([]);
		expect(instrument?.items.length).toBeGreaterThanOrEqual(16);
		expect(instrument?.items.length).toBeLessThanOrEqual(20);
		expect(instrument?.subscales.map((s) => s.id)).toEqual(SUBSCALES);
		expect(instrument?.introMarkdown).toMatch(/^This short questionnaire/);
	});

	it('returns the fixture typed, with the raw body as introduction', () => {
		const { instrument, problems } = parseHopeInstrument(FILE, fixture());
		expect(problems).toEqual([]);
		expect(instrument).toMatchObject({ title: 'Test instrument', version: '1.0.0' });
		expect(instrument?.scale).toHaveLength(6);
		expect(instrument?.items[3]).toEqual({
			id: 'agency-4',
			subscale: 'agency',
			reverse: true,
			text: 'agency 4.'
		});
		expect(instrument?.subscales[0]?.bands[0]?.lesson).toBe('instilling-hope/04-your-own-hope');
		expect(instrument?.subscales[0]?.bands[1]).not.toHaveProperty('lesson');
		expect(instrument?.introMarkdown).toBe('Introduction **text**.\n');
	});

	it('accepts CRLF line endings and a byte-order mark', () => {
		const { problems } = parseHopeInstrument(FILE, '\uFEFF' + fixture().replace(/\n/g, '\r\n'));
		expect(problems).toEqual([]);
	});

	it('sorts bands listed out of order', () => {
		const text = fixture().replace(
			'      - { min: 3.0, max: 4.49, label: Middle, text: Middle reflection., suggestion: Middle practice. }\n      - { min: 4.5, max: 6.0, label: High, text: High reflection., suggestion: High practice. }',
			'      - { min: 4.5, max: 6.0, label: High, text: High reflection., suggestion: High practice. }\n      - { min: 3.0, max: 4.49, label: Middle, text: Middle reflection., suggestion: Middle practice. }'
		);
		const { instrument, problems } = parseHopeInstrument(FILE, text);
		expect(problems).toEqual([]);
		expect(instrument?.subscales[0]?.bands.map((b) => b.label)).toEqual(['Low', 'Middle', 'High']);
	});

	it('reports a missing opening or closing fence at line 1', () => {
		expect(errors('title: x\n')).toEqual([expect.objectContaining({ line: 1, column: 1 })]);
		expect(errors('---\ntitle: x\n')[0]).toMatchObject({
			line: 1,
			message: expect.stringContaining('never closed')
		});
	});

	it('reports YAML syntax errors and duplicate keys at their line', () => {
		const unclosed = edit(fixture(), 'title: Test instrument', 'title: "Test instrument');
		const [problem] = errors(unclosed);
		expect(problem?.message).toMatch(/^YAML: /);
		expect(problem?.line).toBe(2);

		const duplicate = edit(fixture(), 'version: 1.0.0', 'version: 1.0.0\ntitle: Again');
		expect(errors(duplicate)).toEqual([
			expect.objectContaining({
				...positionOf(duplicate, 'title: Again'),
				message: expect.stringMatching(/YAML: .*unique/)
			})
		]);
	});

	it('reports an unknown key at the key itself, naming the allowed ones', () => {
		const text = edit(fixture(), '    name: Pathways', '    name: Pathways\n    colour: blue');
		expect(errors(text)).toEqual([
			expect.objectContaining({
				file: FILE,
				...positionOf(text, 'colour'),
				severity: 'error',
				message:
					'subscales[1] has an unknown field "colour" (allowed: id, name, description, bands)'
			})
		]);
	});

	it('reports a missing field at its parent mapping', () => {
		const text = edit(fixture(), 'title: Test instrument\n', '');
		expect(errors(text)).toEqual([
			expect.objectContaining({ line: 2, column: 1, message: 'title is required' })
		]);
	});

	it('reports wrong types and shapes at the offending value', () => {
		const cases: [string, string, string, RegExp][] = [
			['version: 1.0.0', 'version: 1.0', '1.0', /^version must be a semantic version/],
			[
				'{ id: holding-4, subscale: holding, reverse: true',
				'{ id: holding-4, subscale: holding, reverse: yes',
				'yes',
				/^items\[11\]\.reverse must be true or false$/
			],
			[
				'{ value: 3, label: Slightly disagree }',
				'{ value: 3.5, label: Slightly disagree }',
				'3.5',
				/^scale\[2\]\.value must be a whole number$/
			],
			[
				'{ id: agency-2,',
				'{ id: Agency_2,',
				'Agency_2',
				/^items\[1\]\.id must be lowercase letters/
			]
		];
		for (const [from, to, marker, message] of cases) {
			const text = edit(fixture(), from, to);
			expect(errors(text), to).toEqual([
				expect.objectContaining({
					...positionOf(text, marker),
					message: expect.stringMatching(message)
				})
			]);
		}
	});

	it('checks the lesson reference for shape only', () => {
		const text = fixture().replace(
			'lesson: instilling-hope/04-your-own-hope',
			'lesson: instilling-hope/your-own-hope'
		);
		expect(errors(text)).toEqual([
			expect.objectContaining({
				...positionOf(text, 'instilling-hope/your-own-hope'),
				message: expect.stringContaining('module-slug/NN-lesson-slug')
			})
		]);
		const unknownButWellFormed = fixture().replace('04-your-own-hope', '99-no-such-lesson');
		expect(parseHopeInstrument(FILE, unknownButWellFormed).problems).toEqual([]);
	});

	it('requires consecutive integer scale values and at least two points', () => {
		const text = edit(fixture(), '{ value: 4, label', '{ value: 5, label');
		expect(errors(text)).toEqual([
			expect.objectContaining({
				...positionOf(text, '5, label: Slightly agree'),
				message: expect.stringContaining('expected 4, found 5')
			}),
			expect.objectContaining({ ...positionOf(text, '5, label: Agree') })
		]);

		const single = fixture().replace(/ {2}- \{ value: [2-6].*\n/g, '');
		expect(errors(single)).toEqual([
			expect.objectContaining({ line: 5, message: 'scale must have at least two points' })
		]);
	});

	describe('bands', () => {
		const middle = '{ min: 3.0, max: 4.49, label: Middle';

		it('accepts the 0.01 step between bands but reports a wider gap', () => {
			const text = fixture().replace(middle, '{ min: 3.5, max: 4.49, label: Middle');
			expect(errors(text)).toEqual([
				expect.objectContaining({
					...positionOf(text, '3.5, max: 4.49'),
					message:
						'subscale "agency": means between 2.99 and 3.5 fall in no band; start band "Middle" at 3.00'
				})
			]);
		});

		it('reports overlapping bands at the later band', () => {
			const text = edit(
				fixture(),
				`description: About holding.\n    bands:\n      - min: 1.0\n        max: 2.99`,
				`description: About holding.\n    bands:\n      - min: 1.0\n        max: 3.2`
			);
			expect(errors(text)).toEqual([
				expect.objectContaining({
					...positionOf(text, '3.0, max: 4.49', 3),
					message: expect.stringMatching(
						/^subscale "holding": band "Middle" .* overlaps band "Low"/
					)
				})
			]);
		});

		it('requires the bands to start at the scale minimum and end at the maximum', () => {
			const text = edit(
				fixture(),
				`About agency.\n    bands:\n      - min: 1.0`,
				`About agency.\n    bands:\n      - min: 1.5`
			).replace('{ min: 4.5, max: 6.0,', '{ min: 4.5, max: 5.5,');
			expect(errors(text)).toEqual([
				expect.objectContaining({
					...positionOf(text, '1.5'),
					message: 'subscale "agency": the lowest band must start at the scale minimum 1, not 1.5'
				}),
				expect.objectContaining({
					...positionOf(text, '5.5'),
					message: 'subscale "agency": the highest band must end at the scale maximum 6, not 5.5'
				})
			]);
		});

		it('reports a band whose min is above its max, and bounds with more than two decimals', () => {
			const inverted = fixture().replace(middle, '{ min: 4.6, max: 4.49, label: Middle');
			expect(errors(inverted)[0]).toMatchObject({
				...positionOf(inverted, '4.6'),
				message: 'subscale "agency": band "Middle" has min 4.6 above its max 4.49'
			});
			const fine = fixture().replace('max: 2.99', 'max: 2.995');
			expect(errors(fine)).toEqual([
				expect.objectContaining({
					...positionOf(fine, '2.995'),
					message: expect.stringMatching(/max must have at most two decimals/)
				})
			]);
		});
	});

	describe('items', () => {
		it('reports a repeated item id at the repetition', () => {
			const text = edit(fixture(), '{ id: agency-2,', '{ id: agency-1,');
			expect(errors(text)).toEqual([
				expect.objectContaining({
					...positionOf(text, 'agency-1', 2),
					message: 'item id "agency-1" is used twice (first at items[0])'
				})
			]);
		});

		it('reports an unknown subscale at the item', () => {
			const text = edit(
				fixture(),
				'{ id: pathways-1, subscale: pathways',
				'{ id: pathways-1, subscale: pathway'
			);
			expect(errors(text)).toEqual([
				expect.objectContaining({
					...positionOf(text, 'pathway,'),
					message: expect.stringContaining('unknown subscale "pathway" (known: agency, pathways,')
				})
			]);
		});

		it('requires 16–20 items, three per subscale and one reverse item per subscale', () => {
			const text = fixture().replace(/ {2}- \{ id: sustaining-[1-4].*\n/g, '');
			const problems = errors(text);
			expect(problems).toEqual([
				expect.objectContaining({
					...positionOf(text, 'items:'),
					message: 'the instrument must have 16–20 items, found 12'
				}),
				expect.objectContaining({
					...positionOf(text, 'sustaining', 1),
					message: 'subscale "sustaining" needs at least 3 items, found 0'
				}),
				expect.objectContaining({
					...positionOf(text, 'sustaining', 1),
					message: expect.stringContaining('needs at least one reverse-scored item')
				})
			]);

			const tooMany = fixture().replace(
				'items:\n',
				'items:\n' +
					[1, 2, 3, 4, 5]
						.map((n) => `  - { id: extra-${n}, subscale: agency, reverse: false, text: x }\n`)
						.join('')
			);
			expect(errors(tooMany)).toEqual([
				expect.objectContaining({ message: 'the instrument must have 16–20 items, found 21' })
			]);

			const noReverse = edit(
				fixture(),
				'{ id: holding-4, subscale: holding, reverse: true',
				'{ id: holding-4, subscale: holding, reverse: false'
			);
			expect(errors(noReverse)).toEqual([
				expect.objectContaining({
					...positionOf(noReverse, 'holding'),
					message: 'subscale "holding" needs at least one reverse-scored item (reverse: true)'
				})
			]);
		});
	});

	it('reports every problem of the real file at its real line', () => {
		const real = readFileSync(REAL_FILE, 'utf8');
		const text = edit(
			real,
			'    subscale: agency\n    reverse: true\n    text: "Most weeks',
			'    subscale: agency\n    reverse: maybe\n    text: "Most weeks'
		);
		expect(errors(text)).toEqual([
			expect.objectContaining({
				file: FILE,
				...positionOf(text, 'maybe'),
				message: 'items[2].reverse must be true or false'
			})
		]);
	});

	it('warns about an empty introduction without refusing the instrument', () => {
		const text = fixture().replace('Introduction **text**.\n', '');
		const { instrument, problems } = parseHopeInstrument(FILE, text);
		expect(instrument).toBeDefined();
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'warning', message: expect.stringContaining('empty') })
		]);
	});
});
