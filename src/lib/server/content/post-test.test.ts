import { describe, expect, it } from 'vitest';
import { formatProblem } from './problems';
import { deriveQuestionId, parsePostTest } from './post-test';

const FILE = 'content/demo/post-test.md';

function parse(text: string, objectiveCount = 3) {
	const result = parsePostTest(FILE, text, { objectiveCount });
	return { ...result, messages: result.problems.map(formatProblem) };
}

describe('parsePostTest', () => {
	it('builds a bank: ids, objectives, options a/b/c, select-all and safe HTML', () => {
		const { bank, messages } = parse(`---
shuffle: true
---
## {#elements obj=1,3} Which *three* elements?
- [ ] Empathy
- [x] Goals, tasks and \`bond\`
- [ ] Rapport

> Bordin (1979) defined **three** elements.

## Select all that apply: which are markers?
- [x] Withdrawal
- [x] Confrontation
- [ ] Agreement

> Both are rupture markers (Safran et al., 2011).
`);
		expect(messages).toEqual([`${FILE}:11:1: warning: question does not name the objective it tests: add obj=N, e.g. "## {#my-id obj=2} …"`]);
		expect(bank?.shuffle).toBe(true);
		const [first, second] = bank!.questions;
		expect(first).toEqual({
			id: 'elements',
			html: 'Which <em>three</em> elements?',
			options: [
				{ id: 'a', html: 'Empathy', correct: false },
				{ id: 'b', html: 'Goals, tasks and <code>bond</code>', correct: true },
				{ id: 'c', html: 'Rapport', correct: false }
			],
			selectAll: false,
			explanationHtml: '<p>Bordin (1979) defined <strong>three</strong> elements.</p>',
			objectives: [1, 3],
			line: 4
		});
		expect(second!.selectAll).toBe(true);
		expect(second!.id).toBe(deriveQuestionId('Select all that apply: which are markers?'));
		expect(second!.id).toMatch(/^select-all-that-apply-which-are-[0-9a-f]{6}$/);
	});

	it('defaults shuffle to false when there is no front matter', () => {
		const { bank, messages } = parse(`## {#q obj=1} Q?
- [x] A
- [ ] B
- [ ] C

> Because.
`);
		expect(messages).toEqual([]);
		expect(bank).toEqual(expect.objectContaining({ shuffle: false }));
	});

	it('escapes text and drops raw HTML, reporting each line with HTML as an error', () => {
		const { bank, messages } = parse(`## {#q obj=1} Is 2 &lt; 3 & "x" <script>alert(1)</script>?
- [x] Yes <b>bold</b>
- [ ] No
- [ ] Maybe

> Explained <img src=x onerror=alert(1)> & done.
`);
		const notAllowed =
			'HTML and components are not allowed in post-test.md (they would be dropped): write plain markdown, e.g. cite as "(Bordin, 1979)"';
		expect(messages).toEqual([
			`${FILE}:1:33: ${notAllowed}`,
			`${FILE}:2:11: ${notAllowed}`,
			`${FILE}:6:13: ${notAllowed}`
		]);
		const [question] = bank!.questions;
		expect(question!.html).toBe('Is 2 &#x3C; 3 &#x26; "x" alert(1)?');
		expect(question!.options[0]!.html).toBe('Yes bold');
		expect(question!.explanationHtml).toBe('<p>Explained  &#x26; done.</p>');
	});

	it('derives the same id for the same text and different ids for different text', () => {
		expect(deriveQuestionId('Which is it?')).toBe(deriveQuestionId('Which is it?'));
		expect(deriveQuestionId('Which is it?')).not.toBe(deriveQuestionId('Which is it now?'));
		expect(deriveQuestionId('Ça va — à Zürich?')).toMatch(/^ca-va-a-zurich-[0-9a-f]{6}$/);
	});

	it('reports each kind of mistake at its line', () => {
		const { messages, bank, questionCount } = parse(`Intro text.

# {#top} A level-one heading

## {#no-options obj=1} No options here

> Explanation.

## {#bad-id_X obj=4} Bad id and objective
- [x] A
- [ ] B
- [ ] C

> E.

## {#two-options obj=1 weight=2} Only two
- [x] A
- [ ] B

> E.

## {#two-options obj=2} Same id again
- [x] A
- [x] B
- [ ] C

> E.

> Second explanation.
`);
		expect(messages).toEqual([
			`${FILE}:1:1: text outside a question: every question starts with a "##" heading`,
			`${FILE}:3:1: questions are "##" headings, not "#"`,
			`${FILE}:5:1: question has no options: add a task list of "- [ ] …" and "- [x] …" lines`,
			`${FILE}:9:1: question id "bad-id_X" must be lowercase words joined by hyphens`,
			`${FILE}:9:1: obj=4 names no objective: the module has 3 objectives`,
			`${FILE}:16:1: unknown question attribute "weight=2": write "## {#id obj=N} question text"`,
			`${FILE}:16:1: warning: question has 2 options: use 3 to 5`,
			`${FILE}:22:1: warning: question has several correct options: start its text with "Select all that apply:"`,
			`${FILE}:22:1: duplicate question id "two-options" (also used on line 16)`,
			`${FILE}:29:1: question has more than one explanation: use a single block quote`
		]);
		expect(questionCount).toBe(4);
		expect(bank!.questions.map((q) => q.id)).toEqual(['no-options', 'bad-id_X', 'two-options']);
	});

	it('reports malformed options, a missing correct option and a missing explanation', () => {
		const { messages } = parse(`## {#q obj=1} Q?
- [ ] A
- [] B
* [ ] C

Some paragraph.
`);
		expect(messages).toEqual([
			`${FILE}:1:1: question has no explanation: add a "> " block quote after the options`,
			`${FILE}:3:1: malformed option: start it with "- [ ] " (wrong) or "- [x] " (correct)`,
			`${FILE}:4:1: question has more than one option list: keep the options together`,
			`${FILE}:6:1: unexpected paragraph in a question: a question is a "##" heading, a task list of options and a "> " explanation`
		]);
		const none = parse('## {#q obj=1} Q?\n- [ ] A\n- [ ] B\n- [ ] C\n\n> E.\n').messages;
		expect(none).toEqual([
			`${FILE}:1:1: question has no correct option: mark the correct one(s) with "- [x]"`
		]);
	});

	it('warns about "all of the above" and reports an empty bank', () => {
		expect(parse('## {#q obj=1} Q?\n- [x] A\n- [ ] B\n- [ ] All of the above\n\n> E.\n').messages).toEqual([
			`${FILE}:4:1: warning: avoid "all of the above" and "none of the above" options`
		]);
		expect(parse('---\nshuffle: true\n---\n').messages).toEqual([`${FILE}:4:1: post-test has no questions`]);
	});

	it('validates the front matter strictly', () => {
		expect(parse('---\nshufle: true\n---\n## {#q obj=1} Q?\n- [x] A\n- [ ] B\n- [ ] C\n\n> E.\n').messages).toEqual([
			`${FILE}:2:1: unknown field "shufle" (did you mean "shuffle"?)`
		]);
	});
});
