import { loadContent } from '../../src/lib/server/content/load-content';
import type { ModuleInfo } from '../../src/lib/server/content/load-module';
import { readContentFiles } from '../../src/lib/server/content/read-content-files';
import type { BankQuestion, QuestionBank } from '../../src/lib/server/quiz/bank';

export type { BankQuestion, ModuleInfo, QuestionBank };

let modules: ModuleInfo[] | undefined;

/** The published modules with a post-test, read from content/ with the server's own parser. */
export function modulesWithPostTest(): (ModuleInfo & { bank: QuestionBank })[] {
	modules ??= loadContent(readContentFiles('content')).modules;
	return modules.filter((m): m is ModuleInfo & { bank: QuestionBank } => !m.draft && !!m.bank);
}

export function moduleBySlug(slug: string): ModuleInfo & { bank: QuestionBank } {
	const module = modulesWithPostTest().find((m) => m.slug === slug);
	if (!module) throw new Error(`No published module with a post-test: ${slug}`);
	return module;
}

/**
 * Text as a reader (or a search through a response body) sees it: JavaScript string escapes
 * undone, tags dropped, entities decoded, whitespace collapsed, lower case. Applied alike to
 * response bodies and to the bank, so HTML, JSON and devalue payloads compare on the same text.
 */
export function normaliseText(text: string): string {
	return text
		.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
		.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
		.replace(/\\[nrt]/g, ' ')
		.replace(/\\(.)/g, '$1')
		.replace(/<[^>]*>/g, '')
		.replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
		.replace(/&(nbsp|quot|apos|lt|gt|amp);/g, (_, name: string) => ENTITIES[name]!)
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}

const ENTITIES: Record<string, string> = {
	nbsp: ' ',
	quot: '"',
	apos: "'",
	lt: '<',
	gt: '>',
	amp: '&'
};

/** The plain texts of a question's options that are right, as labels show them. */
export function correctOptionTexts(question: BankQuestion): string[] {
	return question.options.filter((o) => o.correct).map((o) => normaliseText(o.html));
}
