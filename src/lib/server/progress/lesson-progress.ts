import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { lessonProgress, type LessonProgress } from '../db/schema';
import type { ModuleInfo } from '../content/load-module';
import { creditSeatTime } from './seat-time';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export type LessonStatus = 'not-started' | 'in-progress' | 'completed';

export interface LessonProgressView {
	slug: string;
	status: LessonStatus;
	activeSeconds: number;
}

export interface ModuleProgressView {
	lessons: LessonProgressView[];
	completed: number;
	started: boolean;
	allComplete: boolean;
	activeSeconds: number;
	/** Where Start/Resume leads: the first lesson not yet complete (or the first lesson). */
	resumeSlug: string;
}

/**
 * Without JavaScript the only sign of reading is the next request: the time since the learner's
 * last activity in this module is credited to the lesson that activity was on (within the caps).
 */
async function creditTimeSinceLastActivity(
	tx: Tx,
	userId: string,
	moduleSlug: string,
	currentLessonSlug: string,
	now: Date
) {
	const [latest] = await tx
		.select()
		.from(lessonProgress)
		.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.moduleSlug, moduleSlug)))
		.orderBy(desc(lessonProgress.lastActivityAt))
		.limit(1)
		.for('update');
	// With JavaScript the heartbeat measures reading; a page view would add the hidden-tab gap.
	if (!latest || latest.measuredByHeartbeat) return;
	const credit = creditSeatTime(
		{ lastCreditedAt: latest.lastActivityAt, activeSeconds: latest.activeSeconds },
		{ kind: 'page-view' },
		now
	);
	await tx
		.update(lessonProgress)
		.set({
			activeSeconds: latest.activeSeconds + credit.creditSeconds,
			// The lesson being opened becomes the latest activity; the one left keeps its time, so
			// the next page view credits the lesson now being read, not this one again.
			...(latest.lessonSlug === currentLessonSlug ? { lastActivityAt: credit.lastCreditedAt } : {})
		})
		.where(rowKey(latest));
}

function rowKey(row: Pick<LessonProgress, 'userId' | 'moduleSlug' | 'lessonSlug'>) {
	return and(
		eq(lessonProgress.userId, row.userId),
		eq(lessonProgress.moduleSlug, row.moduleSlug),
		eq(lessonProgress.lessonSlug, row.lessonSlug)
	);
}

async function touchLesson(
	tx: Tx,
	userId: string,
	module: ModuleInfo,
	lessonSlug: string,
	now: Date,
	completedAt: Date | null
) {
	await tx
		.insert(lessonProgress)
		.values({
			userId,
			moduleSlug: module.slug,
			lessonSlug,
			firstOpenedAt: now,
			completedAt,
			lastActivityAt: now,
			moduleVersion: module.version,
			contentHash: module.contentHash
		})
		.onConflictDoUpdate({
			target: [lessonProgress.userId, lessonProgress.moduleSlug, lessonProgress.lessonSlug],
			set: {
				lastActivityAt: now,
				moduleVersion: module.version,
				contentHash: module.contentHash,
				// Completion is kept once reached: reopening a lesson never un-completes it.
				completedAt: completedAt
					? sql`coalesce(${lessonProgress.completedAt}, ${completedAt.toISOString()}::timestamptz)`
					: sql`${lessonProgress.completedAt}`
			}
		});
}

/**
 * A page view of a lesson, or its "Mark lesson complete": credits no-JavaScript seat time for the
 * page being left and records the visit (completion is idempotent and keeps the first time).
 */
async function recordLessonVisit(
	db: Database,
	userId: string,
	module: ModuleInfo,
	lessonSlug: string,
	completes: boolean,
	now: Date
): Promise<void> {
	await db.transaction(async (tx) => {
		await creditTimeSinceLastActivity(tx, userId, module.slug, lessonSlug, now);
		await touchLesson(tx, userId, module, lessonSlug, now, completes ? now : null);
	});
}

export const recordLessonOpened = (
	db: Database,
	userId: string,
	module: ModuleInfo,
	lessonSlug: string,
	now = new Date()
) => recordLessonVisit(db, userId, module, lessonSlug, false, now);

export const completeLesson = (
	db: Database,
	userId: string,
	module: ModuleInfo,
	lessonSlug: string,
	now = new Date()
) => recordLessonVisit(db, userId, module, lessonSlug, true, now);

/**
 * A client heartbeat for an open lesson. The server decides what it is worth (see seat-time):
 * returns the seconds credited, or null when the lesson was never opened by this user.
 */
export async function recordHeartbeat(
	db: Database,
	userId: string,
	moduleSlug: string,
	lessonSlug: string,
	claimedSeconds: number,
	now = new Date()
): Promise<number | null> {
	return db.transaction(async (tx) => {
		const key = { userId, moduleSlug, lessonSlug };
		const [row] = await tx.select().from(lessonProgress).where(rowKey(key)).limit(1).for('update');
		if (!row) return null;
		const credit = creditSeatTime(
			{ lastCreditedAt: row.lastActivityAt, activeSeconds: row.activeSeconds },
			{ kind: 'heartbeat', claimedSeconds },
			now
		);
		await tx
			.update(lessonProgress)
			.set({
				activeSeconds: row.activeSeconds + credit.creditSeconds,
				lastActivityAt: credit.lastCreditedAt,
				measuredByHeartbeat: true
			})
			.where(rowKey(key));
		return credit.creditSeconds;
	});
}

function viewOf(module: ModuleInfo, rows: LessonProgress[]): ModuleProgressView {
	const bySlug = new Map(rows.map((r) => [r.lessonSlug, r]));
	const lessons = module.lessons.map((lesson): LessonProgressView => {
		const row = bySlug.get(lesson.slug);
		const status: LessonStatus = !row
			? 'not-started'
			: row.completedAt
				? 'completed'
				: 'in-progress';
		return { slug: lesson.slug, status, activeSeconds: row?.activeSeconds ?? 0 };
	});
	const completed = lessons.filter((l) => l.status === 'completed').length;
	const firstOpen = lessons.find((l) => l.status !== 'completed');
	return {
		lessons,
		completed,
		started: rows.length > 0,
		allComplete: lessons.length > 0 && completed === lessons.length,
		// Only lessons that still exist count: a removed lesson's time is not this version's seat time.
		activeSeconds: lessons.reduce((sum, l) => sum + l.activeSeconds, 0),
		resumeSlug: (firstOpen ?? lessons[0])!.slug
	};
}

export async function moduleProgress(
	db: Database,
	userId: string,
	module: ModuleInfo
): Promise<ModuleProgressView> {
	const rows = await db
		.select()
		.from(lessonProgress)
		.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.moduleSlug, module.slug)));
	return viewOf(module, rows);
}

/** Progress in every given module, in one query (the catalog page). */
export async function progressByModule(
	db: Database,
	userId: string,
	modules: ModuleInfo[]
): Promise<Map<string, ModuleProgressView>> {
	const rows = await db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId));
	return new Map(
		modules.map((m) => [
			m.slug,
			viewOf(
				m,
				rows.filter((r) => r.moduleSlug === m.slug)
			)
		])
	);
}
