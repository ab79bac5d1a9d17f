import { describe, expect, it } from 'vitest';
import { getCatalog } from './catalog';
import type { ModuleInfo } from './load-module';
import { visibleModule, visibleModules } from './visibility';

const published = getCatalog().modules[0]!;
const draft: ModuleInfo = { ...published, slug: 'work-in-progress', title: 'Work in progress', draft: true };
const modules = [published, draft];

describe('draft modules', () => {
	it('are hidden from visitors and learners, as if they did not exist', () => {
		for (const user of [null, { role: 'learner' as const }]) {
			expect(visibleModules(user, modules).map((m) => m.slug)).toEqual([published.slug]);
			expect(visibleModule(user, 'work-in-progress', modules)).toBeUndefined();
		}
	});

	it('are shown to authors and administrators', () => {
		for (const role of ['author', 'admin'] as const) {
			expect(visibleModules({ role }, modules).map((m) => m.slug)).toEqual([published.slug, draft.slug]);
			expect(visibleModule({ role }, 'work-in-progress', modules)?.draft).toBe(true);
		}
	});
});
