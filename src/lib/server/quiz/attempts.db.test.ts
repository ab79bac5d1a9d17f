import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { getCatalog } from '../content/catalog';
import type { ModuleInfo } from '../content/load-module';
import type { DatabaseHandle } from '../db';
import { attemptGrants, quizAttempts } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { completeLesson } from '../progress/lesson-progress';
import {
	attemptHistory,
	forgetCachedAttempts,
	generateAttemptId,
	getAttemptForUser,
	postTestStatus,
	startAttempt,
	submitAttempt
} from './attempts';
import { answerFieldName, type DrawnAttempt } from './draw';
import { readDrawnAttempt } from './snapshot';
import { fixtureBank } from './test-fixtures';

let h: DatabaseHandle;
let users = 0;
const t0 = new Date('2026-06-01T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** A real module's lessons with the five-question fixture bank: 3 questions, 3 attempts, 2/3 to pass. */
function testModule(changes: Partial<ModuleInfo> = {}): ModuleInfo {
	const base = getCatalog().modules.find((m) => m.slug === 'common-factors')!;
	return {
		...base,
		bank: fixtureBank(),
		questionsPerAttempt: 3,
		maxAttempts: 3,
		passMark: 0.6,
		...changes
	};
}

async function learner(module: ModuleInfo, completeLessons = true): Promise<string> {
	users += 1;
	const email = `attempt-${users}@example.org`;
	const { id } = await createUser(h.db, { email, name: `Learner ${users}`, password: null });
	if (completeLessons) {
		for (const lesson of module.lessons) await completeLesson(h.db, id, module, lesson.slug, t0);
	}
	return id;
}

async function drawnOf(attemptId: string): Promise<DrawnAttempt> {
	const [row] = await h.db
		.select({ drawn: quizAttempts.drawn })
		.from(quizAttempts)
		.where(eq(quizAttempts.id, attemptId));
	return readDrawnAttempt(row!.drawn);
}

/** Form entries answering every question right, or every question wrong. */
async function answers(attemptId: string, right: boolean): Promise<[string, string][]> {
	const drawn = await drawnOf(attemptId);
	return drawn.questions.flatMap((question) => {
		const name = answerFieldName(question.id);
		if (right) return question.correctOptionIds.map((id): [string, string] => [name, id]);
		const wrong = question.options.find((o) => !question.correctOptionIds.includes(o.id))!;
		return [[name, wrong.id]];
	});
}

async function started(userId: string, module: ModuleInfo, minutes = 0): Promise<string> {
	const result = await startAttempt(h.db, userId, module, at(minutes));
	if (!result.ok) throw new Error(result.message);
	return result.attemptId;
}

async function rowsOf(userId: string) {
	return h.db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId));
}

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(() => h.close());

