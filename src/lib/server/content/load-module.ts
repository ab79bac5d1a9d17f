import { createHash } from 'node:crypto';
import type { QuestionBank } from '../quiz/bank';
import { splitFrontMatter, validateFrontMatter, type FrontMatter } from './front-matter';
import type { OutlineEntry } from './lesson-outline';
import { analyseLessonText, type LessonText, type ReflectionActivity } from './lesson-text';
import {
	lessonFrontMatterSchema,
	moduleFrontMatterSchema,
	SLUG_PATTERN,
	type ModuleAuthor,
	type ModuleFrontMatter,
	type ModuleReference
} from './module-schema';
import { parsePostTest, type ParsedPostTest } from './post-test';
import type { ContentProblem } from './problems';

/** Reading speed used to turn lesson words into minutes. */
export const WORDS_PER_MINUTE = 200;
/** How far `ce_hours` may exceed the measured time before the check warns. */
export const TIME_TOLERANCE = 0.1;
/** APA's guidance: at least this many post-test questions per CE hour. */
export const QUESTIONS_PER_CE_HOUR = 6;

export interface LessonInfo {
	/** URL segment: the file stem without its number, e.g. `what-the-alliance-is`. */
	slug: string;
	number: number;
	/** Path relative to the project root, e.g. `content/therapeutic-alliance/01-what-the-alliance-is.md`. */
	file: string;
	title: string;
	/** Minutes declared in the lesson's front matter. */
	minutes: number;
	/** Prose words, as counted for the reading-time check. */
	words: number;
	/** The lesson's Reflection activities: which reflection ids a form may save. */
	reflections: Omit<ReflectionActivity, 'column'>[];
	/** Its h2/h3 headings, for the table of contents. */
	outline: OutlineEntry[];
}

export interface ModuleStats {
	lessons: number;
	words: number;
	/** words / 200 + Reflection minutes, rounded. */
	estimatedMinutes: number;
	questions: number;
	hoursClaimed: number;
}

/** A validated module as the rest of the server sees it. Holds the answer key: server-only. */
export interface ModuleInfo {
	slug: string;
	title: string;
	summary: string;
	version: string;
	ceHours: number;
	objectives: string[];
	authors: ModuleAuthor[];
	disclosures: string;
	passMark: number;
	/** 0 = unlimited. */
	maxAttempts: number;
	/** Resolved: the front matter's value, or the bank size when it has none. */
	questionsPerAttempt: number;
	draft: boolean;
	references: ModuleReference[];
	/** Resolved: the front matter's value, or the sum of the lessons' minutes. */
	minSeatMinutes: number;
	lessons: LessonInfo[];
	bank: QuestionBank | null;
	/** Hex SHA-256 over the module's files (paths relative to the content root, and contents). */
	contentHash: string;
	stats: ModuleStats;
}

/** A file of the module: `name` is relative to the module folder, `path` to the project root. */
export interface ModuleFile {
	name: string;
	path: string;
	text: string;
}

export interface LoadedModule {
	/** Undefined when index.md is missing or its front matter is invalid. */
	module?: ModuleInfo;
	/** Lesson slugs by file name, known even when the module itself is invalid (for links). */
	lessonSlugs: Set<string>;
	links: { file: string; url: string; line: number; column: number }[];
	problems: ContentProblem[];
}

const LESSON_FILE = /^(\d+)-(.*)\.md$/;

interface LessonSource {
	file: ModuleFile;
	number: number;
	numberText: string;
	slug: string;
}

/**
 * Validates one `content/<slug>/` folder: index front matter, lesson numbering and slugs, lesson
 * components, Cite keys, Reflection ids, the post-test, bank size and the time claimed.
 * Links are returned, not checked: that needs the whole site.
 */
