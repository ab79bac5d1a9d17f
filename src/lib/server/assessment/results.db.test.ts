import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { getCatalog } from '../content/catalog';
import type { DatabaseHandle } from '../db';
import { hopeAssessments } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { hopeHistoryCsv, hopeHistoryJson } from './export';
import type { HopeInstrument } from './instrument';
import {
	bandForMean,
	deleteHopeHistory,
	hopeExportRows,
	hopeHistory,
	hopeResultForUser,
	latestResponsesPerUser,
	moduleHopeChange,
	moduleHopeInvite,
	saveHopeResult
} from './results';
import type { HopeAnswers } from './scoring';
import { instrumentStats } from './stats';

const instrument: HopeInstrument = getCatalog().hopeInstrument!;
const MODULE = 'instilling-hope';
const t0 = new Date('2026-05-01T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** The same raw answer to every item. */
function all(value: number): HopeAnswers {
	return Object.fromEntries(instrument.items.map((item) => [item.id, value]));
}

let h: DatabaseHandle;
let n = 0;
async function newUser(role: 'learner' | 'admin' = 'learner'): Promise<string> {
	n += 1;
	const user = await createUser(h.db, {
		email: `hope-${n}@example.org`,
		name: `User ${n}`,
		password: null,
		role
	});
	return user.id;
}

async function save(
	userId: string,
	answers: HopeAnswers,
	context: 'standalone' | 'before' | 'after' = 'standalone',
	moduleSlug: string | null = null,
	when = t0
): Promise<string> {
	const saved = await saveHopeResult(h.db, userId, instrument, answers, context, moduleSlug, when);
	if (!saved.ok) throw new Error(saved.message);
	return saved.id;
}

async function storedCount(userId: string): Promise<number> {
	const rows = await h.db
		.select({ id: hopeAssessments.id })
		.from(hopeAssessments)
		.where(eq(hopeAssessments.userId, userId));
	return rows.length;
}

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(() => h.close());

describe('saveHopeResult', () => {
	it('stores raw answers and subscale means after reverse scoring', async () => {
		const userId = await newUser();
		// Each subscale has three forward items and two reverse items: (3·5 + 2·(7 − 5)) / 5 = 3.8.
		const id = await save(userId, all(5));
		const result = await hopeResultForUser(h.db, userId, id);
		expect(result).toMatchObject({
			id,
			context: 'standalone',
			moduleSlug: null,
			instrumentVersion: instrument.version,
			takenAt: t0
		});
		expect(result!.scores.subscales.map((s) => [s.id, s.mean])).toEqual([
			['agency', 3.8],
			['pathways', 3.8],
			['holding', 3.8],
			['sustaining', 3.8]
		]);
		expect(result!.scores.total).toBe(3.8);
		const [row] = await h.db.select().from(hopeAssessments).where(eq(hopeAssessments.id, id));
		expect(row!.answers).toEqual(all(5));
	});

	it('refuses incomplete, off-scale or unknown answers and bad contexts, storing nothing', async () => {
		const userId = await newUser();
		const missing = all(4);
		delete missing['agency-1'];
		const cases: [HopeAnswers, 'standalone' | 'before' | 'after', string | null, RegExp][] = [
			[missing, 'standalone', null, /1 do not have one/],
			[{ ...all(4), 'agency-2': 7 }, 'standalone', null, /from 1 to 6/],
			[{ ...all(4), 'agency-2': 2.5 }, 'standalone', null, /from 1 to 6/],
			[{ ...all(4), 'made-up': 3 }, 'standalone', null, /Unknown statements: made-up/],
			[all(4), 'before', null, /needs a module you can open/],
			[all(4), 'after', 'no-such-module', /"no-such-module" is not one/],
			[all(4), 'standalone', MODULE, /belongs to no module/],
			[all(4), 'sometime' as 'before', MODULE, /standalone, before or after/]
		];
		for (const [answers, context, slug, message] of cases) {
			const saved = await saveHopeResult(h.db, userId, instrument, answers, context, slug, t0);
			expect(saved).toEqual({ ok: false, message: expect.stringMatching(message) });
		}
		expect(await storedCount(userId)).toBe(0);
	});

	it('accepts before and after a visible module', async () => {
		const userId = await newUser();
		const id = await save(userId, all(3), 'before', MODULE);
		expect(await hopeResultForUser(h.db, userId, id)).toMatchObject({
			context: 'before',
			moduleSlug: MODULE
		});
	});
});

describe('privacy, history, export and deletion', () => {
	it("never returns another user's result, not even to an administrator", async () => {
		const owner = await newUser();
		const other = await newUser();
		const admin = await newUser('admin');
		const id = await save(owner, all(2));
		expect(await hopeResultForUser(h.db, owner, id)).not.toBeNull();
		expect(await hopeResultForUser(h.db, other, id)).toBeNull();
		expect(await hopeResultForUser(h.db, admin, id)).toBeNull();
		expect(await hopeHistory(h.db, admin)).toEqual([]);
		expect(await hopeExportRows(h.db, other)).toEqual([]);
	});

	it('lists history oldest first with contexts, and exports only its owner’s rows', async () => {
		const userId = await newUser();
		const other = await newUser();
		const second = await save(userId, all(5), 'before', MODULE, at(10));
		const first = await save(userId, all(4), 'standalone', null, at(0));
		await save(other, all(1), 'standalone', null, at(5));

		const history = await hopeHistory(h.db, userId);
		expect(history.map((r) => [r.id, r.context, r.moduleSlug])).toEqual([
			[first, 'standalone', null],
			[second, 'before', MODULE]
		]);

		const rows = await hopeExportRows(h.db, userId);
		expect(rows.map((r) => r.id)).toEqual([first, second]);
		expect(rows[0]!.answers).toEqual(all(4));

		const csv = hopeHistoryCsv(rows).split('\r\n');
		expect(csv).toHaveLength(4); // header, two rows, the empty string after the last CRLF
		expect(csv[0]).toMatch(/^id,taken_at,context,module,instrument_version,agency_mean,/);
		expect(csv[0]).toContain(',overall_mean,answer_agency-1,');
		expect(csv[1]).toMatch(new RegExp(`^${first},2026-05-01T09:00:00.000Z,standalone,,1.0.0,3.6,`));
		expect(csv[2]).toMatch(new RegExp(`^${second},2026-05-01T09:10:00.000Z,before,${MODULE},`));

		const json = JSON.parse(hopeHistoryJson(rows, at(60)));
		expect(json.exportedAt).toBe('2026-05-01T10:00:00.000Z');
		expect(json.results).toHaveLength(2);
		expect(json.results[1]).toMatchObject({ id: second, context: 'before', module: MODULE });
		expect(json.results[0].answers['sustaining-5']).toBe(4);
	});

	it('deletes for real, only the owner’s results, and says how many', async () => {
		const userId = await newUser();
		const other = await newUser();
		const id = await save(userId, all(3));
		await save(userId, all(4));
		await save(other, all(4));
		expect(await deleteHopeHistory(h.db, userId)).toBe(2);
		expect(await storedCount(userId)).toBe(0);
		expect(await hopeResultForUser(h.db, userId, id)).toBeNull();
		expect(await storedCount(other)).toBe(1);
		expect(await deleteHopeHistory(h.db, userId)).toBe(0);
	});
});

describe('before and after a module', () => {
	it('compares the latest before with a later after, per subscale', async () => {
		const userId = await newUser();
		await save(userId, all(2), 'before', MODULE, at(0));
		await save(userId, all(3), 'before', MODULE, at(1));
		await save(userId, all(1), 'before', 'common-factors', at(2));
		await save(userId, all(5), 'after', MODULE, at(3));
		const { before, after, change } = await moduleHopeChange(h.db, userId, MODULE);
		expect(before!.takenAt).toEqual(at(1));
		expect(after!.takenAt).toEqual(at(3));
		// all(3): (3·3 + 2·4) / 5 = 3.4; all(5): 3.8.
		expect(change).toEqual([
			{ id: 'agency', subscale: 'Agency', before: 3.4, after: 3.8 },
			{ id: 'pathways', subscale: 'Pathways', before: 3.4, after: 3.8 },
			{ id: 'holding', subscale: 'Holding hope for clients', before: 3.4, after: 3.8 },
			{ id: 'sustaining', subscale: 'Sustaining my own hope', before: 3.4, after: 3.8 }
		]);
	});

	it('invites a before until the module is complete, then an after, then shows the change', async () => {
		const userId = await newUser();
		const invite = (progress: { started: boolean; allComplete: boolean }) =>
			moduleHopeInvite(h.db, userId, MODULE, progress);
		const fresh = { started: false, allComplete: false };
		const reading = { started: true, allComplete: false };
		const complete = { started: true, allComplete: true };

		expect(await invite(fresh)).toEqual({ moduleSlug: MODULE, stage: 'before', change: null });
		expect((await invite(reading)).stage).toBe('before');
		expect((await invite(complete)).stage).toBe('after');

		await save(userId, all(3), 'before', MODULE, at(0));
		expect(await invite(reading)).toEqual({ moduleSlug: MODULE, stage: 'done', change: null });
		expect((await invite(complete)).stage).toBe('after');

		await save(userId, all(5), 'after', MODULE, at(5));
		const done = await invite(complete);
		expect(done.stage).toBe('done');
		expect(done.change![0]).toEqual({ subscale: 'Agency', before: 3.4, after: 3.8 });

		// Taking the module again: a newer before makes the old after stale.
		await save(userId, all(4), 'before', MODULE, at(10));
		expect(await invite(complete)).toEqual({ moduleSlug: MODULE, stage: 'after', change: null });
	});
});

describe('latestResponsesPerUser', () => {
	it('takes each person’s latest response to this instrument version, enough for the report', async () => {
		const local = await openTestDatabase();
		try {
			const ids: string[] = [];
			for (let i = 0; i < 30; i++) {
				const user = await createUser(local.db, {
					email: `r${i}@example.org`,
					name: `R ${i}`,
					password: null
				});
				ids.push(user.id);
				// Varied answers, so that subscale totals vary and alpha is defined.
				const answers = Object.fromEntries(
					instrument.items.map((item, j) => [item.id, 1 + ((i * 5 + j * 3 + ((i * j) % 4)) % 6)])
				);
				await saveHopeResult(local.db, user.id, instrument, all(6), 'standalone', null, at(0));
				await saveHopeResult(local.db, user.id, instrument, answers, 'standalone', null, at(1));
			}
			await local.db
				.update(hopeAssessments)
				.set({ instrumentVersion: '0.9.0' })
				.where(eq(hopeAssessments.userId, ids[0]!));

			const responses = await latestResponsesPerUser(local.db, instrument.version);
			expect(responses).toHaveLength(29);
			expect(responses.some((r) => Object.values(r).every((v) => v === 6))).toBe(false);
			expect(instrumentStats(instrument, responses)).toMatchObject({
				ok: false,
				respondents: 29,
				required: 30
			});

			await local.db
				.update(hopeAssessments)
				.set({ instrumentVersion: instrument.version })
				.where(eq(hopeAssessments.userId, ids[0]!));
			const stats = instrumentStats(instrument, await latestResponsesPerUser(local.db, '1.0.0'));
			expect(stats).toMatchObject({ ok: true, respondents: 30 });
		} finally {
			await local.close();
		}
	});
});

describe('bandForMean', () => {
	it('finds the band of a stored mean, and nothing for a subscale that no longer exists', () => {
		expect(bandForMean(instrument, 'agency', 2.99)!.label).toBe('Running low right now');
		expect(bandForMean(instrument, 'agency', 3)!.label).toBe('Present, with room to grow');
		expect(bandForMean(instrument, 'agency', 6)!.label).toBe('A current strength');
		expect(bandForMean(instrument, 'gone', 3)).toBeUndefined();
	});
});
