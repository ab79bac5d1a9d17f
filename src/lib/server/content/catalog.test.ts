import { describe, expect, it } from 'vitest';
import { buildCatalog, getCatalog, getLesson, getModule } from './catalog';

describe('catalog', () => {
	it('is built once from the bundled content/ folder', () => {
		const catalog = getCatalog();
		expect(getCatalog()).toBe(catalog);
		expect(catalog.modules.map((m) => m.slug)).toContain('therapeutic-alliance');
		expect(catalog.evaluation.items.length).toBeGreaterThan(0);
	});

	it('finds modules and lessons by their URL slugs', () => {
		expect(getModule('therapeutic-alliance')?.title).toBe('The Therapeutic Alliance');
		expect(getLesson('therapeutic-alliance', 'what-the-alliance-is')?.lesson.number).toBe(1);
		expect(getLesson('therapeutic-alliance', '01-what-the-alliance-is')).toBeUndefined();
		expect(getModule('nope')).toBeUndefined();
	});

	it('refuses to build from content with errors or without evaluation.md', () => {
		expect(() => buildCatalog({ 'content/x/01-a.md': '---\ntitle: A\nminutes: 1\n---\n' })).toThrow(
			/content\/x\/01-a\.md:1:1: module "x" has no index\.md/
		);
		expect(() => buildCatalog({})).toThrow(/content\/evaluation\.md: missing/);
	});
});
