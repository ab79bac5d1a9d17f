import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ModuleInfo } from '../content/load-module';
import type { Database } from '../db';
import { attemptGrants, quizAttempts, users } from '../db/schema';
import type { FieldErrors } from '../forms/parse';
import { moduleProgress, type ModuleProgressView } from '../progress/lesson-progress';
import { drawAttempt, publicView, type DrawnAttempt, type PublicQuestion } from './draw';
import { gradeAttempt, parseSubmittedAnswers, type ParsedAnswers } from './grade';
import { generateSeed } from './random';
import { reviewView, type AttemptReview } from './review';
import { readDrawnAttempt } from './snapshot';

type Queryable = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

/** Why a new attempt cannot start. */
export type StartRefusal = 'no-post-test' | 'lessons-incomplete' | 'passed' | 'attempts-used';

export interface PostTestStatus {
	/** Lessons not yet marked complete, in module order: the post-test opens when this is empty. */
	lessonsRemaining: { slug: string; title: string }[];
	/** Attempts started, the open one included. */
	attemptsUsed: number;
	/** `max_attempts` plus granted extra attempts; null when unlimited (`max_attempts: 0`). */
	attemptsAllowed: number | null;
	/** null when unlimited. */
	attemptsLeft: number | null;
	extraAttemptsGranted: number;
	passed: boolean;
	openAttemptId: string | null;
	/** Why "Start attempt" would be refused now; null when it would start (or resume) one. */
	blocked: StartRefusal | null;
}

export type StartResult =
	| { ok: true; attemptId: string; resumed: boolean }
	| { ok: false; reason: StartRefusal; message: string };

/** The summary of a graded attempt, as recorded: it never changes once written. */
export interface GradedSummary {
	attemptId: string;
	moduleSlug: string;
	right: number;
	total: number;
	score: number;
	passed: boolean;
	submittedAt: Date;
}

export type SubmitResult =
	/** `recorded` is false when this repeated the submission that was already graded. */
	| { ok: true; recorded: boolean; grade: GradedSummary }
	| { ok: false; reason: 'not-found' }
	| { ok: false; reason: 'invalid'; message: string; fieldErrors: FieldErrors }
	/** A different submission for an attempt that is already graded: refused, grade unchanged. */
	| { ok: false; reason: 'already-graded'; message: string; grade: GradedSummary };

interface AttemptHeader {
	id: string;
	moduleSlug: string;
	moduleVersion: string;
	startedAt: Date;
}

/** What a route may show of an attempt: an open one without its key, a graded one with it. */
export type AttemptView =
	| (AttemptHeader & { state: 'open'; questions: readonly PublicQuestion[] })
	| (AttemptHeader & { state: 'graded'; submittedAt: Date; review: AttemptReview });

export interface AttemptHistoryEntry {
	id: string;
	/** 1-based, in the order the attempts were started. */
	number: number;
	startedAt: Date;
	/** Null while the attempt is open. */
	submittedAt: Date | null;
	right: number | null;
	total: number;
	score: number | null;
	passed: boolean | null;
}

const ATTEMPT_ID = /^[a-z2-7]{26}$/;
const START_RETRIES = 3;

const storedAnswersSchema = z.record(z.string(), z.array(z.string()));

