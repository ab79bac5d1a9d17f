import { describe, expect, it } from 'vitest';
import { splitFrontMatter, validateFrontMatter } from './front-matter';
import { moduleFrontMatterSchema } from './module-schema';
import { formatProblem } from './problems';

const FILE = 'content/demo/index.md';

const VALID = `---
title: Demo
summary: A demo.
version: 1.2.3
ce_hours: 1
objectives:
  - Name one thing.
authors:
  - name: A. Author
    credentials: PhD
disclosures: none
references:
  - key: smith2020
    short: Smith, 2020
    apa: "Smith, A. (2020). Title."
---
Body line one.
`;

function check(text: string) {
	const frontMatter = splitFrontMatter(FILE, text);
	const validated = validateFrontMatter(FILE, frontMatter, moduleFrontMatterSchema);
	return {
		frontMatter,
		data: validated.data,
		messages: [...frontMatter.problems, ...validated.problems].map(formatProblem)
	};
}

describe('splitFrontMatter', () => {
	it('splits YAML from the body and remembers where the body starts', () => {
		const { frontMatter } = check(VALID);
		expect(frontMatter.hasFrontMatter).toBe(true);
		expect(frontMatter.body).toBe('Body line one.\n');
		expect(frontMatter.bodyStartLine).toBe(17);
		expect(frontMatter.locate(['references', 0, 'apa'])).toEqual({ line: 15, column: 10 });
		expect(frontMatter.locate(['references', 0, 'apa'], 'key')).toEqual({ line: 15, column: 5 });
		expect(frontMatter.locate(['authors', 0, 'missing'])).toEqual({ line: 9, column: 5 });
	});

	it('handles CRLF line endings and a file without front matter', () => {
		expect(splitFrontMatter(FILE, VALID.replace(/\n/g, '\r\n')).locate(['ce_hours'])).toEqual({
			line: 5,
			column: 11
		});
		const none = splitFrontMatter(FILE, '# Just text\n');
		expect(none.hasFrontMatter).toBe(false);
		expect(none.body).toBe('# Just text\n');
	});

	it('reports an unclosed front matter block and YAML syntax errors', () => {
		expect(check('---\ntitle: x\n').messages).toEqual([
			`${FILE}:1:1: front matter is not closed: add a line containing only "---" after it`
		]);
		expect(check('---\ntitle: x\ntitle: y\n---\n').messages).toEqual([
			`${FILE}:3:1: field "title" appears twice`
		]);
		expect(check('---\ntitle: "unterminated\n---\n').messages[0]).toMatch(/^content\/demo\/index.md:2:\d+: YAML: /);
	});
});

describe('validateFrontMatter with the module schema', () => {
	it('applies the defaults', () => {
		const { data, messages } = check(VALID);
		expect(messages).toEqual([]);
		expect(data).toMatchObject({ pass_mark: 0.8, max_attempts: 3, draft: false });
		expect(data?.questions_per_attempt).toBeUndefined();
		expect(data?.min_seat_minutes).toBeUndefined();
	});

	it('reports unknown keys at the key, with a suggestion, also when nested', () => {
		const text = VALID.replace('ce_hours: 1', 'ce_hours: 1\npassmark: 0.7').replace(
			'    credentials: PhD',
			'    credentials: PhD\n    credential: PhD'
		);
		expect(check(text).messages).toEqual([
			`${FILE}:6:1: unknown field "passmark" (did you mean "pass_mark"?)`,
			`${FILE}:12:5: unknown field "credential" in authors[0] (did you mean "credentials"?)`
		]);
	});

	it('reports wrong values at the value, with what was found', () => {
		const text = VALID.replace('version: 1.2.3', 'version: 1.2')
			.replace('ce_hours: 1', 'ce_hours: 0')
			.replace('disclosures: none', 'disclosures: none\npass_mark: 80\ndraft: "no"\nmax_attempts: 1.5');
		expect(check(text).messages).toEqual([
			`${FILE}:4:10: "version" must be a semantic version such as 1.0.0 (got 1.2)`,
			`${FILE}:5:11: "ce_hours" must be greater than 0 (got 0)`,
			`${FILE}:12:12: "pass_mark" must be at most 1 (got 80)`,
			`${FILE}:13:8: "draft" must be true or false (got "no")`,
			`${FILE}:14:15: "max_attempts" must be a whole number (got 1.5)`
		]);
	});

	it('reports missing and empty required fields', () => {
		const text = VALID.replace('disclosures: none\n', '').replace('summary: A demo.', 'summary:');
		expect(check(text).messages).toEqual([
			`${FILE}:2:1: missing required field "disclosures"`,
			`${FILE}:3:9: missing required field "summary"`
		]);
		expect(check(VALID.replace('    short: Smith, 2020\n', '')).messages).toEqual([
			`${FILE}:13:5: missing required field "references[0].short"`
		]);
		expect(check(VALID.replace('objectives:\n  - Name one thing.', 'objectives: []')).messages).toEqual([
			`${FILE}:6:13: "objectives" must list at least 1 item(s)`
		]);
	});

	it('checks reference keys and DOIs', () => {
		const text = VALID.replace('key: smith2020', 'key: Smith2020').replace(
			'apa: "Smith, A. (2020). Title."',
			'apa: "Smith, A. (2020). Title."\n    doi: https://doi.org/10.1/x'
		);
		expect(check(text).messages).toEqual([
			`${FILE}:13:10: "references[0].key" must be lowercase letters, digits and hyphens, e.g. flueckiger2018 (got "Smith2020")`,
			`${FILE}:16:10: "references[0].doi" must be a bare DOI such as 10.1037/pst0000172 (got "https://doi.org/10.1/x")`
		]);
	});

	it('requires front matter to be there at all', () => {
		expect(check('Just a body.\n').messages).toEqual([
			`${FILE}:1:1: missing front matter: the file must start with a "---" line`
		]);
	});
});
