import type { Root } from 'mdast';
import { lessonOutline, type OutlineEntry } from './lesson-outline';
import { parseMarkdown, walk } from './markdown';
import { SLUG_PATTERN } from './module-schema';
import type { ContentProblem } from './problems';
import { attributeText, findTags, type SourceTag } from './tags';

interface Located {
	line: number;
	column: number;
}

export interface ReflectionActivity extends Located {
	id: string;
	minutes: number;
	prompt: string;
}

export interface CitationUse extends Located {
	key: string;
	/** The component that cites: `<Cite key>` or `<KeyFigure cite>`. */
	component: 'Cite' | 'KeyFigure';
}

export interface LinkUse extends Located {
	url: string;
}

/** What the content check needs from a lesson (or module overview) body. */
export interface LessonText {
	/** Words a learner reads: prose only, without front matter, tags, attributes or markdown syntax. */
	words: number;
	reflections: ReflectionActivity[];
	citations: CitationUse[];
	links: LinkUse[];
	/** h2/h3 headings: the lesson's table of contents. */
	outline: OutlineEntry[];
	/** Component and markup mistakes found in this file alone. */
	problems: ContentProblem[];
}

interface ComponentSpec {
	/** Wraps markdown (`<Vignette …>` … `</Vignette>`) rather than standing alone (`<Cite … />`). */
	wraps: boolean;
	required: string[];
	optional: string[];
}

/** The components every lesson may use without an import (see docs/authoring.md). */
export const LESSON_COMPONENTS: Record<string, ComponentSpec> = {
	Callout: { wraps: true, required: ['kind'], optional: [] },
	Cite: { wraps: false, required: ['key'], optional: ['page'] },
	KeyFigure: { wraps: false, required: ['value', 'label', 'cite'], optional: [] },
	Vignette: { wraps: true, required: ['title'], optional: [] },
	Reflection: { wraps: false, required: ['id', 'minutes', 'prompt'], optional: [] }
};

export const CALLOUT_KINDS = ['note', 'warning', 'key'] as const;

const WORD = /[\p{L}\p{N}]/u;

/**
 * Reads a lesson (or a module's index.md) the way the content check needs it: counts the prose
 * words, lists Reflection activities, citations and links with their lines, and reports misused
 * components, `#` headings and characters mdsvex would read as Svelte syntax.
 */
export function analyseLessonText(file: string, text: string): LessonText {
	const tree = parseMarkdown(text);
	const problems: ContentProblem[] = [];
	const error = (at: Located, message: string) =>
		problems.push({ file, line: at.line, column: at.column, severity: 'error', message });
	const warn = (at: Located, message: string) =>
		problems.push({ file, line: at.line, column: at.column, severity: 'warning', message });

	const { words, links } = readProse(tree, error);
	const reflections: ReflectionActivity[] = [];
	const citations: CitationUse[] = [];
	const open: SourceTag[] = [];

	for (const tag of findTags(tree)) {
		const spec = LESSON_COMPONENTS[tag.name];
		if (!spec) {
			if (/^[A-Z]/.test(tag.name)) {
				error(
					tag,
					`unknown component <${tag.name}>: use ${Object.keys(LESSON_COMPONENTS).join(', ')}`
				);
			} else if (!tag.closing) {
				warn(tag, `raw HTML <${tag.name}>: write markdown or use a component instead`);
			}
			continue;
		}
		if (spec.wraps) {
			checkWrapper(tag, open, error);
			if (tag.closing || tag.selfClosing) continue;
		} else if (tag.closing) {
			continue;
		} else if (!tag.selfClosing) {
			error(tag, `<${tag.name}> stands alone: end it with "/>", e.g. <${tag.name} … />`);
		}
		checkAttributes(tag, spec, error);

		if (tag.name === 'Cite' || tag.name === 'KeyFigure') {
			const key = attributeText(tag, tag.name === 'Cite' ? 'key' : 'cite');
			if (key) citations.push({ key, component: tag.name, line: tag.line, column: tag.column });
		} else if (tag.name === 'Callout') {
			const kind = attributeText(tag, 'kind');
			if (kind !== undefined && !(CALLOUT_KINDS as readonly string[]).includes(kind)) {
				error(tag, `<Callout kind="${kind}">: kind must be ${CALLOUT_KINDS.join(', ')}`);
			}
		} else if (tag.name === 'Reflection') {
			const reflection = readReflection(tag, error);
			if (reflection) reflections.push(reflection);
		}
	}
	for (const tag of open) error(tag, `<${tag.name}> is never closed: add </${tag.name}>`);
	problems.sort((a, b) => a.line - b.line || a.column - b.column);

	return { words, reflections, citations, links, outline: lessonOutline(tree), problems };
}