/** 128 random bits, base32 (26 characters): attempt ids are unguessable, like certificate ids. */
export function generateAttemptId(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

const refusalMessages: Record<StartRefusal, (status: PostTestStatus) => string> = {
	'no-post-test': () => 'This module has no post-test.',
	'lessons-incomplete': (status) =>
		`Complete every lesson before the post-test. Still to complete: ${status.lessonsRemaining
			.map((lesson) => lesson.title)
			.join('; ')}.`,
	passed: () => 'You have passed this post-test. A passed post-test cannot be retaken for credit.',
	'attempts-used': (status) =>
		`You have used all ${status.attemptsAllowed} attempts at this post-test. An administrator can grant you another attempt.`
};

/** A clear sentence for a refused start, naming the lessons left or the attempts used. */
export function startRefusalMessage(reason: StartRefusal, status: PostTestStatus): string {
	return refusalMessages[reason](status);
}

async function attemptCounts(q: Queryable, userId: string, moduleSlug: string) {
	const [rows, [grants]] = await Promise.all([
		q
			.select({
				id: quizAttempts.id,
				submittedAt: quizAttempts.submittedAt,
				passed: quizAttempts.passed
			})
			.from(quizAttempts)
			.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.moduleSlug, moduleSlug))),
		q
			.select({ extra: sql<number>`coalesce(sum(${attemptGrants.extraAttempts}), 0)::int` })
			.from(attemptGrants)
			.where(and(eq(attemptGrants.userId, userId), eq(attemptGrants.moduleSlug, moduleSlug)))
	]);
	return {
		used: rows.length,
		extra: Number(grants?.extra ?? 0),
		passed: rows.some((row) => row.passed === true),
		openAttemptId: rows.find((row) => row.submittedAt === null)?.id ?? null
	};
}

function statusOf(
	module: ModuleInfo,
	lessonsRemaining: PostTestStatus['lessonsRemaining'],
	counts: Awaited<ReturnType<typeof attemptCounts>>
): PostTestStatus {
	const attemptsAllowed = module.maxAttempts === 0 ? null : module.maxAttempts + counts.extra;
	const attemptsLeft = attemptsAllowed === null ? null : Math.max(0, attemptsAllowed - counts.used);
	let blocked: StartRefusal | null = null;
	if (!module.bank) blocked = 'no-post-test';
	else if (counts.openAttemptId) blocked = null;
	else if (lessonsRemaining.length > 0) blocked = 'lessons-incomplete';
	else if (counts.passed) blocked = 'passed';
	else if (attemptsLeft === 0) blocked = 'attempts-used';
	return {
		lessonsRemaining,
		attemptsUsed: counts.used,
		attemptsAllowed,
		attemptsLeft,
		extraAttemptsGranted: counts.extra,
		passed: counts.passed,
		openAttemptId: counts.openAttemptId,
		blocked
	};
}

async function lessonsRemaining(
	db: Database,
	userId: string,
	module: ModuleInfo,
	known?: ModuleProgressView
) {
	const progress = known ?? (await moduleProgress(db, userId, module));
	return module.lessons
		.filter((_, index) => progress.lessons[index]?.status !== 'completed')
		.map((lesson) => ({ slug: lesson.slug, title: lesson.title }));
}

/**
 * Where a learner stands with a module's post-test: lessons still to complete, attempts used and
 * allowed (administrators' grants included), whether it is passed, and the open attempt if any.
 * A page that has already read the learner's progress in this module passes it in.
 */
export async function postTestStatus(
	db: Database,
	userId: string,
	module: ModuleInfo,
	progress?: ModuleProgressView
): Promise<PostTestStatus> {
	const [remaining, counts] = await Promise.all([
		lessonsRemaining(db, userId, module, progress),
		attemptCounts(db, userId, module.slug)
	]);
	return statusOf(module, remaining, counts);
}

/**
 * "Start attempt": draws `questions_per_attempt` questions and stores the draw as a snapshot.
 * Returns the open attempt instead when there is one, so a second tab or device resumes it.
 * Refuses while lessons remain, after a pass, and when the attempts (grants included) are used.
 * Starts of one learner are serialised by a row lock on the user, so two at once can neither
 * exceed the cap nor open two attempts; the partial unique index is the last line of defence.
 */