export function loadModule(slug: string, files: ModuleFile[], contentRoot: string): LoadedModule {
	const problems: ContentProblem[] = [];
	const at = (file: string, message: string, severity: ContentProblem['severity'] = 'error') =>
		problems.push({ file, line: 1, column: 1, severity, message });
	const links: LoadedModule['links'] = [];
	const indexPath = `${contentRoot}/${slug}/index.md`;
	const byName = new Map(files.map((f) => [f.name, f]));

	if (!SLUG_PATTERN.test(slug)) {
		at(files[0]!.path, `module folder "${slug}" must be lowercase words joined by hyphens`);
	}

	const lessons = findLessons(files, at);
	const lessonSlugs = new Set(lessons.map((l) => l.slug));

	const index = byName.get('index.md');
	if (!index) {
		at(files[0]!.path, `module "${slug}" has no index.md`);
	}
	const indexFrontMatter = index ? splitFrontMatter(index.path, index.text) : undefined;
	const validated =
		index && indexFrontMatter
			? validateFrontMatter(index.path, indexFrontMatter, moduleFrontMatterSchema)
			: undefined;
	if (indexFrontMatter) problems.push(...indexFrontMatter.problems);
	if (validated) problems.push(...validated.problems);
	const meta = validated?.data;
	const referenceKeys = knownReferenceKeys(meta, indexFrontMatter);

	const texts: { file: string; text: LessonText }[] = [];
	if (index) texts.push({ file: index.path, text: analyseLessonText(index.path, index.text) });

	const lessonInfos: LessonInfo[] = [];
	for (const lesson of lessons) {
		const frontMatter = splitFrontMatter(lesson.file.path, lesson.file.text);
		const lessonMeta = validateFrontMatter(lesson.file.path, frontMatter, lessonFrontMatterSchema);
		problems.push(...frontMatter.problems, ...lessonMeta.problems);
		const text = analyseLessonText(lesson.file.path, lesson.file.text);
		texts.push({ file: lesson.file.path, text });
		if (lessonMeta.data) {
			lessonInfos.push({
				slug: lesson.slug,
				number: lesson.number,
				file: lesson.file.path,
				title: lessonMeta.data.title,
				minutes: lessonMeta.data.minutes,
				words: text.words,
				reflections: text.reflections.map(({ id, minutes, prompt, line }) => ({
					id,
					minutes,
					prompt,
					line
				})),
				outline: text.outline
			});
		}
	}
	if (lessons.length === 0) {
		at(index?.path ?? files[0]!.path, 'module has no lessons: add 01-<lesson>.md');
	}

	const reflectionIds = new Map<string, string>();
	for (const { file, text } of texts) {
		problems.push(...text.problems);
		links.push(...text.links.map((link) => ({ file, ...link })));
		for (const citation of text.citations) {
			if (referenceKeys && !referenceKeys.has(citation.key)) {
				const attribute = citation.component === 'Cite' ? 'key' : 'cite';
				problems.push({
					file,
					line: citation.line,
					column: citation.column,
					severity: 'error',
					message: `<${citation.component} ${attribute}="${citation.key}">: no reference with key "${citation.key}" in index.md`
				});
			}
		}
		for (const reflection of text.reflections) {
			const where = `${file}:${reflection.line}`;
			const first = reflectionIds.get(reflection.id);
			if (first) {
				problems.push({
					file,
					line: reflection.line,
					column: reflection.column,
					severity: 'error',
					message: `Reflection id "${reflection.id}" is already used at ${first}`
				});
			} else {
				reflectionIds.set(reflection.id, where);
			}
		}
	}

	const postTestFile = byName.get('post-test.md');
	const postTest = postTestFile
		? parsePostTest(postTestFile.path, postTestFile.text, {
				objectiveCount: meta?.objectives.length
			})
		: undefined;
	if (postTest && postTestFile) {
		problems.push(...postTest.problems);
		links.push(...postTest.links.map((link) => ({ file: postTestFile.path, ...link })));
	} else if (index && !meta?.draft) {
		at(index.path, 'module has no post-test.md (only a draft may go without one)');
	}

	if (!meta || !indexFrontMatter) return { lessonSlugs, links, problems };

	const words = lessonInfos.reduce((sum, l) => sum + l.words, 0);
	const activityMinutes = lessonInfos
		.flatMap((l) => l.reflections)
		.reduce((sum, r) => sum + r.minutes, 0);
	const measuredMinutes = words / WORDS_PER_MINUTE + activityMinutes;
	const lessonsComplete = lessonInfos.length === lessons.length && lessons.length > 0;
	if (lessonsComplete) {
		checkTimeClaim(indexPath, indexFrontMatter, meta, words, activityMinutes, problems);
	}
	const bankUsable = postTest?.bank && !postTest.problems.some((p) => p.severity === 'error');
	if (bankUsable && postTestFile) {
		checkBankSize(postTestFile.path, indexPath, indexFrontMatter, meta, postTest, problems);
	}

	const bank = postTest?.bank ?? null;
	const module: ModuleInfo = {
		slug,
		title: meta.title,
		summary: meta.summary,
		version: meta.version,
		ceHours: meta.ce_hours,
		objectives: meta.objectives,
		authors: meta.authors,
		disclosures: meta.disclosures,
		passMark: meta.pass_mark,
		maxAttempts: meta.max_attempts,
		questionsPerAttempt: meta.questions_per_attempt ?? bank?.questions.length ?? 0,
		draft: meta.draft,
		references: meta.references,
		minSeatMinutes: meta.min_seat_minutes ?? lessonInfos.reduce((sum, l) => sum + l.minutes, 0),
		lessons: lessonInfos,
		bank,
		contentHash: hashModule(files, contentRoot),
		stats: {
			lessons: lessonInfos.length,
			words,
			estimatedMinutes: Math.round(measuredMinutes),
			questions: postTest?.questionCount ?? 0,
			hoursClaimed: meta.ce_hours
		}
	};
	return { module, lessonSlugs, links, problems };
}

