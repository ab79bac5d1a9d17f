import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { reflections } from '../db/schema';

/** Saves (or replaces) a learner's private answer to one Reflection prompt. */
export async function saveReflection(
	db: Database,
	key: { userId: string; moduleSlug: string; reflectionId: string },
	answer: string,
	now = new Date()
): Promise<void> {
	await db
		.insert(reflections)
		.values({ ...key, answer, updatedAt: now })
		.onConflictDoUpdate({
			target: [reflections.userId, reflections.moduleSlug, reflections.reflectionId],
			set: { answer, updatedAt: now }
		});
}

/** The learner's own answers in one module, by reflection id. Never anyone else's. */
export async function reflectionsFor(
	db: Database,
	userId: string,
	moduleSlug: string
): Promise<Record<string, string>> {
	const rows = await db
		.select({ id: reflections.reflectionId, answer: reflections.answer })
		.from(reflections)
		.where(and(eq(reflections.userId, userId), eq(reflections.moduleSlug, moduleSlug)));
	return Object.fromEntries(rows.map((r) => [r.id, r.answer]));
}