describe('starting a post-test attempt', () => {
	it('refuses until every lesson is complete and names the lessons left', async () => {
		const module = testModule();
		const userId = await learner(module, false);
		await completeLesson(h.db, userId, module, module.lessons[0]!.slug, t0);
		const status = await postTestStatus(h.db, userId, module);
		expect(status.blocked).toBe('lessons-incomplete');
		expect(status.lessonsRemaining.map((l) => l.slug)).toEqual(
			module.lessons.slice(1).map((l) => l.slug)
		);
		const result = await startAttempt(h.db, userId, module, t0);
		expect(result).toMatchObject({ ok: false, reason: 'lessons-incomplete' });
		expect(!result.ok && result.message).toContain(module.lessons[1]!.title);
		expect(await rowsOf(userId)).toHaveLength(0);
	});

	it('stores the draw, and a reload or another device gets the same open attempt', async () => {
		const module = testModule();
		const userId = await learner(module);
		const first = await startAttempt(h.db, userId, module, t0);
		expect(first).toMatchObject({ ok: true, resumed: false });
		const again = await startAttempt(h.db, userId, module, at(1));
		expect(again).toEqual({ ok: true, attemptId: first.ok && first.attemptId, resumed: true });
		const id = first.ok ? first.attemptId : '';
		expect(id).toMatch(/^[a-z2-7]{26}$/);

		const view = await getAttemptForUser(h.db, userId, id);
		const other = await getAttemptForUser(h.db, userId, id);
		expect(view).toEqual(other);
		expect(view?.state).toBe('open');
		if (view?.state !== 'open') return;
		expect(view.questions.map((q) => q.id)).toEqual((await drawnOf(id)).questions.map((q) => q.id));
		const json = JSON.stringify(view).toLowerCase();
		for (const marker of ['correct', 'explanation', 'sourceid']) expect(json).not.toContain(marker);

		const status = await postTestStatus(h.db, userId, module);
		expect(status).toMatchObject({
			attemptsUsed: 1,
			attemptsAllowed: 3,
			attemptsLeft: 2,
			openAttemptId: id,
			passed: false,
			blocked: null
		});
	});

	it("answers null for another user's attempt and for malformed ids", async () => {
		const module = testModule();
		const owner = await learner(module);
		const stranger = await learner(module);
		const id = await started(owner, module);
		expect(await getAttemptForUser(h.db, stranger, id)).toBeNull();
		expect(await getAttemptForUser(h.db, owner, 'not-an-id')).toBeNull();
		expect(await getAttemptForUser(h.db, owner, `${id}x`)).toBeNull();
		const submit = await submitAttempt(h.db, stranger, id, await answers(id, true), t0);
		expect(submit).toEqual({ ok: false, reason: 'not-found' });
		const wrongModule = await submitAttempt(h.db, owner, id, await answers(id, true), t0, {
			moduleSlug: 'therapeutic-alliance'
		});
		expect(wrongModule).toEqual({ ok: false, reason: 'not-found' });
		expect((await getAttemptForUser(h.db, owner, id))?.state).toBe('open');
	});

	it('opens exactly one attempt under 20 concurrent starts', async () => {
		const module = testModule();
		const userId = await learner(module);
		const results = await Promise.all(
			Array.from({ length: 20 }, () => startAttempt(h.db, userId, module, t0))
		);
		const ids = new Set(results.map((r) => (r.ok ? r.attemptId : r.reason)));
		expect(ids.size).toBe(1);
		expect(results.filter((r) => r.ok && !r.resumed)).toHaveLength(1);
		expect(await rowsOf(userId)).toHaveLength(1);
	});
});

