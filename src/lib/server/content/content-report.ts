import type { ModuleInfo } from './load-module';
import { formatProblem, type ContentProblem } from './problems';

/** The content check's verdict: errors fail; warnings fail only in strict mode. */
export function contentCheckFailed(problems: ContentProblem[], strict = false): boolean {
	return problems.some((p) => p.severity === 'error' || strict);
}

/** The per-module summary table the content check prints after its problems. */
export function formatModuleSummary(modules: ModuleInfo[]): string {
	const header = ['module', 'version', 'lessons', 'words', 'est. minutes', 'questions', 'CE hours'];
	const rows = modules.map((m) => [
		m.slug,
		m.version,
		String(m.stats.lessons),
		String(m.stats.words),
		String(m.stats.estimatedMinutes),
		String(m.stats.questions),
		String(m.stats.hoursClaimed)
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column]!.length))
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The whole report: one `file:line:col: message` per problem, then the summary and a tally. */
export function formatContentReport(modules: ModuleInfo[], problems: ContentProblem[]): string {
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	const parts = problems.map(formatProblem);
	if (parts.length > 0) parts.push('');
	parts.push(modules.length > 0 ? formatModuleSummary(modules) : 'no valid modules');
	parts.push('', `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
	return parts.join('\n');
}
