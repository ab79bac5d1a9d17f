// Build-time helpers that make content/ lessons work as trainers write them (see docs/authoring.md).
import { headingSlugger } from '../src/lib/heading-slug.js';

const COMPONENTS = ['Callout', 'Cite', 'KeyFigure', 'Reflection', 'Vignette'];

/** @param {any} node */
function textOf(node) {
	if (node.type === 'text') return node.value;
	return (node.children ?? []).map(textOf).join('');
}

/** rehype plugin: ids on h2/h3 so the table of contents can link to them. */
export function rehypeHeadingIds() {
	/** @param {any} tree */
	return (tree) => {
		const slug = headingSlugger();
		/** @param {any} node */
		const visit = (node) => {
			if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3')) {
				node.properties = { ...node.properties, id: slug(textOf(node)) };
			}
			for (const child of node.children ?? []) visit(child);
		};
		visit(tree);
	};
}

/**
 * Svelte preprocessor (runs after mdsvex): lessons may use the content components without an
 * import, so trainers never write a <script> block.
 * @returns {import('svelte/compiler').PreprocessorGroup}
 */
export function contentComponents() {
	const importLine = `import { ${COMPONENTS.join(', ')} } from '$lib/components/content';`;
	return {
		name: 'holding-hope-content-components',
		markup({ content, filename }) {
			if (!filename || !/[/\\]content[/\\].*\.md$/.test(filename)) return;
			const instanceScript = /<script(?![^>]*\b(context|module)\b)[^>]*>/.exec(content);
			if (instanceScript) {
				const at = instanceScript.index + instanceScript[0].length;
				return { code: `${content.slice(0, at)}\n${importLine}${content.slice(at)}` };
			}
			return { code: `<script>\n${importLine}\n</script>\n${content}` };
		}
	};
}