function readProse(tree: Root, error: (at: Located, message: string) => void) {
	const chunks: string[] = [];
	const links: LinkUse[] = [];
	walk(tree, (node) => {
		const start = node.position?.start ?? { line: 1, column: 1 };
		if (node.type === 'yaml' || node.type === 'html') return 'skip';
		if (node.type === 'heading' && node.depth === 1) {
			error(start, 'use "##" and "###" headings: the page already supplies the "#" title');
		}
		if (node.type === 'link' || node.type === 'definition') {
			links.push({ url: node.url, line: start.line, column: start.column });
		}
		if (node.type === 'text') {
			const match = /[{}<]/.exec(node.value);
			if (match) {
				const character = match[0];
				const before = node.value.slice(0, match.index).split('\n');
				const at = {
					line: start.line + before.length - 1,
					column: (before.length === 1 ? start.column : 1) + before.at(-1)!.length
				};
				error(
					at,
					character === '<'
						? 'a "<" in prose starts a Svelte tag: write "less than" instead'
						: `a "${character}" in prose is read as Svelte code: rephrase without braces`
				);
			}
		}
		if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
			chunks.push(node.value);
		}
	});
	const words = chunks
		.join(' ')
		.split(/\s+/)
		.filter((token) => WORD.test(token)).length;
	return { words, links };
}

function checkWrapper(
	tag: SourceTag,
	open: SourceTag[],
	error: (at: Located, message: string) => void
) {
	if (tag.closing) {
		if (tag.inline || tag.sharesNodeWithText) {
			error(tag, `put </${tag.name}> on a line of its own, with a blank line before it`);
		}
		const index = open.findLastIndex((o) => o.name === tag.name);
		if (index < 0) error(tag, `</${tag.name}> closes nothing: there is no <${tag.name}> before it`);
		else open.splice(index, 1);
		return;
	}
	if (tag.selfClosing) {
		error(tag, `<${tag.name}> wraps markdown: write <${tag.name} …>, a blank line, the text, a blank line, </${tag.name}>`);
		return;
	}
	if (tag.inline || tag.sharesNodeWithText) {
		error(
			tag,
			`put <${tag.name} …> on a line of its own, with a blank line after it (mdsvex reads markdown inside a component only when blank lines set it off)`
		);
	}
	open.push(tag);
}

function checkAttributes(
	tag: SourceTag,
	spec: ComponentSpec,
	error: (at: Located, message: string) => void
) {
	const allowed = [...spec.required, ...spec.optional];
	for (const attribute of tag.attributes) {
		if (!allowed.includes(attribute.name)) {
			error(tag, `unknown attribute "${attribute.name}" on <${tag.name}>: use ${allowed.join(', ')}`);
		} else if (attribute.expression && !(tag.name === 'Reflection' && attribute.name === 'minutes')) {
			error(tag, `write ${attribute.name}="…" on <${tag.name}>: braces are only for minutes={n}`);
		} else if (attribute.value === '' || attribute.value === true) {
			error(tag, `${attribute.name} on <${tag.name}> is empty`);
		}
	}
	for (const name of spec.required) {
		if (!tag.attributes.some((a) => a.name === name)) {
			error(tag, `<${tag.name}> needs a ${name} attribute`);
		}
	}
}

function readReflection(
	tag: SourceTag,
	error: (at: Located, message: string) => void
): ReflectionActivity | undefined {
	const id = attributeText(tag, 'id');
	const prompt = attributeText(tag, 'prompt');
	const minutesAttribute = tag.attributes.find((a) => a.name === 'minutes');
	let minutes: number | undefined;
	if (minutesAttribute) {
		const raw = typeof minutesAttribute.value === 'string' ? minutesAttribute.value.trim() : '';
		if (minutesAttribute.expression && /^[1-9]\d*$/.test(raw)) minutes = Number(raw);
		else error(tag, `<Reflection> minutes must be a whole number in braces, e.g. minutes={5}`);
	}
	if (id !== undefined && !SLUG_PATTERN.test(id)) {
		error(tag, `<Reflection> id "${id}" must be lowercase words joined by hyphens`);
		return undefined;
	}
	if (id === undefined || prompt === undefined || minutes === undefined) return undefined;
	return { id, minutes, prompt, line: tag.line, column: tag.column };
}
