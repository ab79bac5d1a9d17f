import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import type { ContentProblem } from '../content/problems';

/** One point of the response scale shared by every item. */
export interface HopeScalePoint {
	value: number;
	label: string;
}

/** A reflective interpretation for subscale means in `[min, max]` (bounds have two decimals). */
export interface HopeBand {
	min: number;
	max: number;
	label: string;
	text: string;
	suggestion: string;
	/** `module-slug/NN-lesson-slug`; only its shape is checked here. */
	lesson?: string;
}

export interface HopeSubscale {
	id: string;
	name: string;
	description: string;
	/** Sorted from lowest to highest; together they cover the whole scale. */
	bands: HopeBand[];
}

export interface HopeItem {
	id: string;
	subscale: string;
	reverse: boolean;
	text: string;
}

/** The self-assessment as parsed from `content/assessments/hope-capacity.md`. */
export interface HopeInstrument {
	title: string;
	version: string;
	/** Consecutive integers in ascending order, at least two points. */
	scale: HopeScalePoint[];
	subscales: HopeSubscale[];
	/** In file order, which is the order shown to the learner. */
	items: HopeItem[];
	/** The markdown body, unrendered. */
	introMarkdown: string;
}

export const HOPE_ITEMS_MIN = 16;
export const HOPE_ITEMS_MAX = 20;
const ITEMS_PER_SUBSCALE_MIN = 3;
/** Subscale means are rounded to two decimals, so adjacent bands may leave exactly this step. */
const BAND_STEP = 0.01;
const EPSILON = 1e-9;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LESSON_REF = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER =
	/^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The lowest and highest value of the instrument's response scale. */
export function hopeScaleRange(instrument: Pick<HopeInstrument, 'scale'>) {
	return {
		min: instrument.scale[0]!.value,
		max: instrument.scale[instrument.scale.length - 1]!.value
	};
}

function required(what: string) {
	return (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : what);
}

function prose() {
	return z
		.string({ error: required('must be text') })
		.trim()
		.min(1, 'must not be empty');
}

function slug(example: string) {
	return z
		.string({ error: required('must be text') })
		.regex(SLUG, `must be lowercase letters, digits and hyphens, e.g. ${example}`);
}

