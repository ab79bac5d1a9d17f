import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHopeInstrument, type HopeBand, type HopeInstrument } from './instrument';
import { hopeItemField, parseHopeAnswers, scoreHopeAnswers } from './scoring';

function band(min: number, max: number, label: string, lesson?: string): HopeBand {
	return { min, max, label, text: `${label} text`, suggestion: `${label} practice`, lesson };
}

/** Scale 1–5 (reverse = 6 − value); a: a-3 reversed; b: b-2 and b-3 reversed. */
const instrument: HopeInstrument = {
	title: 'Small',
	version: '1.0.0',
	scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Point ${value}` })),
	subscales: [
		{
			id: 'a',
			name: 'Subscale A',
			description: 'A.',
			bands: [band(1, 2.49, 'A low'), band(2.5, 3.49, 'A mid'), band(3.5, 5, 'A high')]
		},
		{
			id: 'b',
			name: 'Subscale B',
			description: 'B.',
			bands: [band(1, 2.99, 'B low', 'instilling-hope/04-your-own-hope'), band(3, 5, 'B high')]
		}
	],
	items: [
		{ id: 'a-1', subscale: 'a', reverse: false, text: '' },
		{ id: 'a-2', subscale: 'a', reverse: false, text: '' },
		{ id: 'a-3', subscale: 'a', reverse: true, text: '' },
		{ id: 'b-1', subscale: 'b', reverse: false, text: '' },
		{ id: 'b-2', subscale: 'b', reverse: true, text: '' },
		{ id: 'b-3', subscale: 'b', reverse: true, text: '' },
		{ id: 'b-4', subscale: 'b', reverse: false, text: '' }
	],
	introMarkdown: ''
};
const ids = instrument.items.map((item) => item.id);

function answersOf(values: number[]): Record<string, number> {
	return Object.fromEntries(ids.map((id, i) => [id, values[i]!]));
}

function form(values: (string | number)[]): [string, string][] {
	return ids.map((id, i) => [hopeItemField(id), String(values[i])]);
}

function score(values: number[]) {
	const { subscales, total } = scoreHopeAnswers(instrument, answersOf(values));
	return { a: subscales[0]!, b: subscales[1]!, total };
}

describe('scoreHopeAnswers', () => {
	it('scores every answer at the scale minimum, reversing reverse items', () => {
		// a: 1, 1, 6−1=5 → 7/3; b: 1, 5, 5, 1 → 12/4; total 19/7.
		const { a, b, total } = score([1, 1, 1, 1, 1, 1, 1]);
		expect(a).toMatchObject({ id: 'a', name: 'Subscale A', mean: 2.33, band: { label: 'A low' } });
		expect(b).toMatchObject({ mean: 3, band: { label: 'B high' } });
		expect(total).toBe(2.71);
	});

	it('scores every answer at the scale maximum, reversing reverse items', () => {
		// a: 5, 5, 1 → 11/3; b: 5, 1, 1, 5 → 3; total 23/7.
		const { a, b, total } = score([5, 5, 5, 5, 5, 5, 5]);
		expect(a).toMatchObject({ mean: 3.67, band: { label: 'A high' } });
		expect(b).toMatchObject({ mean: 3, band: { label: 'B high' } });
		expect(total).toBe(3.29);
	});

	it('reaches the lowest and highest band bounds once reverse items are reversed', () => {
		const lowest = score([1, 1, 5, 1, 5, 5, 1]);
		expect([lowest.a.mean, lowest.b.mean, lowest.total]).toEqual([1, 1, 1]);
		expect(lowest.a.band.label).toBe('A low');
		expect(lowest.b.band).toEqual({
			label: 'B low',
			text: 'B low text',
			suggestion: 'B low practice',
			lesson: 'instilling-hope/04-your-own-hope'
		});

		const highest = score([5, 5, 1, 5, 1, 1, 5]);
		expect([highest.a.mean, highest.b.mean, highest.total]).toEqual([5, 5, 5]);
		expect(highest.a.band.label).toBe('A high');
		expect(highest.b.band).toEqual({
			label: 'B high',
			text: 'B high text',
			suggestion: 'B high practice'
		});
	});

	it('scores mixed answers and rounds means to two decimals', () => {
		// a: 4, 2, 6−2=4 → 10/3 = 3.33; b: 3, 6−4=2, 6−2=4, 5 → 14/4 = 3.5; total 24/7 = 3.43.
		const { a, b, total } = score([4, 2, 2, 3, 4, 2, 5]);
		expect(a).toMatchObject({ mean: 3.33, band: { label: 'A mid' } });
		expect(b).toMatchObject({ mean: 3.5, band: { label: 'B high' } });
		expect(total).toBe(3.43);
	});

	it('puts a mean either side of the 0.01 step into the right band', () => {
		// b: 2, 6−3=3, 6−3=3, 3 → 11/4 = 2.75 (low); one more point → 12/4 = 3 (high).
		expect(score([1, 1, 1, 2, 3, 3, 3]).b.band.label).toBe('B low');
		expect(score([1, 1, 1, 3, 3, 3, 3]).b.band.label).toBe('B high');
		// a: 2, 3, 6−4=2 → 7/3 = 2.33 (low); a: 3, 3, 2 → 8/3 = 2.67 (mid).
		expect(score([2, 3, 4, 1, 1, 1, 1]).a.band.label).toBe('A low');
		expect(score([3, 3, 4, 1, 1, 1, 1]).a.band.label).toBe('A mid');
	});

	it('refuses incomplete or off-scale answers instead of scoring them', () => {
		expect(() => scoreHopeAnswers(instrument, { 'a-1': 3 })).toThrow(RangeError);
		expect(() => score([1, 1, 1, 1, 1, 1, 6])).toThrow(/b-4/);
	});

	it('scores the real instrument, where all-agree and all-disagree land mid-scale', () => {
		const file = 'content/assessments/hope-capacity.md';
		const real = parseHopeInstrument(file, readFileSync(file, 'utf8')).instrument!;
		const all = (value: number) =>
			scoreHopeAnswers(real, Object.fromEntries(real.items.map((item) => [item.id, value])));
		const agency = (value: number) => all(value).subscales.find((s) => s.id === 'agency')!;
		// agency: three forward items and two reverse items (7 − value).
		expect(agency(1).mean).toBe(3);
		expect(agency(6).mean).toBe(4);
		expect(agency(1).band.label).toBe('Present, with room to grow');

		const best = Object.fromEntries(real.items.map((item) => [item.id, item.reverse ? 1 : 6]));
		const scored = scoreHopeAnswers(real, best);
		expect(scored.total).toBe(6);
		expect(
			scored.subscales.every((s) => s.mean === 6 && s.band.label === 'A current strength')
		).toBe(true);
	});
});

describe('parseHopeAnswers', () => {
	it('accepts one answer per item, trimmed, in any order', () => {
		const entries = form([1, 2, 3, 4, 5, ' 3 ', '1']).reverse();
		expect(parseHopeAnswers(instrument, entries)).toEqual({
			ok: true,
			answers: answersOf([1, 2, 3, 4, 5, 3, 1])
		});
	});

	it('names how many and which items are missing, counting empty answers as missing', () => {
		const entries = form([1, 2, 3, 4, 5, 1, 2]).filter(([name]) => name !== 'item-a-2');
		entries[5]![1] = '';
		const result = parseHopeAnswers(instrument, entries);
		expect(result).toEqual({
			ok: false,
			errors: {
				'a-2': 'Please choose an answer.',
				'b-4': 'Please choose an answer.',
				form: '2 statements of 7 have no answer yet: numbers 2 and 7.'
			}
		});
		expect(parseHopeAnswers(instrument, form([1, 2, 3, 4, 5, 1, '']))).toMatchObject({
			ok: false,
			errors: { form: '1 statement of 7 has no answer yet: number 7.' }
		});
		expect(parseHopeAnswers(instrument, [])).toMatchObject({
			ok: false,
			errors: { form: '7 statements of 7 have no answer yet: numbers 1, 2, 3, 4, 5, 6 and 7.' }
		});
	});

	it('refuses values that are not whole numbers on the scale', () => {
		for (const bad of [
			'0',
			'6',
			'-1',
			'2.5',
			'3.0',
			'1e0',
			'abc',
			'0x3',
			'٣',
			'99999999999999999999'
		]) {
			const result = parseHopeAnswers(instrument, form([bad, 2, 3, 4, 5, 1, 2]));
			expect(result, bad).toEqual({
				ok: false,
				errors: { 'a-1': 'Choose one of the answers from 1 to 5.' }
			});
		}
	});

	it('refuses a file where a value should be', () => {
		const entries: [string, unknown][] = form([1, 2, 3, 4, 5, 1, 2]);
		entries[0] = ['item-a-1', new Blob(['3'])];
		expect(parseHopeAnswers(instrument, entries)).toMatchObject({
			ok: false,
			errors: { 'a-1': 'Choose one of the answers from 1 to 5.' }
		});
	});

	it('refuses unknown item ids and unlisted fields, naming them', () => {
		const result = parseHopeAnswers(instrument, [
			...form([1, 2, 3, 4, 5, 1, 2]),
			['item-c-1', '3'],
			['context', 'pre']
		]);
		expect(result).toEqual({
			ok: false,
			errors: {
				form: 'The form contained 2 fields this questionnaire does not have: "item-c-1", "context".'
			}
		});
	});

	it('ignores only the extra fields it is told about', () => {
		const entries: [string, string][] = [
			...form([1, 2, 3, 4, 5, 1, 2]),
			['context', 'pre'],
			['moduleSlug', 'instilling-hope']
		];
		expect(
			parseHopeAnswers(instrument, entries, { allowedExtraFields: ['context', 'moduleSlug'] })
		).toEqual({ ok: true, answers: answersOf([1, 2, 3, 4, 5, 1, 2]) });
	});

	it('refuses repeated fields, even with the same value', () => {
		expect(
			parseHopeAnswers(instrument, [...form([1, 2, 3, 4, 5, 1, 2]), ['item-b-1', '4']])
		).toEqual({
			ok: false,
			errors: { 'b-1': 'This statement was answered more than once; choose one answer.' }
		});
		expect(
			parseHopeAnswers(
				instrument,
				[...form([1, 2, 3, 4, 5, 1, 2]), ['context', 'pre'], ['context', 'post']],
				{ allowedExtraFields: ['context'] }
			)
		).toEqual({
			ok: false,
			errors: { form: 'These fields were sent more than once: "context".' }
		});
	});

	it('keeps messages short and objects clean whatever is posted', () => {
		const junk: [string, string][] = Array.from({ length: 500 }, (_, i) => [
			`x${'y'.repeat(100)}${i}`,
			'1'
		]);
		const result = parseHopeAnswers(instrument, [
			...form([1, 2, 3, 4, 5, 1, 2]),
			['item-__proto__', '1'],
			['item-constructor', '1'],
			...junk
		]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors)).toEqual(['form']);
		expect(result.errors.form).toMatch(/^The form contained 502 fields .* and 497 more\.$/);
		expect(result.errors.form!.length).toBeLessThan(400);
		expect(Object.getPrototypeOf(result.errors)).toBe(Object.prototype);
	});

	it('does not mistake inherited property names for answers', () => {
		const tricky: HopeInstrument = {
			...instrument,
			items: [...instrument.items, { id: 'constructor', subscale: 'a', reverse: false, text: '' }]
		};
		const result = parseHopeAnswers(tricky, form([1, 2, 3, 4, 5, 1, 2]));
		expect(result).toMatchObject({
			ok: false,
			errors: { constructor: 'Please choose an answer.' }
		});
	});
});
