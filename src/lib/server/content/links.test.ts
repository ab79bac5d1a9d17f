import { describe, expect, it } from 'vitest';
import { checkLink } from './links';

const site = new Map([['therapeutic-alliance', new Set(['what-the-alliance-is'])]]);

describe('checkLink', () => {
	it.each([
		'https://doi.org/10.1037/pst0000172',
		'mailto:help@example.org',
		'#ref-bordin1979',
		'/modules',
		'/modules/',
		'/modules/therapeutic-alliance',
		'/modules/therapeutic-alliance/what-the-alliance-is',
		'/modules/therapeutic-alliance/what-the-alliance-is#summary',
		'/modules/therapeutic-alliance/post-test',
		'/modules/therapeutic-alliance/evaluation',
		'/assessment/hope',
		'/assessment/hope?from=lesson',
		'/account',
		'/certificates'
	])('accepts %s', (url) => {
		expect(checkLink(url, site)).toBeUndefined();
	});

	it('rejects links to modules and lessons that do not exist', () => {
		expect(checkLink('/modules/alliance', site)).toEqual({
			severity: 'error',
			message: 'broken link /modules/alliance: there is no module "alliance"'
		});
		expect(checkLink('/modules/therapeutic-alliance/01-what-the-alliance-is', site)).toEqual({
			severity: 'error',
			message:
				'broken link /modules/therapeutic-alliance/01-what-the-alliance-is: module "therapeutic-alliance" has no lesson "01-what-the-alliance-is"'
		});
		expect(checkLink('/modules/therapeutic-alliance/what-the-alliance-is/x', site)).toEqual({
			severity: 'error',
			message: 'broken link /modules/therapeutic-alliance/what-the-alliance-is/x: no such page'
		});
	});

	it('rejects relative links and warns about unknown site pages', () => {
		expect(checkLink('02-what-the-evidence-shows.md', site)?.severity).toBe('error');
		expect(checkLink('/assessment/hopes', site)).toEqual({
			severity: 'warning',
			message: 'link to /assessment/hopes: not a page this site is known to have'
		});
	});
});
