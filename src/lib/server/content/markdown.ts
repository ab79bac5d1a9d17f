import { toHtml } from 'hast-util-to-html';
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/**
 * Parses a whole content file (front matter included, so positions are the file's own lines)
 * as CommonMark + GFM, the dialect mdsvex renders.
 */
export function parseMarkdown(text: string): Root {
	return fromMarkdown(text.replace(/\r\n?/g, '\n'), {
		extensions: [gfm(), frontmatter(['yaml'])],
		mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]
	});
}

/** Renders inline markdown (a heading's or a one-line option's content) to safe HTML, no `<p>`. */
export function renderInlineHtml(nodes: PhrasingContent[]): string {
	const paragraph = toHast({ type: 'paragraph', children: nodes });
	return paragraph.type === 'element' ? toHtml(paragraph.children).trim() : '';
}

/**
 * Renders markdown nodes to HTML that is safe to insert as-is: raw HTML in the source is dropped
 * (no `allowDangerousHtml`) and everything else is escaped by hast-util-to-html.
 */
export function renderHtml(nodes: RootContent[]): string {
	return toHtml(toHast({ type: 'root', children: nodes })).trim();
}

/** Calls `visitor` for every node below `tree`, depth first, in document order. */
export function walk(
	tree: Root,
	visitor: (node: RootContent | Nodes, parent: Parents) => 'skip' | void
): void {
	const visitChildren = (parent: Parents) => {
		for (const child of parent.children) {
			if (visitor(child, parent) === 'skip') continue;
			if ('children' in child) visitChildren(child);
		}
	};
	visitChildren(tree);
}
