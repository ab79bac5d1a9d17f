import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingSlugger } from '../../heading-slug.js';
import { walk } from './markdown';

export interface OutlineEntry {
	depth: 2 | 3;
	text: string;
	/** The id the rendered heading carries (same slugger as the mdsvex build). */
	id: string;
}

/** The lesson's h2/h3 headings in order, from its parsed markdown: its table of contents. */
export function lessonOutline(tree: Root): OutlineEntry[] {
	const slug = headingSlugger();
	const outline: OutlineEntry[] = [];
	walk(tree, (node) => {
		if (node.type !== 'heading') return;
		const heading = node as Heading;
		if (heading.depth !== 2 && heading.depth !== 3) return;
		const headingText = toString(heading);
		outline.push({ depth: heading.depth, text: headingText, id: slug(headingText) });
	});
	return outline;
}