/** Lesson files in number order, with numbering, naming and duplicate-slug problems reported. */
function findLessons(
	files: ModuleFile[],
	at: (file: string, message: string, severity?: ContentProblem['severity']) => void
): LessonSource[] {
	const lessons: LessonSource[] = [];
	for (const file of files) {
		if (!file.name.endsWith('.md')) continue;
		if (file.name.includes('/')) {
			at(file.path, 'this file is not used: lessons sit directly in the module folder', 'warning');
			continue;
		}
		if (file.name === 'index.md' || file.name === 'post-test.md') continue;
		const match = LESSON_FILE.exec(file.name);
		if (!match || match[1]!.length !== 2 || !SLUG_PATTERN.test(match[2]!)) {
			at(
				file.path,
				`"${file.name}" is not a lesson file name: use two digits, a hyphen and a lowercase-hyphenated slug, e.g. 01-what-the-alliance-is.md`
			);
			continue;
		}
		lessons.push({ file, number: Number(match[1]), numberText: match[1]!, slug: match[2]! });
	}
	lessons.sort((a, b) => a.number - b.number || a.file.name.localeCompare(b.file.name));

	let expected = 1;
	const slugs = new Map<string, string>();
	for (const [position, lesson] of lessons.entries()) {
		const previous = lessons[position - 1];
		if (previous && previous.number === lesson.number) {
			at(lesson.file.path, `lesson number ${lesson.numberText} is also used by ${previous.file.name}`);
		} else if (lesson.number !== expected) {
			const wanted = String(expected).padStart(2, '0');
			at(
				lesson.file.path,
				`lesson number ${lesson.numberText} should be ${wanted}: number lessons 01, 02, 03, … without gaps`
			);
		}
		expected = lesson.number + 1;
		const other = slugs.get(lesson.slug);
		if (other) at(lesson.file.path, `lesson slug "${lesson.slug}" is also used by ${other}`);
		else slugs.set(lesson.slug, lesson.file.name);
	}
	return lessons;
}

/** Reference keys to check citations against; from raw YAML when the front matter is invalid. */
function knownReferenceKeys(
	meta: ModuleFrontMatter | undefined,
	frontMatter: FrontMatter | undefined
): Set<string> | undefined {
	if (meta) return new Set(meta.references.map((r) => r.key));
	const raw = (frontMatter?.data as { references?: unknown } | undefined)?.references;
	if (!Array.isArray(raw)) return undefined;
	return new Set(raw.map((r) => (r as { key?: unknown } | null)?.key).filter((k) => typeof k === 'string'));
}

function checkTimeClaim(
	indexPath: string,
	frontMatter: FrontMatter,
	meta: ModuleFrontMatter,
	words: number,
	activityMinutes: number,
	problems: ContentProblem[]
) {
	const readingMinutes = words / WORDS_PER_MINUTE;
	const measured = readingMinutes + activityMinutes;
	const claimed = meta.ce_hours * 60;
	if (claimed <= measured * (1 + TIME_TOLERANCE)) return;
	problems.push({
		file: indexPath,
		...frontMatter.locate(['ce_hours']),
		severity: 'warning',
		message:
			`ce_hours ${meta.ce_hours} (${round1(claimed)} minutes) exceeds the measured time of ` +
			`${round1(measured)} minutes by more than 10% ` +
			`(${words} words at ${WORDS_PER_MINUTE} per minute = ${round1(readingMinutes)} minutes, ` +
			`plus ${activityMinutes} minutes of Reflection activities)`
	});
}

function checkBankSize(
	postTestPath: string,
	indexPath: string,
	frontMatter: FrontMatter,
	meta: ModuleFrontMatter,
	postTest: ParsedPostTest,
	problems: ContentProblem[]
) {
	const size = postTest.bank?.questions.length ?? 0;
	if (meta.questions_per_attempt !== undefined && meta.questions_per_attempt > size) {
		problems.push({
			file: indexPath,
			...frontMatter.locate(['questions_per_attempt']),
			severity: 'error',
			message: `questions_per_attempt is ${meta.questions_per_attempt} but post-test.md has only ${size} question${size === 1 ? '' : 's'}`
		});
	}
	const recommended = Math.ceil(meta.ce_hours * QUESTIONS_PER_CE_HOUR);
	if (size < recommended) {
		problems.push({
			file: postTestPath,
			line: 1,
			column: 1,
			severity: 'warning',
			message: `the bank has ${size} question${size === 1 ? '' : 's'}, fewer than ${QUESTIONS_PER_CE_HOUR} per CE hour (APA guidance): ${meta.ce_hours} hours need at least ${recommended}`
		});
	}
}

/** SHA-256 over the module's files in path order; paths are relative to the content root. */
function hashModule(files: ModuleFile[], contentRoot: string): string {
	const hash = createHash('sha256');
	const prefix = `${contentRoot}/`;
	const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const file of sorted) {
		const path = file.path.startsWith(prefix) ? file.path.slice(prefix.length) : file.path;
		const content = Buffer.from(file.text, 'utf8');
		// Length-prefixed, so no two different file sets can produce the same byte stream.
		hash.update(`${Buffer.byteLength(path)}:${path}\n${content.length}:`);
		hash.update(content);
		hash.update('\n');
	}
	return hash.digest('hex');
}

function round1(value: number): number {
	return Math.round(value * 10) / 10;
}
