import { createHash } from 'node:crypto';
import type { Blockquote, Heading, List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BankQuestion, QuestionBank, QuestionOption } from '../quiz/bank';
import { splitFrontMatter, validateFrontMatter } from './front-matter';
import { parseMarkdown, renderHtml, renderInlineHtml, walk } from './markdown';
import { postTestFrontMatterSchema, SLUG_PATTERN } from './module-schema';
import type { ContentProblem } from './problems';

export interface PostTestOptions {
	/** How many objectives the module lists, to check `obj=` indexes. Unchecked when undefined. */
	objectiveCount?: number;
}

export interface ParsedPostTest {
	/**
	 * The questions in file order (duplicates and empty headings left out); null when the front
	 * matter is invalid. Only a file without errors may be served: check `problems` first.
	 */
	bank: QuestionBank | null;
	/** Number of `##` questions in the file, including broken ones. */
	questionCount: number;
	/** Links in questions, options and explanations, for the internal-link check. */
	links: { url: string; line: number; column: number }[];
	problems: ContentProblem[];
}

interface Position {
	line: number;
	column: number;
}

const ATTRIBUTES = /^\{([^}]*)\}[ \t]*/;
const SELECT_ALL = /^select all that apply/i;
const ALL_OR_NONE = /\b(?:all|none) of the above\b/i;

/**
 * Parses `post-test.md`: each `##` heading is a question (`## {#id obj=1,3} text`), its GFM task
 * list the options (`[x]` = correct) and its block quote the explanation. HTML is rendered without
 * `allowDangerousHtml`, so it is safe to send as-is.
 */
export function parsePostTest(
	file: string,
	text: string,
	options: PostTestOptions = {}
): ParsedPostTest {
	const problems: ContentProblem[] = [];
	const report = (at: Position, message: string, severity: ContentProblem['severity'] = 'error') =>
		problems.push({ file, line: at.line, column: at.column, severity, message });

	const frontMatter = splitFrontMatter(file, text);
	problems.push(...frontMatter.problems);
	const settings = frontMatter.hasFrontMatter
		? validateFrontMatter(file, frontMatter, postTestFrontMatterSchema)
		: { data: postTestFrontMatterSchema.parse({}), problems: [] };
	problems.push(...settings.problems);

	const tree = parseMarkdown(text);
	const links: ParsedPostTest['links'] = [];
	const htmlLines = new Set<number>();
	walk(tree, (node) => {
		if (node.type === 'link' || node.type === 'definition') {
			links.push({ url: node.url, ...startOf(node) });
		}
		if (node.type === 'html' && !htmlLines.has(startOf(node).line)) {
			htmlLines.add(startOf(node).line);
			report(
				startOf(node),
				'HTML and components are not allowed in post-test.md (they would be dropped): write plain markdown, e.g. cite as "(Bordin, 1979)"'
			);
		}
	});

	const groups: { heading: Heading; body: RootContent[] }[] = [];
	for (const node of tree.children) {
		if (node.type === 'yaml') continue;
		if (node.type === 'heading' && node.depth === 2) {
			groups.push({ heading: node, body: [] });
		} else if (node.type === 'heading') {
			report(startOf(node), `questions are "##" headings, not "${'#'.repeat(node.depth)}"`);
		} else if (groups.length === 0) {
			if (node.type !== 'html') {
				report(startOf(node), 'text outside a question: every question starts with a "##" heading');
			}
		} else {
			groups.at(-1)!.body.push(node);
		}
	}

	const questions: BankQuestion[] = [];
	const seenIds = new Map<string, number>();
	for (const group of groups) {
		const question = readQuestion(group.heading, group.body, options, report);
		if (!question) continue;
		const firstLine = seenIds.get(question.id);
		if (firstLine !== undefined) {
			report(
				startOf(group.heading),
				`duplicate question id "${question.id}" (also used on line ${firstLine})`
			);
			continue;
		}
		seenIds.set(question.id, question.line);
		questions.push(question);
	}
	if (groups.length === 0) {
		report({ line: frontMatter.bodyStartLine, column: 1 }, 'post-test has no questions');
	}

	problems.sort((a, b) => a.line - b.line || a.column - b.column);
	return {
		bank: settings.data ? { shuffle: settings.data.shuffle, questions } : null,
		questionCount: groups.length,
		links,
		problems
	};
}