const bandBound = z
	.number({ error: required('must be a number') })
	.refine(
		(n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6,
		'must have at most two decimals, because subscale means are rounded to two decimals'
	);

const bandSchema = z.strictObject({
	min: bandBound,
	max: bandBound,
	label: prose(),
	text: prose(),
	suggestion: prose(),
	lesson: z
		.string({ error: 'must be text like instilling-hope/04-your-own-hope' })
		.regex(
			LESSON_REF,
			'must look like module-slug/NN-lesson-slug, e.g. instilling-hope/04-your-own-hope'
		)
		.optional()
});

const frontMatterSchema = z.strictObject(
	{
		title: prose(),
		version: z
			.string({ error: required('must be a semantic version, e.g. 1.0.0') })
			.regex(SEMVER, 'must be a semantic version, e.g. 1.0.0'),
		scale: z
			.array(
				z.strictObject(
					{
						value: z.int({ error: required('must be a whole number') }),
						label: prose()
					},
					{ error: required('must be a mapping like { value: 1, label: Strongly disagree }') }
				),
				{ error: required('must be a list of { value, label } points') }
			)
			.min(2, 'must have at least two points'),
		subscales: z
			.array(
				z.strictObject(
					{
						id: slug('agency'),
						name: prose(),
						description: prose(),
						bands: z
							.array(bandSchema, { error: required('must be a list of bands') })
							.min(1, 'must have at least one band')
					},
					{ error: required('must be a mapping with id, name, description and bands') }
				),
				{ error: required('must be a list of subscales') }
			)
			.min(1, 'must have at least one subscale'),
		items: z.array(
			z.strictObject(
				{
					id: slug('agency-1'),
					subscale: z.string({ error: required('must be text') }),
					reverse: z.boolean({ error: required('must be true or false') }),
					text: prose()
				},
				{ error: required('must be a mapping with id, subscale, reverse and text') }
			),
			{ error: required('must be a list of items') }
		)
	},
	{ error: 'must be a YAML mapping (key: value lines)' }
);

type FrontMatter = z.output<typeof frontMatterSchema>;
type Path = readonly PropertyKey[];

/** A rule broken by otherwise well-typed front matter; `key` points at the key rather than its value. */
interface StructureProblem {
	path: Path;
	key?: boolean;
	message: string;
}

/**
 * Parses and validates the hope-capacity self-assessment. Every problem carries the line and column
 * of the offending YAML node in `file`; the instrument is returned only when there are no errors.
 */
export function parseHopeInstrument(
	file: string,
	text: string
): { instrument?: HopeInstrument; problems: ContentProblem[] } {
	const problem = (line: number, column: number, message: string): ContentProblem => ({
		file,
		line,
		column,
		severity: 'error',
		message
	});

	const split = splitFrontMatter(text);
	if ('error' in split) return { problems: [problem(split.line, 1, split.error)] };

	const lineCounter = new LineCounter();
	const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const at = (offset: number) => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: line + split.yamlStartLine - 1, column: col };
	};

	const yamlProblems: ContentProblem[] = [
		...doc.errors.map((e) => ({ ...e, severity: 'error' as const })),
		...doc.warnings.map((e) => ({ ...e, severity: 'warning' as const }))
	].map((e) => {
		const { line, column } = at(e.pos[0]);
		return { file, line, column, severity: e.severity, message: `YAML: ${firstLine(e.message)}` };
	});
	if (yamlProblems.some((p) => p.severity === 'error')) return { problems: yamlProblems };

	const locate = (path: Path, key = false) => at(nodeOffset(doc.contents, path, key));
	const problems = [...yamlProblems];

	let raw: unknown;
	try {
		raw = doc.toJS();
	} catch (e) {
		const { line, column } = locate([]);
		return { problems: [...problems, problem(line, column, `YAML: ${(e as Error).message}`)] };
	}

	const parsed = frontMatterSchema.safeParse(raw);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) {
					const { line, column } = locate([...issue.path, key], true);
					const allowed = allowedKeys(issue.path);
					problems.push(
						problem(
							line,
							column,
							`${describePath(issue.path)} has an unknown field "${key}"` +
								(allowed ? ` (allowed: ${allowed})` : '')
						)
					);
				}
				continue;
			}
			const { line, column } = locate(issue.path);
			problems.push(problem(line, column, `${describePath(issue.path)} ${issue.message}`));
		}
		return { problems };
	}

	for (const p of structureProblems(parsed.data)) {
		const { line, column } = locate(p.path, p.key);
		problems.push(problem(line, column, p.message));
	}
	if (split.body.trim() === '') {
		problems.push({
			...problem(split.bodyLine, 1, 'the introduction (markdown after the front matter) is empty'),
			severity: 'warning'
		});
	}
	if (problems.some((p) => p.severity === 'error')) return { problems };

	const data = parsed.data;
	return {
		instrument: {
			...data,
			subscales: data.subscales.map((s) => ({
				...s,
				bands: [...s.bands].sort((a, b) => a.min - b.min)
			})),
			introMarkdown: split.body
		},
		problems
	};
}

type Split =
	| { yaml: string; yamlStartLine: number; body: string; bodyLine: number }
	| { error: string; line: number };

function splitFrontMatter(source: string): Split {
	const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines[0]?.trimEnd() !== '---') {
		return {
			error: 'the file must start with a `---` line opening the YAML front matter',
			line: 1
		};
	}
	const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
	if (close === -1) {
		return { error: 'the YAML front matter opened on line 1 is never closed with `---`', line: 1 };
	}
	return {
		yaml: lines.slice(1, close).join('\n'),
		yamlStartLine: 2,
		body: lines.slice(close + 1).join('\n'),
		bodyLine: close + 2
	};
}

function structureProblems(data: FrontMatter): StructureProblem[] {
	const problems: StructureProblem[] = [];
	const { min: scaleMin, max: scaleMax } = hopeScaleRange(data);

	data.scale.forEach((point, i) => {
		if (i > 0 && point.value !== data.scale[i - 1]!.value + 1) {
			problems.push({
				path: ['scale', i, 'value'],
				message: `scale values must go up by 1 from ${scaleMin}: expected ${scaleMin + i}, found ${point.value}`
			});
		}
	});

	const subscaleIndex = new Map<string, number>();
	data.subscales.forEach((subscale, i) => {
		if (subscaleIndex.has(subscale.id)) {
			problems.push({
				path: ['subscales', i, 'id'],
				message: `subscale id "${subscale.id}" is used twice (first at subscales[${subscaleIndex.get(subscale.id)}])`
			});
		} else {
			subscaleIndex.set(subscale.id, i);
		}
		problems.push(...bandProblems(subscale, i, scaleMin, scaleMax));
	});

	const itemIndex = new Map<string, number>();
	data.items.forEach((item, i) => {
		if (itemIndex.has(item.id)) {
			problems.push({
				path: ['items', i, 'id'],
				message: `item id "${item.id}" is used twice (first at items[${itemIndex.get(item.id)}])`
			});
		} else {
			itemIndex.set(item.id, i);
		}
		if (!subscaleIndex.has(item.subscale)) {
			problems.push({
				path: ['items', i, 'subscale'],
				message: `items[${i}] belongs to an unknown subscale "${item.subscale}" (known: ${[...subscaleIndex.keys()].join(', ')})`
			});
		}
	});

	const count = data.items.length;
	if (count < HOPE_ITEMS_MIN || count > HOPE_ITEMS_MAX) {
		problems.push({
			path: ['items'],
			key: true,
			message: `the instrument must have ${HOPE_ITEMS_MIN}–${HOPE_ITEMS_MAX} items, found ${count}`
		});
	}

	data.subscales.forEach((subscale, i) => {
		if (subscaleIndex.get(subscale.id) !== i) return;
		const own = data.items.filter((item) => item.subscale === subscale.id);
		if (own.length < ITEMS_PER_SUBSCALE_MIN) {
			problems.push({
				path: ['subscales', i, 'id'],
				message: `subscale "${subscale.id}" needs at least ${ITEMS_PER_SUBSCALE_MIN} items, found ${own.length}`
			});
		}
		if (!own.some((item) => item.reverse)) {
			problems.push({
				path: ['subscales', i, 'id'],
				message: `subscale "${subscale.id}" needs at least one reverse-scored item (reverse: true)`
			});
		}
	});
	return problems;
}

