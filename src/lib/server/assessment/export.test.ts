import { describe, expect, it } from 'vitest';
import { hopeHistoryCsv, hopeHistoryJson } from './export';
import type { HopeExportRow } from './results';

const row = (over: Partial<HopeExportRow>): HopeExportRow => ({
	id: 'r1',
	takenAt: new Date('2026-05-01T09:00:00Z'),
	context: 'standalone',
	moduleSlug: null,
	instrumentVersion: '1.0.0',
	scores: { subscales: [{ id: 'a', name: 'A', mean: 3.5 }], total: 3.5 },
	answers: { 'a-1': 3, 'a-2': 4 },
	...over
});

describe('hopeHistoryCsv', () => {
	it('writes a header row and one CRLF-terminated line per result', () => {
		expect(hopeHistoryCsv([row({})])).toBe(
			'id,taken_at,context,module,instrument_version,a_mean,overall_mean,answer_a-1,answer_a-2\r\n' +
				'r1,2026-05-01T09:00:00.000Z,standalone,,1.0.0,3.5,3.5,3,4\r\n'
		);
		expect(hopeHistoryCsv([])).toBe(
			'id,taken_at,context,module,instrument_version,overall_mean\r\n'
		);
	});

	it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
		const csv = hopeHistoryCsv([
			row({ id: 'x,"y"', moduleSlug: 'line\nbreak', context: 'before' }),
			row({ id: '=HYPERLINK("evil")' })
		]);
		const [, first, second] = csv.split('\r\n');
		expect(first).toMatch(/^"x,""y""",2026-05-01T09:00:00\.000Z,before,"line\nbreak",/);
		expect(second).toMatch(/^"'=HYPERLINK\(""evil""\)",/);
	});

	it('gives each subscale and item of any instrument version a column, blank where absent', () => {
		const csv = hopeHistoryCsv([
			row({}),
			row({
				id: 'r2',
				instrumentVersion: '2.0.0',
				scores: { subscales: [{ id: 'b', name: 'B', mean: 2 }], total: 2 },
				answers: { 'b-1': 2 }
			})
		]).split('\r\n');
		expect(csv[0]).toBe(
			'id,taken_at,context,module,instrument_version,a_mean,b_mean,overall_mean,answer_a-1,answer_a-2,answer_b-1'
		);
		expect(csv[2]).toBe('r2,2026-05-01T09:00:00.000Z,standalone,,2.0.0,,2,2,,,2');
	});
});

describe('hopeHistoryJson', () => {
	it('holds every result with its scores and raw answers', () => {
		const json = JSON.parse(hopeHistoryJson([row({})], new Date('2026-06-01T00:00:00Z')));
		expect(json).toEqual({
			exportedAt: '2026-06-01T00:00:00.000Z',
			results: [
				{
					id: 'r1',
					takenAt: '2026-05-01T09:00:00.000Z',
					context: 'standalone',
					module: null,
					instrumentVersion: '1.0.0',
					scores: { subscales: [{ id: 'a', name: 'A', mean: 3.5 }], overallMean: 3.5 },
					answers: { 'a-1': 3, 'a-2': 4 }
				}
			]
		});
	});
});
