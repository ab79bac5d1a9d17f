import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalog } from '../content/catalog';
import type { ModuleInfo } from '../content/load-module';
import type { DatabaseHandle } from '../db';
import { openTestDatabase } from '../db/test-database';
import { createUser } from '../auth/users';
import {
	completeLesson,
	moduleProgress,
	recordHeartbeat,
	recordLessonOpened
} from './lesson-progress';
import { reflectionsFor, saveReflection } from './reflections';

let h: DatabaseHandle;
let userId: string;
let otherId: string;
const module = getCatalog().modules.find((m) => m.slug === 'common-factors')!;
const [first, second] = module.lessons;
const t0 = new Date('2026-05-01T09:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

beforeAll(async () => {
	h = await openTestDatabase();
	userId = (await createUser(h.db, { email: 'p@example.org', name: 'P', password: null })).id;
	otherId = (await createUser(h.db, { email: 'q@example.org', name: 'Q', password: null })).id;
});
afterAll(() => h.close());

describe('lesson progress', () => {
	it('without JavaScript, credits the time between page views (within the cap) to the lesson left', async () => {
		await recordLessonOpened(h.db, userId, module, first!.slug, at(0));
		await recordLessonOpened(h.db, userId, module, second!.slug, at(160));
		await completeLesson(h.db, userId, module, first!.slug, at(170));

		const progress = await moduleProgress(h.db, userId, module);
		expect(progress.lessons[0]).toMatchObject({ status: 'completed', activeSeconds: 160 });
		expect(progress.lessons[1]).toMatchObject({ status: 'in-progress', activeSeconds: 10 });
		expect(progress.lessons[2]).toMatchObject({ status: 'not-started', activeSeconds: 0 });
		expect(progress).toMatchObject({
			completed: 1,
			started: true,
			allComplete: false,
			resumeSlug: second!.slug
		});
	});

	it('with JavaScript, counts heartbeats within the caps and no page-view gaps', async () => {
		const js = (await createUser(h.db, { email: 'js@example.org', name: 'J', password: null })).id;
		await recordLessonOpened(h.db, js, module, first!.slug, at(0));
		expect(await recordHeartbeat(h.db, js, module.slug, first!.slug, 30, at(30))).toBe(30);
		// A forged claim gains no more than the time that passed.
		expect(await recordHeartbeat(h.db, js, module.slug, first!.slug, 3600, at(40))).toBe(10);
		// The tab was hidden for four minutes, then the reader moved on: that gap is not reading.
		await recordLessonOpened(h.db, js, module, second!.slug, at(280));
		const progress = await moduleProgress(h.db, js, module);
		expect(progress.lessons[0]!.activeSeconds).toBe(40);
	});

	it('keeps completion when the lesson is reopened, and does not count a gap of hours', async () => {
		await recordLessonOpened(h.db, userId, module, first!.slug, at(5 * 3600));
		const progress = await moduleProgress(h.db, userId, module);
		expect(progress.lessons[0]!.status).toBe('completed');
		expect(progress.activeSeconds).toBeLessThanOrEqual(170);
	});

	it('keeps progress for a new module version (lessons matched by slug)', async () => {
		const v2: ModuleInfo = { ...module, version: '2.0.0', contentHash: 'f'.repeat(64) };
		const progress = await moduleProgress(h.db, userId, v2);
		expect(progress.lessons[0]!.status).toBe('completed');
		await recordLessonOpened(h.db, userId, v2, first!.slug, at(5 * 3600 + 10));
		expect((await moduleProgress(h.db, userId, v2)).completed).toBe(1);
	});

	it('refuses a heartbeat for a lesson never opened', async () => {
		expect(await recordHeartbeat(h.db, otherId, module.slug, first!.slug, 30, at(10))).toBeNull();
	});
});

describe('reflections', () => {
	it('are private to their author and can be updated', async () => {
		const key = { moduleSlug: module.slug, reflectionId: 'frank-features-client' };
		await saveReflection(h.db, { ...key, userId }, 'first thoughts');
		await saveReflection(h.db, { ...key, userId }, 'second thoughts');
		expect(await reflectionsFor(h.db, userId, module.slug)).toEqual({
			'frank-features-client': 'second thoughts'
		});
		expect(await reflectionsFor(h.db, otherId, module.slug)).toEqual({});
	});
});