function readQuestion(
	heading: Heading,
	body: RootContent[],
	options: PostTestOptions,
	report: (at: Position, message: string, severity?: ContentProblem['severity']) => void
): BankQuestion | undefined {
	const at = startOf(heading);
	const { children, id: explicitId, objectives, namesObjective } = readAttributes(
		heading,
		options,
		report
	);
	const questionText = toString({ type: 'paragraph', children }).trim();
	if (!questionText) {
		report(at, 'question heading has no text');
		return undefined;
	}

	const lists: List[] = [];
	const quotes: Blockquote[] = [];
	for (const node of body) {
		if (node.type === 'list') lists.push(node);
		else if (node.type === 'blockquote') quotes.push(node);
		else if (node.type !== 'html') {
			report(
				startOf(node),
				`unexpected ${describe(node)} in a question: a question is a "##" heading, a task list of options and a "> " explanation`
			);
		}
	}

	if (lists.length === 0) {
		report(at, 'question has no options: add a task list of "- [ ] …" and "- [x] …" lines');
	} else if (lists.length > 1) {
		report(startOf(lists[1]!), 'question has more than one option list: keep the options together');
	}
	const items: ListItem[] = lists[0]?.children ?? [];
	const questionOptions: QuestionOption[] = [];
	let malformed = false;
	for (const [index, item] of items.entries()) {
		if (item.checked === null || item.checked === undefined) {
			report(startOf(item), 'malformed option: start it with "- [ ] " (wrong) or "- [x] " (correct)');
			malformed = true;
			continue;
		}
		const html = renderOption(item);
		if (ALL_OR_NONE.test(toString(item))) {
			report(startOf(item), 'avoid "all of the above" and "none of the above" options', 'warning');
		}
		questionOptions.push({ id: String.fromCharCode(97 + index), html, correct: item.checked });
	}
	const correctCount = questionOptions.filter((o) => o.correct).length;
	if (lists.length > 0 && !malformed) {
		if (items.length < 2) report(at, 'question needs at least 2 options');
		else if (items.length < 3 || items.length > 5) {
			report(at, `question has ${items.length} options: use 3 to 5`, 'warning');
		}
		if (correctCount === 0) {
			report(at, 'question has no correct option: mark the correct one(s) with "- [x]"');
		} else if (correctCount > 1 && !SELECT_ALL.test(questionText)) {
			report(
				at,
				'question has several correct options: start its text with "Select all that apply:"',
				'warning'
			);
		}
	}

	if (quotes.length === 0) {
		report(at, 'question has no explanation: add a "> " block quote after the options');
	} else if (quotes.length > 1) {
		report(startOf(quotes[1]!), 'question has more than one explanation: use a single block quote');
	}
	if (!namesObjective && options.objectiveCount !== undefined) {
		report(
			at,
			'question does not name the objective it tests: add obj=N, e.g. "## {#my-id obj=2} …"',
			'warning'
		);
	}

	return {
		id: explicitId ?? deriveQuestionId(questionText),
		html: renderInlineHtml(children),
		options: questionOptions,
		selectAll: correctCount > 1,
		explanationHtml: quotes[0] ? renderHtml(quotes[0].children) : '',
		objectives,
		line: at.line
	};
}

/** Reads and strips the `{#id obj=1,3}` prefix of a question heading. */
function readAttributes(
	heading: Heading,
	options: PostTestOptions,
	report: (at: Position, message: string) => void
): { children: PhrasingContent[]; id?: string; objectives: number[]; namesObjective: boolean } {
	const at = startOf(heading);
	const children = structuredClone(heading.children);
	const first = children[0];
	const objectives: number[] = [];
	if (first?.type !== 'text' || !first.value.startsWith('{')) {
		return { children, objectives, namesObjective: false };
	}
	const match = ATTRIBUTES.exec(first.value);
	if (!match) {
		report(at, 'question attributes are not closed: write "## {#id obj=N} question text"');
		return { children, objectives, namesObjective: true };
	}
	let namesObjective = false;
	first.value = first.value.slice(match[0].length);
	let id: string | undefined;
	for (const token of match[1]!.trim().split(/\s+/).filter(Boolean)) {
		if (token.startsWith('#')) {
			id = token.slice(1);
			if (!SLUG_PATTERN.test(id)) {
				report(at, `question id "${id}" must be lowercase words joined by hyphens`);
			}
		} else if (token.startsWith('obj=')) {
			namesObjective = true;
			for (const part of token.slice(4).split(',')) {
				const index = Number(part);
				if (!/^\d+$/.test(part) || index < 1) {
					report(at, `obj=${token.slice(4)}: list objective numbers such as obj=2 or obj=2,5`);
				} else if (options.objectiveCount !== undefined && index > options.objectiveCount) {
					report(
						at,
						`obj=${index} names no objective: the module has ${options.objectiveCount} objective${options.objectiveCount === 1 ? '' : 's'}`
					);
				} else if (!objectives.includes(index)) {
					objectives.push(index);
				}
			}
		} else {
			report(at, `unknown question attribute "${token}": write "## {#id obj=N} question text"`);
		}
	}
	return { children, id, objectives, namesObjective };
}

/**
 * A stable id for a question without `{#id}`: a readable slug of its text plus a short hash, so
 * two questions that start alike still differ. Editing the text changes the id.
 */
export function deriveQuestionId(questionText: string): string {
	const normalised = questionText.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
	const slug = normalised
		.split(/[^a-z0-9]+/)
		.filter(Boolean)
		.slice(0, 6)
		.join('-')
		.slice(0, 48)
		.replace(/-+$/, '');
	const hash = createHash('sha256').update(questionText.trim()).digest('hex').slice(0, 6);
	return slug ? `${slug}-${hash}` : `q-${hash}`;
}

function renderOption(item: ListItem): string {
	const [only] = item.children;
	if (item.children.length === 1 && only?.type === 'paragraph') {
		return renderInlineHtml(only.children);
	}
	return renderHtml(item.children);
}

function describe(node: RootContent): string {
	switch (node.type) {
		case 'paragraph':
			return 'paragraph';
		case 'thematicBreak':
			return 'horizontal rule';
		case 'code':
			return 'code block';
		default:
			return node.type;
	}
}

function startOf(node: { position?: { start: { line: number; column: number } } }): Position {
	return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
