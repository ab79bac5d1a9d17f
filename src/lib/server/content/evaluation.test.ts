import { describe, expect, it } from 'vitest';
import { parseEvaluation } from './evaluation';
import { formatProblem } from './problems';

const FILE = 'content/evaluation.md';

const VALID = `---
title: Course evaluation
scale:
  - { value: 1, label: Disagree }
  - { value: 2, label: Agree }
items:
  - id: objectives-met
    type: objectives
    prompt: "I am able to:"
  - id: bias
    type: yesno
    prompt: Free of bias?
    follow_up: If not, describe it.
  - id: comments
    type: text
    prompt: Anything else?
    required: false
---
Please tell us *how it went*. <b>raw</b>
`;

describe('parseEvaluation', () => {
	it('parses the form, applies defaults and renders the intro safely', () => {
		const { evaluation, problems } = parseEvaluation(FILE, VALID);
		expect(problems).toEqual([]);
		expect(evaluation).toEqual({
			title: 'Course evaluation',
			scale: [
				{ value: 1, label: 'Disagree' },
				{ value: 2, label: 'Agree' }
			],
			items: [
				{ id: 'objectives-met', type: 'objectives', prompt: 'I am able to:', required: true },
				{
					id: 'bias',
					type: 'yesno',
					prompt: 'Free of bias?',
					followUp: 'If not, describe it.',
					required: true
				},
				{ id: 'comments', type: 'text', prompt: 'Anything else?', required: false }
			],
			introHtml: '<p>Please tell us <em>how it went</em>. raw</p>'
		});
	});

	it('reports unknown types, misplaced fields, duplicate ids and a descending scale', () => {
		const text = VALID.replace('{ value: 2, label: Agree }', '{ value: 0, label: Agree }')
			.replace('type: text', 'type: essay')
			.replace('    type: objectives\n', '    type: objectives\n    follow_up: Why?\n')
			.replace('id: bias', 'id: objectives-met');
		const messages = parseEvaluation(FILE, text).problems.map(formatProblem);
		expect(messages).toEqual([
			`${FILE}:9:5: unknown field "follow_up" in items[0]`,
			`${FILE}:16:11: "items[2].type" must be one of objectives, rating, yesno, minutes, text (got "essay")`
		]);
		const second = VALID.replace('{ value: 2, label: Agree }', '{ value: 0, label: Agree }').replace(
			'id: bias',
			'id: objectives-met'
		);
		expect(parseEvaluation(FILE, second).problems.map(formatProblem)).toEqual([
			`${FILE}:5:14: "scale[1].value" must be greater than the value before it (list the scale from low to high) (got 0)`,
			`${FILE}:10:9: "items[1].id" is used by an earlier item (got "objectives-met")`
		]);
	});
});