export async function startAttempt(
	db: Database,
	userId: string,
	module: ModuleInfo,
	now = new Date()
): Promise<StartResult> {
	const remaining = await lessonsRemaining(db, userId, module);
	for (let attempt = 0; attempt < START_RETRIES; attempt++) {
		const result = await db.transaction(async (tx): Promise<StartResult | null> => {
			await tx
				.select({ id: users.id })
				.from(users)
				.where(eq(users.id, userId))
				.for('no key update');
			const status = statusOf(module, remaining, await attemptCounts(tx, userId, module.slug));
			if (status.openAttemptId) {
				return { ok: true, attemptId: status.openAttemptId, resumed: true };
			}
			if (status.blocked || !module.bank) {
				const reason = status.blocked ?? 'no-post-test';
				return { ok: false, reason, message: startRefusalMessage(reason, status) };
			}
			const seed = generateSeed();
			const drawn = drawAttempt(module.bank, module.questionsPerAttempt, seed);
			const [row] = await tx
				.insert(quizAttempts)
				.values({
					id: generateAttemptId(),
					userId,
					moduleSlug: module.slug,
					moduleVersion: module.version,
					contentHash: module.contentHash,
					seed,
					drawn,
					passMark: module.passMark,
					startedAt: now,
					totalCount: drawn.questions.length
				})
				.onConflictDoNothing()
				.returning({ id: quizAttempts.id });
			if (!row) return null;
			rememberSnapshot(db, row.id, {
				userId,
				moduleSlug: module.slug,
				passMark: module.passMark,
				drawn
			});
			return { ok: true, attemptId: row.id, resumed: false };
		});
		if (result) return result;
	}
	throw new Error(`Could not start a post-test attempt for module ${module.slug}.`);
}

/** Everything of an attempt row but its snapshot (the one large column). */
const rowColumns = {
	id: quizAttempts.id,
	userId: quizAttempts.userId,
	moduleSlug: quizAttempts.moduleSlug,
	moduleVersion: quizAttempts.moduleVersion,
	startedAt: quizAttempts.startedAt,
	passMark: quizAttempts.passMark,
	submittedAt: quizAttempts.submittedAt,
	answers: quizAttempts.answers,
	rightCount: quizAttempts.rightCount,
	totalCount: quizAttempts.totalCount,
	score: quizAttempts.score,
	passed: quizAttempts.passed
};

/**
 * A snapshot never changes once drawn, nor do its owner, module and pass mark, so each process
 * keeps the most recent ones (per database handle): a submit can then grade at once and record
 * with one conditional update, and a read fetches only the small columns that do change.
 * Ownership is still checked against the database on every read and write.
 */
const SNAPSHOT_CACHE_SIZE = 1000;
interface CachedAttempt {
	userId: string;
	moduleSlug: string;
	passMark: number;
	drawn: DrawnAttempt;
	/** Set once this process has seen it graded, so a repeat goes straight to the recorded grade. */
	graded?: boolean;
}
const snapshotCaches = new WeakMap<object, Map<string, CachedAttempt>>();

function snapshotCache(db: Database): Map<string, CachedAttempt> {
	let cache = snapshotCaches.get(db);
	if (!cache) snapshotCaches.set(db, (cache = new Map()));
	return cache;
}

function rememberSnapshot(db: Database, attemptId: string, entry: CachedAttempt): DrawnAttempt {
	const cache = snapshotCache(db);
	cache.set(attemptId, entry);
	if (cache.size > SNAPSHOT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
	return entry.drawn;
}

/** Empties this process's cache, as a restart would; every path must still work without it. */
export function forgetCachedAttempts(db: Database): void {
	snapshotCache(db).clear();
}

async function findAttemptRow(db: Database, userId: string, attemptId: string) {
	const [row] = await db
		.select(rowColumns)
		.from(quizAttempts)
		.where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)))
		.limit(1);
	return row ?? null;
}

/** The user's attempt with its snapshot, or null when there is no such attempt of theirs. */
async function findAttempt(db: Database, userId: string, attemptId: string) {
	if (!ATTEMPT_ID.test(attemptId)) return null;
	const cached = snapshotCache(db).get(attemptId);
	if (cached) {
		const row = await findAttemptRow(db, userId, attemptId);
		return row ? { row, drawn: cached.drawn } : null;
	}
	const [found] = await db
		.select({ ...rowColumns, drawn: quizAttempts.drawn })
		.from(quizAttempts)
		.where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)))
		.limit(1);
	if (!found) return null;
	const { drawn, ...row } = found;
	const entry = { userId, moduleSlug: row.moduleSlug, passMark: row.passMark };
	return {
		row,
		drawn: rememberSnapshot(db, attemptId, { ...entry, drawn: readDrawnAttempt(drawn) })
	};
}

