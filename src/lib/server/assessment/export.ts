import type { HopeExportRow } from './results';

/**
 * The learner's own history as CSV (RFC 4180: header row, CRLF, fields quoted when they hold a
 * comma, quote or line break). Columns: the result, a mean per subscale, then each raw answer;
 * subscales and items in order of first appearance, so results of other instrument versions fit.
 */
export function hopeHistoryCsv(rows: readonly HopeExportRow[]): string {
	const subscales = firstSeen(rows.flatMap((r) => r.scores.subscales.map((s) => s.id)));
	const items = firstSeen(rows.flatMap((r) => Object.keys(r.answers)));
	const header = [
		'id',
		'taken_at',
		'context',
		'module',
		'instrument_version',
		...subscales.map((id) => `${id}_mean`),
		'overall_mean',
		...items.map((id) => `answer_${id}`)
	];
	const lines = rows.map((row) => {
		const means = new Map(row.scores.subscales.map((s) => [s.id, s.mean]));
		return [
			row.id,
			row.takenAt.toISOString(),
			row.context,
			row.moduleSlug ?? '',
			row.instrumentVersion,
			...subscales.map((id) => means.get(id) ?? ''),
			row.scores.total,
			...items.map((id) => row.answers[id] ?? '')
		];
	});
	return [header, ...lines].map((cells) => cells.map(csvCell).join(',') + '\r\n').join('');
}

/** The learner's own history as JSON: every result with its scores and raw answers. */
export function hopeHistoryJson(rows: readonly HopeExportRow[], exportedAt: Date): string {
	const results = rows.map((row) => ({
		id: row.id,
		takenAt: row.takenAt.toISOString(),
		context: row.context,
		module: row.moduleSlug,
		instrumentVersion: row.instrumentVersion,
		scores: {
			subscales: row.scores.subscales.map(({ id, name, mean }) => ({ id, name, mean })),
			overallMean: row.scores.total
		},
		answers: row.answers
	}));
	return JSON.stringify({ exportedAt: exportedAt.toISOString(), results }, null, 2) + '\n';
}

function firstSeen(values: string[]): string[] {
	return [...new Set(values)];
}

/** Quotes where needed; text that a spreadsheet would run as a formula is defused with a `'`. */
function csvCell(value: string | number): string {
	if (typeof value === 'number') return String(value);
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
