import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './problems';

export interface SourcePosition {
	line: number;
	column: number;
}

/** A markdown file split into its YAML front matter and body, with a way back to line:col. */
export interface FrontMatter {
	/** The parsed YAML (plain JS), or undefined when the file has none or it does not parse. */
	data: unknown;
	hasFrontMatter: boolean;
	/** The body after the closing `---`, line endings normalised to `\n`. */
	body: string;
	/** 1-based line of the body's first line in the file. */
	bodyStartLine: number;
	/** YAML syntax errors and an unclosed `---`. */
	problems: ContentProblem[];
	/**
	 * Where a value (or with `target: 'key'`, its key) sits in the file. A path that does not
	 * exist resolves to the nearest existing ancestor, so "missing field" points at its parent.
	 */
	locate(path: readonly PropertyKey[], target?: 'key' | 'value'): SourcePosition;
}

const OPENING = /^\uFEFF?---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits `---` YAML front matter off a markdown file and parses it with the `yaml` package. */
export function splitFrontMatter(file: string, text: string): FrontMatter {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const problems: ContentProblem[] = [];
	const start = { line: 1, column: 1 };
	const noFrontMatter = (): FrontMatter => ({
		data: undefined,
		hasFrontMatter: false,
		body: lines.join('\n'),
		bodyStartLine: 1,
		problems,
		locate: () => start
	});

	if (!OPENING.test(lines[0] ?? '')) return noFrontMatter();
	const closingIndex = lines.findIndex((line, index) => index > 0 && CLOSING.test(line));
	if (closingIndex < 0) {
		problems.push({
			file,
			...start,
			severity: 'error',
			message: 'front matter is not closed: add a line containing only "---" after it'
		});
		return noFrontMatter();
	}

	const yamlText = lines.slice(1, closingIndex).join('\n');
	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
	// The YAML starts on the file's second line; columns are unchanged.
	const toFile = (offset: number): SourcePosition => {
		const pos = lineCounter.linePos(offset);
		return { line: pos.line + 1, column: pos.col };
	};
	for (const error of doc.errors) {
		problems.push({
			file,
			...toFile(error.pos[0]),
			severity: 'error',
			message:
				error.code === 'DUPLICATE_KEY'
					? `field "${keyAt(yamlText, error.pos[0])}" appears twice`
					: `YAML: ${firstLine(error.message)}`
		});
	}

	return {
		data: doc.errors.length > 0 ? undefined : (doc.toJS() ?? {}),
		hasFrontMatter: true,
		body: lines.slice(closingIndex + 1).join('\n'),
		bodyStartLine: closingIndex + 2,
		problems,
		locate: (path, target = 'value') => {
			const offset = nodeOffset(doc, path, target);
			return offset === undefined ? { line: 2, column: 1 } : toFile(offset);
		}
	};
}

function keyAt(yamlText: string, offset: number): string {
	return (/^[^:\n]*/.exec(yamlText.slice(offset))?.[0] ?? '').trim().replace(/^["']|["']$/g, '');
}

function firstLine(message: string): string {
	return message.split('\n')[0]!.trim();
}

function nodeOffset(
	doc: Document,
	path: readonly PropertyKey[],
	target: 'key' | 'value'
): number | undefined {
	let node: unknown = doc.contents;
	let offset = rangeStart(node);
	for (const [index, segment] of path.entries()) {
		const last = index === path.length - 1;
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)
			);
			if (!pair) return offset;
			const keyOffset = rangeStart(pair.key);
			if (last && target === 'key') return keyOffset ?? offset;
			node = pair.value;
			offset = rangeStart(node) ?? keyOffset ?? offset;
		} else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
			node = node.items[segment];
			offset = rangeStart(node) ?? offset;
		} else {
			return offset;
		}
	}
	return offset;
}

function rangeStart(node: unknown): number | undefined {
	const range = (node as { range?: [number, number, number] } | null)?.range;
	return range ? range[0] : undefined;
}

/** Result of checking front matter against a zod schema; `data` is set only when it is valid. */
export interface ValidatedFrontMatter<T> {
	data?: T;
	problems: ContentProblem[];
}

/**
 * Validates parsed front matter with a zod schema and turns every issue into a problem at the
 * line and column of the offending value (or key, for unknown fields).
 */
