import { parseHopeInstrument, type HopeInstrument } from '../assessment/instrument';
import { parseEvaluation, type CourseEvaluation } from './evaluation';
import { checkLink, type SiteMap } from './links';
import { loadModule, type ModuleFile, type ModuleInfo } from './load-module';
import type { ContentProblem } from './problems';

export type { LessonInfo, ModuleInfo, ModuleStats } from './load-module';
export type { CourseEvaluation, EvaluationItem, EvaluationScalePoint } from './evaluation';

export interface LoadedContent {
	/** Valid modules (front matter parsed), sorted by slug. Modules with other errors are included. */
	modules: ModuleInfo[];
	/** `<root>/evaluation.md`, when present and valid. */
	evaluation?: CourseEvaluation;
	/** `<root>/assessments/hope-capacity.md`, when present and valid. */
	hopeInstrument?: HopeInstrument;
	/** Every error and warning, sorted by file, line and column. */
	problems: ContentProblem[];
}

export const EVALUATION_FILE = 'evaluation.md';
export const HOPE_INSTRUMENT_FILE = 'assessments/hope-capacity.md';

/**
 * Validates a content folder and builds the catalog from it. Pure: `files` maps paths relative to
 * the project root (e.g. `content/x/index.md`) to their text; files outside `root` are ignored.
 * A missing evaluation.md or hope-capacity.md is not reported here (fixtures hold one module);
 * callers that need them check the returned fields.
 */
export function loadContent(files: Record<string, string>, root = 'content'): LoadedContent {
	const base = root.replace(/\\/g, '/').replace(/\/+$/, '');
	const problems: ContentProblem[] = [];
	const moduleFiles = new Map<string, ModuleFile[]>();
	let evaluation: CourseEvaluation | undefined;
	let hopeInstrument: { instrument: HopeInstrument; file: string; text: string } | undefined;

	const paths = Object.keys(files)
		.map((path) => ({ path, normalised: path.replace(/\\/g, '/') }))
		.filter(({ normalised }) => normalised.startsWith(`${base}/`))
		.sort((a, b) => compare(a.normalised, b.normalised));

	for (const { path, normalised } of paths) {
		const text = files[path]!;
		const relative = normalised.slice(base.length + 1);
		if (relative === EVALUATION_FILE) {
			const parsed = parseEvaluation(normalised, text);
			problems.push(...parsed.problems);
			evaluation = parsed.evaluation;
		} else if (relative === HOPE_INSTRUMENT_FILE) {
			const parsed = parseHopeInstrument(normalised, text);
			problems.push(...parsed.problems);
			if (parsed.instrument) hopeInstrument = { instrument: parsed.instrument, file: normalised, text };
		} else if (relative.startsWith('assessments/') || !relative.includes('/')) {
			if (relative.endsWith('.md')) {
				problems.push({
					file: normalised,
					line: 1,
					column: 1,
					severity: 'warning',
					message: 'this file is not used: content holds module folders, evaluation.md and assessments/hope-capacity.md'
				});
			}
		} else {
			const slash = relative.indexOf('/');
			const slug = relative.slice(0, slash);
			const list = moduleFiles.get(slug) ?? [];
			list.push({ name: relative.slice(slash + 1), path: normalised, text });
			moduleFiles.set(slug, list);
		}
	}

	const modules: ModuleInfo[] = [];
	const site = new Map<string, Set<string>>();
	const links: { file: string; url: string; line: number; column: number }[] = [];
	for (const [slug, list] of moduleFiles) {
		const loaded = loadModule(slug, list, base);
		problems.push(...loaded.problems);
		links.push(...loaded.links);
		site.set(slug, loaded.lessonSlugs);
		if (loaded.module) modules.push(loaded.module);
	}
	problems.push(...checkLinks(links, site));
	if (hopeInstrument) problems.push(...checkBandLessons(hopeInstrument, moduleFiles));

	modules.sort((a, b) => compare(a.slug, b.slug));
	problems.sort(
		(a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.message, b.message)
	);
	return {
		modules,
		...(evaluation ? { evaluation } : {}),
		...(hopeInstrument ? { hopeInstrument: hopeInstrument.instrument } : {}),
		problems
	};
}

function checkLinks(
	links: { file: string; url: string; line: number; column: number }[],
	site: SiteMap
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const link of links) {
		const finding = checkLink(link.url, site);
		if (finding) problems.push({ file: link.file, line: link.line, column: link.column, ...finding });
	}
	return problems;
}

/** Band `lesson: module/NN-slug` references must name a lesson file that exists. */
function checkBandLessons(
	source: { instrument: HopeInstrument; file: string; text: string },
	moduleFiles: Map<string, ModuleFile[]>
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const lines = source.text.split(/\r?\n/);
	const reported = new Set<string>();
	for (const band of source.instrument.subscales.flatMap((s) => s.bands)) {
		if (!band.lesson || reported.has(band.lesson)) continue;
		const [moduleSlug, stem] = band.lesson.split('/');
		const exists = moduleFiles.get(moduleSlug!)?.some((f) => f.name === `${stem}.md`);
		if (exists) continue;
		reported.add(band.lesson);
		const index = lines.findIndex((line) => /^\s*lesson:/.test(line) && line.includes(band.lesson!));
		problems.push({
			file: source.file,
			line: index + 1 || 1,
			column: index >= 0 ? lines[index]!.indexOf(band.lesson) + 1 : 1,
			severity: 'error',
			message: `band lesson "${band.lesson}" names no lesson: there is no ${moduleSlug}/${stem}.md`
		});
	}
	return problems;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
