import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { Callout, Cite, KeyFigure, Reflection, Vignette } from './index';

const references = new Map([
	['flueckiger2018', { short: 'Flückiger et al., 2018', apa: 'Flückiger, C. … (2018).' }]
]);

/** Server output without Svelte's hydration comments. */
function html(rendered: { body: string }): string {
	return rendered.body.replace(/<!--[^>]*-->/g, '');
}

const paragraph = createRawSnippet(() => ({ render: () => '<p>Body text.</p>' }));

describe('lesson components (server-rendered)', () => {
	it('Cite shows the short reference and links to the reference list', () => {
		const body = html(render(Cite, {
			props: { key: 'flueckiger2018', page: '412' },
			context: new Map([['module-references', references]])
		}));
		expect(body).toContain('href="#ref-flueckiger2018"');
		expect(body).toContain('(Flückiger et al., 2018, p.\u00a0412)');
	});

	it('Cite accepts a plain object or a getter as context, and falls back to the key', () => {
		const object = render(Cite, {
			props: { key: 'flueckiger2018' },
			context: new Map([['module-references', () => Object.fromEntries(references)]])
		});
		expect(html(object)).toContain('(Flückiger et al., 2018)');
		expect(html(render(Cite, { props: { key: 'unknown2020' } }))).toContain('(unknown2020)');
	});

	it('KeyFigure shows the value, its label and its source', () => {
		const body = html(render(KeyFigure, {
			props: { value: 'r = .28', label: '295 studies', cite: 'flueckiger2018' },
			context: new Map([['module-references', references]])
		}));
		expect(body).toMatch(/<figure[^>]*>[\s\S]*r = \.28[\s\S]*<figcaption[^>]*>295 studies/);
		expect(body).toContain('(Flückiger et al., 2018)');
	});

	it('Callout and Vignette render their markdown children under a label', () => {
		const callout = html(render(Callout, { props: { kind: 'warning', children: paragraph } }));
		expect(callout).toMatch(/role="note" aria-labelledby="([^"]+)"[\s\S]*id="\1"[^>]*>Caution/);
		expect(callout).toContain('<p>Body text.</p>');
		const vignette = html(render(Vignette, { props: { title: 'Maya', children: paragraph } }));
		expect(vignette).toMatch(/<h3 id="[^"]+"[^>]*>.*Case example:.* Maya<\/h3>/);
		expect(vignette).toContain('<p>Body text.</p>');
	});

	it('Reflection posts to ?/reflection with a labelled answer field and shows the saved answer', () => {
		const props = { id: 'goals-two-versions', minutes: 5, prompt: 'Write the goal twice.' };
		const empty = html(render(Reflection, { props }));
		expect(empty).toMatch(/<form method="POST" action="\?\/reflection"/);
		expect(empty).toContain('<input type="hidden" name="reflectionId" value="goals-two-versions"');
		expect(empty).toMatch(/<label for="reflection-goals-two-versions"[^>]*>Write the goal twice\.<\/label>/);
		expect(empty).toMatch(/<textarea id="reflection-goals-two-versions" name="answer"/);
		expect(empty).toMatch(/<button type="submit"[^>]*>Save reflection<\/button>/);
		expect(empty).not.toContain('Saved.');

		const saved = html(
			render(Reflection, {
				props,
				context: new Map([['reflections', new Map([['goals-two-versions', 'My <answer>']])]])
			})
		);
		expect(saved).toMatch(/<textarea[^>]*>My &lt;answer><\/textarea>/);
		expect(saved).toContain('Saved. Edit and save again to update it.');
	});
});