describe('submitting', () => {
	it('refuses incomplete or foreign answers with a message and records nothing', async () => {
		const module = testModule();
		const userId = await learner(module);
		const id = await started(userId, module);
		const good = await answers(id, true);
		const drawn = await drawnOf(id);
		const outside = fixtureBank().questions.find(
			(q) => !drawn.questions.some((d) => d.id === q.id)
		)!;
		const cases: [string, [string, string][], RegExp][] = [
			['missing answer', good.filter(([name]) => name !== good[0]![0]), /unanswered/],
			['unknown option', [...good.slice(1), [good[0]![0], 'zz']], /not one of its options/],
			[
				'question outside the attempt',
				[...good, [answerFieldName(outside.id), 'a']],
				/not a question in this attempt/
			]
		];
		for (const [what, entries, message] of cases) {
			const result = await submitAttempt(h.db, userId, id, entries, t0);
			expect(result, what).toMatchObject({ ok: false, reason: 'invalid' });
			expect(!result.ok && result.reason === 'invalid' && result.message, what).toMatch(message);
		}
		const [row] = await rowsOf(userId);
		expect(row).toMatchObject({ submittedAt: null, answers: null, score: null, passed: null });
	});

	it('grades with the snapshot: score = right / drawn, pass against the stored pass mark', async () => {
		const module = testModule();
		const userId = await learner(module);
		const id = await started(userId, module);
		const drawn = await drawnOf(id);
		const right = await answers(id, true);
		const wrong = await answers(id, false);
		// First question wrong, the other two right: 2/3 passes a pass mark of 0.6.
		const mixed = [
			...wrong.filter(([name]) => name === answerFieldName(drawn.questions[0]!.id)),
			...right.filter(([name]) => name !== answerFieldName(drawn.questions[0]!.id))
		];
		const result = await submitAttempt(h.db, userId, id, mixed, at(5));
		expect(result).toMatchObject({
			ok: true,
			recorded: true,
			grade: { attemptId: id, right: 2, total: 3, passed: true }
		});
		expect(result.ok && result.grade.score).toBeCloseTo(2 / 3, 5);
		const view = await getAttemptForUser(h.db, userId, id);
		expect(view?.state).toBe('graded');
		if (view?.state !== 'graded') return;
		expect(view.review.questions.map((q) => q.correct)).toEqual([false, true, true]);
		expect(view.review.questions[0]!.explanationHtml).toBe(drawn.questions[0]!.explanationHtml);
		expect(view.submittedAt).toEqual(at(5));
	});

	it('records exactly one grade for 50 concurrent submissions, and all see the same result', async () => {
		const module = testModule();
		const userId = await learner(module);
		const id = await started(userId, module);
		const entries = await answers(id, true);
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) => submitAttempt(h.db, userId, id, entries, at(10 + i)))
		);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(results.filter((r) => r.ok && r.recorded)).toHaveLength(1);
		const grades = results.map((r) => (r.ok ? r.grade : null));
		for (const grade of grades) expect(grade).toEqual(grades[0]);
		const rows = await rowsOf(userId);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.submittedAt).toEqual(grades[0]!.submittedAt);
		expect(rows[0]).toMatchObject({ rightCount: 3, passed: true });
	});

	it('keeps a graded attempt unchanged: a repeat returns it, different answers are refused', async () => {
		const module = testModule();
		const userId = await learner(module);
		const id = await started(userId, module);
		const wrong = await answers(id, false);
		const first = await submitAttempt(h.db, userId, id, wrong, at(1));
		expect(first).toMatchObject({ ok: true, recorded: true, grade: { right: 0, passed: false } });
		const before = await rowsOf(userId);

		const repeat = await submitAttempt(h.db, userId, id, wrong, at(2));
		expect(repeat).toEqual({ ok: true, recorded: false, grade: first.ok && first.grade });
		for (const entries of [await answers(id, true), [] as [string, string][]]) {
			const changed = await submitAttempt(h.db, userId, id, entries, at(3));
			expect(changed).toMatchObject({ ok: false, reason: 'already-graded' });
			expect(!changed.ok && changed.reason === 'already-graded' && changed.message).toMatch(
				/already submitted/
			);
		}
		expect(await rowsOf(userId)).toEqual(before);
	});
});

describe('submitting without the cached snapshot (another instance, or after a restart)', () => {
	it('grades from the stored snapshot, refuses other users, and stays idempotent', async () => {
		const module = testModule();
		const userId = await learner(module);
		const other = await learner(module);
		const id = await started(userId, module);
		const entries = await answers(id, true);
		forgetCachedAttempts(h.db);
		expect(await submitAttempt(h.db, other, id, entries, at(1))).toEqual({
			ok: false,
			reason: 'not-found'
		});
		forgetCachedAttempts(h.db);
		const first = await submitAttempt(h.db, userId, id, entries, at(2));
		expect(first).toMatchObject({ ok: true, recorded: true, grade: { right: 3, passed: true } });
		forgetCachedAttempts(h.db);
		expect(await submitAttempt(h.db, userId, id, entries, at(3))).toEqual({
			ok: true,
			recorded: false,
			grade: first.ok && first.grade
		});
		expect(await submitAttempt(h.db, other, id, entries, at(4))).toEqual({
			ok: false,
			reason: 'not-found'
		});
		const [row] = await rowsOf(userId);
		expect(row!.submittedAt).toEqual(at(2));
	});

	it('refuses another user with the snapshot cached, and records nothing for them', async () => {
		const module = testModule();
		const userId = await learner(module);
		const other = await learner(module);
		const id = await started(userId, module);
		const entries = await answers(id, true);
		expect(await submitAttempt(h.db, other, id, entries, at(1))).toEqual({
			ok: false,
			reason: 'not-found'
		});
		const [row] = await rowsOf(userId);
		expect(row).toMatchObject({ submittedAt: null, answers: null });
	});
});

