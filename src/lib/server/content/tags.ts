import type { Root } from 'mdast';
import { walk } from './markdown';

/** One attribute as written: `key="x"` (quoted) or `minutes={4}` (expression). */
export interface TagAttribute {
	name: string;
	/** The text between the quotes or braces; `true` for a bare attribute. */
	value: string | true;
	expression: boolean;
}

/** An HTML or component tag found in a markdown file, with where it starts. */
export interface SourceTag {
	name: string;
	closing: boolean;
	selfClosing: boolean;
	attributes: TagAttribute[];
	line: number;
	column: number;
	/** True when the tag sits inside a paragraph (an inline HTML node), not on a line of its own. */
	inline: boolean;
	/** The HTML node holds more than tags and whitespace, e.g. markdown glued to an opening tag. */
	sharesNodeWithText: boolean;
}

const ATTRIBUTE = String.raw`[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^}]*\}|[^\s"'=<>\x60{}]+))?`;
const TAG = new RegExp(String.raw`<(/?)([A-Za-z][\w.-]*)((?:\s+${ATTRIBUTE})*)\s*(/?)>`, 'g');
const ATTRIBUTE_PARTS = /([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\}|([^\s"'=<>`{}]+)))?/g;
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
const COMMENT = /<!--[\s\S]*?-->/g;

/** Every tag in the file's HTML nodes, in document order (HTML comments ignored). */
export function findTags(tree: Root): SourceTag[] {
	const tags: SourceTag[] = [];
	walk(tree, (node, parent) => {
		if (node.type !== 'html') return;
		const start = node.position?.start;
		if (!start) return;
		const value = node.value.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));
		const leftover = value.replace(TAG, '').trim();
		for (const match of value.matchAll(TAG)) {
			const before = value.slice(0, match.index);
			const newlines = before.split('\n').length - 1;
			tags.push({
				name: match[2]!,
				closing: match[1] === '/',
				selfClosing: match[4] === '/',
				attributes: parseAttributes(match[3] ?? ''),
				line: start.line + newlines,
				column: newlines === 0 ? start.column + before.length : before.length - before.lastIndexOf('\n'),
				inline: !BLOCK_PARENTS.has(parent.type),
				sharesNodeWithText: leftover.length > 0
			});
		}
	});
	return tags;
}

function parseAttributes(source: string): TagAttribute[] {
	const attributes: TagAttribute[] = [];
	for (const match of source.matchAll(ATTRIBUTE_PARTS)) {
		const [, name, double, single, expression, bare] = match;
		const value = double ?? single ?? expression ?? bare;
		attributes.push({ name: name!, value: value ?? true, expression: expression !== undefined });
	}
	return attributes;
}

/** The value of a quoted attribute, or undefined when it is missing or not a plain string. */
export function attributeText(tag: SourceTag, name: string): string | undefined {
	const attribute = tag.attributes.find((a) => a.name === name);
	return attribute && typeof attribute.value === 'string' && !attribute.expression
		? attribute.value
		: undefined;
}