export function validateFrontMatter<S extends z.ZodType>(
	file: string,
	frontMatter: FrontMatter,
	schema: S
): ValidatedFrontMatter<z.output<S>> {
	if (frontMatter.problems.length > 0) return { problems: [] };
	if (!frontMatter.hasFrontMatter) {
		return {
			problems: [
				{
					file,
					line: 1,
					column: 1,
					severity: 'error',
					message: 'missing front matter: the file must start with a "---" line'
				}
			]
		};
	}
	const result = schema.safeParse(frontMatter.data, { error: describeIssue });
	if (result.success) return { data: result.data, problems: [] };

	const problems: ContentProblem[] = [];
	for (const issue of result.error.issues) {
		const label = fieldLabel(issue.path);
		if (issue.code === 'unrecognized_keys') {
			const allowed = allowedKeys(schema, issue.path);
			for (const key of issue.keys) {
				const where = issue.path.length > 0 ? ` in ${label}` : '';
				const suggestion = suggest(key, allowed);
				problems.push({
					file,
					...frontMatter.locate([...issue.path, key], 'key'),
					severity: 'error',
					message: `unknown field "${key}"${where}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`
				});
			}
			continue;
		}
		const value = valueAt(frontMatter.data, issue.path);
		const missing = value === undefined || (value === null && issue.code === 'invalid_type');
		problems.push({
			file,
			...frontMatter.locate(issue.path, 'value'),
			severity: 'error',
			message: missing
				? `missing required field "${label}"`
				: `"${label}" ${issue.message}${gotSuffix(issue.code, value)}`
		});
	}
	problems.sort((a, b) => a.line - b.line || a.column - b.column);
	return { problems };
}

const TYPE_WORDS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a set of fields'
};

/** Default wording for zod issues (schemas override it with their own messages where it helps). */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
		case 'too_small':
			if (issue.origin === 'array') return `must list at least ${issue.minimum} item(s)`;
			if (issue.origin === 'string') return 'must not be empty';
			return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`;
		case 'too_big':
			if (issue.origin === 'array') return `must list at most ${issue.maximum} item(s)`;
			return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
		case 'invalid_value':
			return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
		case 'invalid_format':
			return 'has the wrong format';
		default:
			return undefined;
	}
}

function gotSuffix(code: string, value: unknown): string {
	if (code === 'too_small' || code === 'too_big') {
		return typeof value === 'number' ? ` (got ${value})` : '';
	}
	if (value === null) return ' (got nothing)';
	if (typeof value === 'object') return '';
	return ` (got ${JSON.stringify(value)})`;
}

function fieldLabel(path: readonly PropertyKey[]): string {
	let label = '';
	for (const segment of path) {
		label += typeof segment === 'number' ? `[${segment}]` : `${label ? '.' : ''}${String(segment)}`;
	}
	return label;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[segment];
	}
	return value;
}

/** The keys a (strict) object schema allows at `path`, for "did you mean" hints. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
	let current: unknown = schema;
	for (const segment of path) {
		current = unwrap(current);
		const def = (current as { def?: { type?: string; shape?: object; element?: unknown } }).def;
		if (def?.type === 'object' && def.shape) {
			current = (def.shape as Record<string, unknown>)[String(segment)];
		} else if (def?.type === 'array') {
			current = def.element;
		} else {
			return [];
		}
	}
	const def = (unwrap(current) as { def?: { type?: string; shape?: object } } | undefined)?.def;
	return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: unknown): unknown {
	let current = schema as { def?: { type?: string; innerType?: unknown } } | undefined;
	while (current?.def && ['optional', 'default', 'nullable'].includes(current.def.type ?? '')) {
		current = current.def.innerType as typeof current;
	}
	return current;
}

function suggest(key: string, allowed: string[]): string | undefined {
	const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
	const exact = allowed.find((candidate) => normalise(candidate) === normalise(key));
	if (exact) return exact;
	let best: string | undefined;
	let bestDistance = 3;
	for (const candidate of allowed) {
		const distance = editDistance(key.toLowerCase(), candidate);
		if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				previous[j]! + 1,
				current[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		}
		previous = current;
	}
	return previous[b.length]!;
}