describe('the attempt cap', () => {
	it('refuses after max_attempts failed attempts, tells of grants, and counts grants', async () => {
		const module = testModule();
		const userId = await learner(module);
		for (let i = 0; i < 3; i++) {
			const id = await started(userId, module, i * 10);
			expect(
				await submitAttempt(h.db, userId, id, await answers(id, false), at(i * 10 + 5))
			).toMatchObject({ ok: true, grade: { passed: false } });
		}
		let status = await postTestStatus(h.db, userId, module);
		expect(status).toMatchObject({
			attemptsUsed: 3,
			attemptsAllowed: 3,
			attemptsLeft: 0,
			blocked: 'attempts-used'
		});
		const refused = await startAttempt(h.db, userId, module, at(40));
		expect(refused).toMatchObject({ ok: false, reason: 'attempts-used' });
		expect(!refused.ok && refused.message).toMatch(/administrator can grant you another attempt/);
		expect(await rowsOf(userId)).toHaveLength(3);

		await h.db.insert(attemptGrants).values({ userId, moduleSlug: module.slug, extraAttempts: 1 });
		status = await postTestStatus(h.db, userId, module);
		expect(status).toMatchObject({
			attemptsAllowed: 4,
			attemptsLeft: 1,
			extraAttemptsGranted: 1,
			blocked: null
		});
		const granted = await started(userId, module, 50);
		await submitAttempt(h.db, userId, granted, await answers(granted, false), at(55));
		expect(await startAttempt(h.db, userId, module, at(60))).toMatchObject({
			ok: false,
			reason: 'attempts-used'
		});
		// Grants are per module: another module's grant does not count here.
		await h.db
			.insert(attemptGrants)
			.values({ userId, moduleSlug: 'instilling-hope', extraAttempts: 5 });
		expect((await postTestStatus(h.db, userId, module)).attemptsLeft).toBe(0);
	});

	it('lets an unlimited module (max_attempts 0) start attempt after attempt', async () => {
		const module = testModule({ maxAttempts: 0 });
		const userId = await learner(module);
		for (let i = 0; i < 5; i++) {
			const id = await started(userId, module, i);
			await submitAttempt(h.db, userId, id, await answers(id, false), at(i));
		}
		expect(await postTestStatus(h.db, userId, module)).toMatchObject({
			attemptsUsed: 5,
			attemptsAllowed: null,
			attemptsLeft: null,
			blocked: null
		});
	});

	it('does not let a passed post-test be retaken for credit', async () => {
		const module = testModule();
		const userId = await learner(module);
		const id = await started(userId, module);
		await submitAttempt(h.db, userId, id, await answers(id, true), at(1));
		expect(await postTestStatus(h.db, userId, module)).toMatchObject({
			passed: true,
			attemptsLeft: 2,
			blocked: 'passed'
		});
		const retake = await startAttempt(h.db, userId, module, at(2));
		expect(retake).toMatchObject({ ok: false, reason: 'passed' });
		expect(!retake.ok && retake.message).toMatch(/cannot be retaken for credit/);
		expect(await rowsOf(userId)).toHaveLength(1);
	});
});