type AttemptRow = NonNullable<Awaited<ReturnType<typeof findAttemptRow>>>;

function summaryOf(row: AttemptRow): GradedSummary {
	if (
		row.submittedAt === null ||
		row.rightCount === null ||
		row.score === null ||
		row.passed === null
	) {
		throw new Error(`Attempt ${row.id} is not graded.`);
	}
	return {
		attemptId: row.id,
		moduleSlug: row.moduleSlug,
		right: row.rightCount,
		total: row.totalCount,
		score: row.score,
		passed: row.passed,
		submittedAt: row.submittedAt
	};
}

function storedAnswers(row: AttemptRow): Record<string, string[]> {
	const parsed = storedAnswersSchema.safeParse(row.answers);
	if (!parsed.success) throw new Error(`Attempt ${row.id} has damaged stored answers.`);
	return parsed.data;
}

function sameAnswers(
	drawn: DrawnAttempt,
	a: Record<string, string[]>,
	b: Record<string, string[]>
) {
	return drawn.questions.every((question) => {
		const x = a[question.id] ?? [];
		const y = b[question.id] ?? [];
		return x.length === y.length && x.every((id, i) => id === y[i]);
	});
}

/** A submission for an attempt that is already graded: the same answers again, or a refusal. */
function repeatOf(row: AttemptRow, drawn: DrawnAttempt, parsed: ParsedAnswers): SubmitResult {
	const grade = summaryOf(row);
	if (parsed.ok && sameAnswers(drawn, parsed.answers, storedAnswers(row))) {
		return { ok: true, recorded: false, grade };
	}
	return {
		ok: false,
		reason: 'already-graded',
		message: 'This attempt was already submitted and graded; its result cannot change.',
		grade
	};
}

/**
 * Grades a submission against the attempt's stored snapshot and records it with one conditional
 * update (`submitted_at is null`), so of any number of concurrent submits exactly one is
 * recorded. Repeating the graded submission returns the recorded grade (a double click, a
 * resubmitted form); any other submission for a graded attempt is refused and changes nothing.
 * Another user's attempt, or one of another module, is `not-found`.
 */
export async function submitAttempt(
	db: Database,
	userId: string,
	attemptId: string,
	submitted: Iterable<readonly [string, FormDataEntryValue]>,
	now = new Date(),
	options: { moduleSlug?: string; allowedFields?: readonly string[] } = {}
): Promise<SubmitResult> {
	const entries = [...submitted];
	const fast = await submitFromCache(db, userId, attemptId, entries, now, options);
	if (fast) return fast;
	const found = await findAttempt(db, userId, attemptId);
	if (!found || (options.moduleSlug !== undefined && found.row.moduleSlug !== options.moduleSlug)) {
		return { ok: false, reason: 'not-found' };
	}
	const { row, drawn } = found;
	const parsed = parseSubmittedAnswers(drawn, entries, { allowedFields: options.allowedFields });
	if (row.submittedAt !== null) {
		const cached = snapshotCache(db).get(attemptId);
		if (cached) cached.graded = true;
		return repeatOf(row, drawn, parsed);
	}
	if (!parsed.ok) {
		return {
			ok: false,
			reason: 'invalid',
			message: parsed.message,
			fieldErrors: parsed.fieldErrors
		};
	}
	const grade = gradeAttempt(drawn, parsed.answers, row.passMark);
	const recorded = await recordGrade(db, userId, row.id, parsed.answers, grade, now);
	if (recorded) return { ok: true, recorded: true, grade: summaryOf(recorded) };
	// Another request graded it between our read and our update: answer as a repeat of that one.
	const winner = await findAttemptRow(db, userId, attemptId);
	if (!winner) return { ok: false, reason: 'not-found' };
	return repeatOf(winner, drawn, parsed);
}