/** Bands must tile [scaleMin, scaleMax]; neighbours may be one rounding step (0.01) apart. */
function bandProblems(
	subscale: FrontMatter['subscales'][number],
	subscaleAt: number,
	scaleMin: number,
	scaleMax: number
): StructureProblem[] {
	const problems: StructureProblem[] = [];
	const path = (i: number, bound: 'min' | 'max') => ['subscales', subscaleAt, 'bands', i, bound];
	const where = `subscale "${subscale.id}"`;
	const bands = subscale.bands.map((band, i) => ({ ...band, at: i }));

	for (const band of bands) {
		if (band.min > band.max + EPSILON) {
			problems.push({
				path: path(band.at, 'min'),
				message: `${where}: band "${band.label}" has min ${band.min} above its max ${band.max}`
			});
		}
	}
	if (problems.length > 0) return problems;

	const sorted = [...bands].sort((a, b) => a.min - b.min);
	const first = sorted[0]!;
	const last = sorted[sorted.length - 1]!;
	if (Math.abs(first.min - scaleMin) > EPSILON) {
		problems.push({
			path: path(first.at, 'min'),
			message: `${where}: the lowest band must start at the scale minimum ${scaleMin}, not ${first.min}`
		});
	}
	if (Math.abs(last.max - scaleMax) > EPSILON) {
		problems.push({
			path: path(last.at, 'max'),
			message: `${where}: the highest band must end at the scale maximum ${scaleMax}, not ${last.max}`
		});
	}
	for (let i = 1; i < sorted.length; i++) {
		const previous = sorted[i - 1]!;
		const band = sorted[i]!;
		const step = band.min - previous.max;
		if (step < EPSILON) {
			problems.push({
				path: path(band.at, 'min'),
				message: `${where}: band "${band.label}" (${band.min}–${band.max}) overlaps band "${previous.label}" (${previous.min}–${previous.max})`
			});
		} else if (step > BAND_STEP + EPSILON) {
			const next = (previous.max + BAND_STEP).toFixed(2);
			problems.push({
				path: path(band.at, 'min'),
				message: `${where}: means between ${previous.max} and ${band.min} fall in no band; start band "${band.label}" at ${next}`
			});
		}
	}
	return problems;
}

/** Source offset of the node at `path`, or of the deepest existing node on the way there. */
function nodeOffset(root: Node | null, path: Path, key: boolean): number {
	let node: Node | null = root;
	for (let i = 0; i < path.length; i++) {
		const segment = path[i];
		let next: Node | null = null;
		if (isMap(node)) {
			const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
			if (pair) {
				const wantKey = key && i === path.length - 1;
				next = ((wantKey ? pair.key : pair.value) ?? pair.key) as Node | null;
			}
		} else if (isSeq(node) && typeof segment === 'number') {
			next = (node.items[segment] as Node | undefined) ?? null;
		}
		if (!next?.range) break;
		node = next;
	}
	return node?.range?.[0] ?? 0;
}

function allowedKeys(path: Path): string | undefined {
	const names = path.filter((s): s is string => typeof s === 'string');
	const shapes: Record<string, string> = {
		'': 'title, version, scale, subscales, items',
		scale: 'value, label',
		subscales: 'id, name, description, bands',
		'subscales.bands': 'min, max, label, text, suggestion, lesson',
		items: 'id, subscale, reverse, text'
	};
	return shapes[names.join('.')];
}

function describePath(path: Path): string {
	if (path.length === 0) return 'the front matter';
	return path
		.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`))
		.join('');
}

function firstLine(message: string): string {
	return message.split('\n')[0]!;
}
