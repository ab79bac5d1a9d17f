import { describe, expect, it } from 'vitest';
import { analyseLessonText } from './lesson-text';
import { formatProblem } from './problems';

const FILE = 'content/demo/01-intro.md';

function analyse(text: string) {
	const result = analyseLessonText(FILE, text);
	return { ...result, messages: result.problems.map(formatProblem) };
}

describe('analyseLessonText', () => {
	it('counts prose words only: no front matter, tags, attributes or markdown syntax', () => {
		const { words, messages } = analyse(`---
title: A title with five words
minutes: 3
---

## Two words

Some **bold** and _italic_ text, a [link text](/modules) and \`code\` <Cite key="a2020" page="4" />.

- one item
- r = .28

<Callout kind="note">

Inside the callout.

</Callout>

<KeyFigure value="99 clients" label="many words that are not counted here" cite="a2020" />
`);
		expect(messages).toEqual([]);
		// Two words | Some bold and italic text a link text and code | one item | r .28 | Inside the callout
		expect(words).toBe(2 + 10 + 2 + 2 + 3);
	});

	it('collects citations, links and Reflection activities with their positions', () => {
		const { citations, links, reflections, messages } = analyse(`---
title: T
minutes: 1
---
See [the next lesson](/modules/demo/next) and [APA](https://apa.org) <Cite key="a2020" />.

[ref]: /assessment/hope

<KeyFigure value="3" label="elements" cite="b2021" />

<Reflection id="my-reflection" minutes={6} prompt="What would you do?" />
`);
		expect(messages).toEqual([]);
		expect(links).toEqual([
			{ url: '/modules/demo/next', line: 5, column: 5 },
			{ url: 'https://apa.org', line: 5, column: 47 },
			{ url: '/assessment/hope', line: 7, column: 1 }
		]);
		expect(citations).toEqual([
			{ key: 'a2020', component: 'Cite', line: 5, column: 70 },
			{ key: 'b2021', component: 'KeyFigure', line: 9, column: 1 }
		]);
		expect(reflections).toEqual([
			{ id: 'my-reflection', minutes: 6, prompt: 'What would you do?', line: 11, column: 1 }
		]);
	});

	it('keeps ">" inside quoted attributes and finds tags on later lines of an HTML block', () => {
		const { citations, messages } = analyse(
			'<KeyFigure value="r = .28" label=">30,000 patients" cite="x" />\n<Cite key="y" />\n'
		);
		expect(messages).toEqual([]);
		expect(citations.map((c) => [c.key, c.line, c.column])).toEqual([
			['x', 1, 1],
			['y', 2, 1]
		]);
	});

	it('reports component mistakes', () => {
		const { messages, reflections } = analyse(`# A level-one heading

<Callout kind="tip">

Text.

</Callout>

<Vignette title="Case">
Glued to the tag.

</Vignette>

<Vignette title="Case two">

Text.
</Vignette>

<Cite key="a" page={4} />

<Reflection id="Bad_Id" minutes="5" prompt="P" />

<Reflection id="ok" />

<KeyFigure value="1" label="l" cite="a" source="x"></KeyFigure>

<Callout kind="key">

Never closed.

<div>raw</div>

Braces { here } and a < sign.
`);
		expect(messages).toEqual([
			`${FILE}:1:1: use "##" and "###" headings: the page already supplies the "#" title`,
			`${FILE}:3:1: <Callout kind="tip">: kind must be note, warning, key`,
			`${FILE}:9:1: put <Vignette …> on a line of its own, with a blank line after it (mdsvex reads markdown inside a component only when blank lines set it off)`,
			`${FILE}:17:1: put </Vignette> on a line of its own, with a blank line before it`,
			`${FILE}:19:1: write page="…" on <Cite>: braces are only for minutes={n}`,
			`${FILE}:21:1: <Reflection> minutes must be a whole number in braces, e.g. minutes={5}`,
			`${FILE}:21:1: <Reflection> id "Bad_Id" must be lowercase words joined by hyphens`,
			`${FILE}:23:1: <Reflection> needs a minutes attribute`,
			`${FILE}:23:1: <Reflection> needs a prompt attribute`,
			`${FILE}:25:1: <KeyFigure> stands alone: end it with "/>", e.g. <KeyFigure … />`,
			`${FILE}:25:1: unknown attribute "source" on <KeyFigure>: use value, label, cite`,
			`${FILE}:27:1: <Callout> is never closed: add </Callout>`,
			`${FILE}:31:1: warning: raw HTML <div>: write markdown or use a component instead`,
			`${FILE}:33:8: a "{" in prose is read as Svelte code: rephrase without braces`
		]);
		expect(reflections).toEqual([]);
	});
});

describe('lesson outline', () => {
	it('lists h2 and h3 headings with the ids the rendered page gives them, numbering repeats', () => {
		const text = '---\ntitle: T\nminutes: 1\n---\n## First part\n\nText.\n\n### A detail\n\n## Summary\n\n## Summary\n';
		expect(analyseLessonText('content/x/01-t.md', text).outline).toEqual([
			{ depth: 2, text: 'First part', id: 'first-part' },
			{ depth: 3, text: 'A detail', id: 'a-detail' },
			{ depth: 2, text: 'Summary', id: 'summary' },
			{ depth: 2, text: 'Summary', id: 'summary-2' }
		]);
	});
});