/**
 * The common case in one statement: a valid first submission of an attempt this process drew.
 * Returns null whenever the general path must decide (not cached, not this user's or module's,
 * invalid answers, or the conditional update matched nothing because it is already graded).
 */
async function submitFromCache(
	db: Database,
	userId: string,
	attemptId: string,
	entries: (readonly [string, FormDataEntryValue])[],
	now: Date,
	options: { moduleSlug?: string; allowedFields?: readonly string[] }
): Promise<SubmitResult | null> {
	const cached = snapshotCache(db).get(attemptId);
	if (!cached || cached.graded || cached.userId !== userId) return null;
	if (options.moduleSlug !== undefined && cached.moduleSlug !== options.moduleSlug) return null;
	const parsed = parseSubmittedAnswers(cached.drawn, entries, {
		allowedFields: options.allowedFields
	});
	if (!parsed.ok) return null;
	const grade = gradeAttempt(cached.drawn, parsed.answers, cached.passMark);
	const recorded = await recordGrade(db, userId, attemptId, parsed.answers, grade, now);
	cached.graded = true; // by this request, or (when nothing was recorded) by another one
	return recorded ? { ok: true, recorded: true, grade: summaryOf(recorded) } : null;
}

/** Records a grade only if the attempt is the user's and still open: exactly one submit wins. */
async function recordGrade(
	db: Database,
	userId: string,
	attemptId: string,
	answers: Record<string, string[]>,
	grade: ReturnType<typeof gradeAttempt>,
	now: Date
): Promise<AttemptRow | null> {
	const [recorded] = await db
		.update(quizAttempts)
		.set({
			submittedAt: now,
			answers,
			rightCount: grade.right,
			score: grade.score,
			passed: grade.passed
		})
		.where(
			and(
				eq(quizAttempts.id, attemptId),
				eq(quizAttempts.userId, userId),
				isNull(quizAttempts.submittedAt)
			)
		)
		.returning(rowColumns);
	return recorded ?? null;
}

/**
 * One of the user's attempts as a route may show it, or null when it is not theirs (or no such
 * attempt exists): an open attempt carries only the public view, a graded one its review.
 */
export async function getAttemptForUser(
	db: Database,
	userId: string,
	attemptId: string
): Promise<AttemptView | null> {
	const found = await findAttempt(db, userId, attemptId);
	if (!found) return null;
	const { row, drawn } = found;
	const header: AttemptHeader = {
		id: row.id,
		moduleSlug: row.moduleSlug,
		moduleVersion: row.moduleVersion,
		startedAt: row.startedAt
	};
	if (row.submittedAt === null) {
		return { ...header, state: 'open', questions: publicView(drawn).questions };
	}
	const recorded = summaryOf(row);
	const review = reviewView(drawn, gradeAttempt(drawn, storedAnswers(row), row.passMark));
	// The recorded grade is final: if grading rules ever change, old results still read as given.
	review.right = recorded.right;
	review.score = recorded.score;
	review.passed = recorded.passed;
	return { ...header, state: 'graded', submittedAt: recorded.submittedAt, review };
}

/** The user's attempts at a module's post-test, oldest first. */
export async function attemptHistory(
	db: Database,
	userId: string,
	moduleSlug: string
): Promise<AttemptHistoryEntry[]> {
	const rows = await db
		.select({
			id: quizAttempts.id,
			startedAt: quizAttempts.startedAt,
			submittedAt: quizAttempts.submittedAt,
			right: quizAttempts.rightCount,
			total: quizAttempts.totalCount,
			score: quizAttempts.score,
			passed: quizAttempts.passed
		})
		.from(quizAttempts)
		.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.moduleSlug, moduleSlug)))
		.orderBy(asc(quizAttempts.startedAt), asc(quizAttempts.id));
	return rows.map((row, index) => ({ ...row, number: index + 1 }));
}
