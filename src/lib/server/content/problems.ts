/** One finding of the content check, printed as `file:line:col: message`. */
export interface ContentProblem {
	/** Path relative to the project root, with forward slashes, e.g. `content/common-factors/index.md`. */
	file: string;
	/** 1-based. */
	line: number;
	/** 1-based. */
	column: number;
	severity: 'error' | 'warning';
	message: string;
}

export function formatProblem(p: ContentProblem): string {
	return `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