describe('history and bank edits', () => {
	it('lists attempts oldest first with date, score and result', async () => {
		const module = testModule();
		const userId = await learner(module);
		const failed = await started(userId, module, 0);
		await submitAttempt(h.db, userId, failed, await answers(failed, false), at(1));
		const passed = await started(userId, module, 2);
		await submitAttempt(h.db, userId, passed, await answers(passed, true), at(3));
		const history = await attemptHistory(h.db, userId, module.slug);
		expect(history).toEqual([
			{
				id: failed,
				number: 1,
				startedAt: at(0),
				submittedAt: at(1),
				right: 0,
				total: 3,
				score: 0,
				passed: false
			},
			{
				id: passed,
				number: 2,
				startedAt: at(2),
				submittedAt: at(3),
				right: 3,
				total: 3,
				score: 1,
				passed: true
			}
		]);
		expect(await attemptHistory(h.db, userId, 'instilling-hope')).toEqual([]);
	});

	it('keeps old attempts as drawn when the bank is edited afterwards', async () => {
		const module = testModule({ bank: fixtureBank(false), questionsPerAttempt: 5 });
		const userId = await learner(module);
		const old = await started(userId, module, 0);
		await submitAttempt(h.db, userId, old, await answers(old, false), at(1));
		const open = await started(userId, module, 2);
		const edited = structuredClone(module);
		for (const question of edited.bank!.questions) {
			question.html = `EDITED ${question.html}`;
			question.explanationHtml = 'EDITED explanation';
			question.options.reverse();
			for (const option of question.options) option.html = `EDITED ${option.html}`;
		}
		edited.bank!.questions.splice(0, 2);

		// Resuming with the edited module returns the attempt as drawn, not the edited bank.
		expect(await startAttempt(h.db, userId, edited, at(3))).toMatchObject({
			ok: true,
			attemptId: open,
			resumed: true
		});
		const openView = await getAttemptForUser(h.db, userId, open);
		expect(JSON.stringify(openView)).not.toContain('EDITED');
		expect(openView?.state === 'open' && openView.questions.map((q) => q.id)).toEqual([
			'q1',
			'q2',
			'q3',
			'q4',
			'q5'
		]);
		const result = await submitAttempt(h.db, userId, open, await answers(open, true), at(4));
		expect(result).toMatchObject({ ok: true, grade: { right: 5, passed: true } });

		const graded = await getAttemptForUser(h.db, userId, old);
		expect(graded?.state).toBe('graded');
		if (graded?.state !== 'graded') return;
		expect(JSON.stringify(graded)).not.toContain('EDITED');
		expect(graded.review.questions[0]).toMatchObject({
			id: 'q1',
			html: 'Text of q1?',
			explanationHtml: 'EXPLANATION-OF-q1: see Bordin (1979).',
			correct: false
		});
		expect(graded.review.questions[0]!.options.map((o) => o.html)).toEqual(
			fixtureBank().questions[0]!.options.map((o) => o.html)
		);
		expect((await postTestStatus(h.db, userId, edited)).attemptsUsed).toBe(2);
	});

	it('reads an attempt this process never saw (another instance drew it) from its stored snapshot', async () => {
		const module = testModule();
		const userId = await learner(module);
		const id = await started(userId, module);
		await submitAttempt(h.db, userId, id, await answers(id, true), at(1));
		const [row] = await rowsOf(userId);
		const elsewhere = generateAttemptId();
		await h.db.insert(quizAttempts).values({ ...row!, id: elsewhere });
		const view = await getAttemptForUser(h.db, userId, elsewhere);
		expect(view).toMatchObject({ state: 'graded', review: { right: 3, passed: true } });
		expect(view?.state === 'graded' && view.review.questions.map((q) => q.id)).toEqual(
			(await drawnOf(id)).questions.map((q) => q.id)
		);
		const repeat = await submitAttempt(h.db, userId, elsewhere, await answers(id, true), at(2));
		expect(repeat).toMatchObject({ ok: true, recorded: false, grade: { attemptId: elsewhere } });
	});
});
