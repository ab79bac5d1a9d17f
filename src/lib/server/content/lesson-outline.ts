import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingSlugger } from '../../heading-slug.js';
import { splitFrontMatter } from './front-matter';
import { parseMarkdown, walk } from './markdown';

export interface OutlineEntry {
	depth: 2 | 3;
	text: string;
	/** The id the rendered heading carries (same slugger as the mdsvex build). */
	id: string;
}

/** The lesson's h2/h3 headings in order: its table of contents. */
export function lessonOutline(file: string, text: string): OutlineEntry[] {
	const { body } = splitFrontMatter(file, text);
	const slug = headingSlugger();
	const outline: OutlineEntry[] = [];
	walk(parseMarkdown(body), (node) => {
		if (node.type !== 'heading') return;
		const heading = node as Heading;
		if (heading.depth !== 2 && heading.depth !== 3) return;
		const headingText = toString(heading);
		outline.push({ depth: heading.depth, text: headingText, id: slug(headingText) });
	});
	return outline;
}
