import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { generateId } from '../auth/tokens';
import type { Database } from '../db';
import { hopeAssessments, users } from '../db/schema';
import { hopeScaleRange, type HopeBand, type HopeInstrument } from './instrument';
import { scoreHopeAnswers, type HopeAnswers } from './scoring';

export type HopeContext = 'standalone' | 'before' | 'after';
export const HOPE_CONTEXTS: readonly HopeContext[] = ['standalone', 'before', 'after'];

/** What `scores` holds: the means as scored when taken. Band texts stay in content/, not here. */
export interface StoredHopeScores {
	subscales: { id: string; name: string; mean: number }[];
	/** Mean over all items after reverse scoring (kept and exported; not shown as a score). */
	total: number;
}

/** One stored result without its raw answers: what history, charts and the result page need. */
export interface HopeResultSummary {
	id: string;
	takenAt: Date;
	context: HopeContext;
	moduleSlug: string | null;
	instrumentVersion: string;
	scores: StoredHopeScores;
}

/** One stored result with its raw answers: a row of the learner's own export. */
export interface HopeExportRow extends HopeResultSummary {
	answers: HopeAnswers;
}

export type SaveHopeResult = { ok: true; id: string } | { ok: false; message: string };

export interface HopeSubscaleChange {
	id: string;
	subscale: string;
	before: number;
	after: number;
}

export interface ModuleHopeChange {
	before: HopeResultSummary | null;
	after: HopeResultSummary | null;
	/** Per subscale, when an 'after' was taken later than the latest 'before'; null otherwise. */
	change: HopeSubscaleChange[] | null;
}

/** Props of `HopeModuleInvite.svelte`. */
export interface HopeModuleInviteProps {
	moduleSlug: string;
	/** Which assessment the module page invites; 'done' invites none. */
	stage: 'before' | 'after' | 'done';
	change: { subscale: string; before: number; after: number }[] | null;
}

const storedScoresSchema = z.object({
	subscales: z.array(z.object({ id: z.string(), name: z.string(), mean: z.number() })),
	total: z.number()
});
const storedAnswersSchema = z.record(z.string(), z.number());

/**
 * Scores and stores one completed self-assessment. `answers` must hold exactly the instrument's
 * items, each on the scale (as `parseHopeAnswers` returns them); 'before'/'after' need a module the
 * user may see, 'standalone' needs none. Refusals store nothing and say why.
 */
export async function saveHopeResult(
	db: Database,
	userId: string,
	instrument: HopeInstrument,
	answers: Readonly<HopeAnswers>,
	context: HopeContext,
	moduleSlug: string | null,
	now: Date = new Date()
): Promise<SaveHopeResult> {
	const answerProblem = checkAnswers(instrument, answers);
	if (answerProblem) return { ok: false, message: answerProblem };
	if (!HOPE_CONTEXTS.includes(context)) {
		return { ok: false, message: 'The assessment context must be standalone, before or after.' };
	}
	const [user] = await db
		.select({ role: users.role })
		.from(users)
		.where(eq(users.id, userId))
		.limit(1);
	if (!user) return { ok: false, message: 'There is no such account.' };
	if (context === 'standalone') {
		if (moduleSlug) {
			return { ok: false, message: 'An assessment on its own belongs to no module.' };
		}
	} else if (!moduleSlug || !(await moduleIsVisible(user.role, moduleSlug))) {
		return {
			ok: false,
			message: `An assessment ${context} a module needs a module you can open; "${moduleSlug ?? ''}" is not one.`
		};
	}

	const score = scoreHopeAnswers(instrument, answers);
	const scores: StoredHopeScores = {
		subscales: score.subscales.map(({ id, name, mean }) => ({ id, name, mean })),
		total: score.total
	};
	const id = generateId();
	await db.insert(hopeAssessments).values({
		id,
		userId,
		instrumentVersion: instrument.version,
		context,
		moduleSlug: context === 'standalone' ? null : moduleSlug,
		answers: { ...answers },
		scores,
		takenAt: now
	});
	return { ok: true, id };
}

/**
 * The catalog is imported on demand: it is bundled with `import.meta.glob`, which the
 * `assessment:stats` CLI (run by tsx, importing this file) does not have.
 */
async function moduleIsVisible(role: 'learner' | 'author' | 'admin', slug: string) {
	const { visibleModule } = await import('../content/visibility');
	return visibleModule({ role }, slug) !== undefined;
}

function checkAnswers(instrument: HopeInstrument, answers: Readonly<HopeAnswers>): string | null {
	const { min, max } = hopeScaleRange(instrument);
	const known = new Set(instrument.items.map((item) => item.id));
	const unknown = Object.keys(answers).filter((id) => !known.has(id));
	if (unknown.length > 0) return `Unknown statements: ${unknown.slice(0, 5).join(', ')}.`;
	const bad = instrument.items.filter((item) => {
		const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
		return !Number.isInteger(value) || value! < min || value! > max;
	});
	if (bad.length > 0) {
		return `Every statement needs one answer from ${min} to ${max}; ${bad.length} do not have one.`;
	}
	return null;
}

const summaryColumns = {
	id: hopeAssessments.id,
	takenAt: hopeAssessments.takenAt,
	context: hopeAssessments.context,
	moduleSlug: hopeAssessments.moduleSlug,
	instrumentVersion: hopeAssessments.instrumentVersion,
	scores: hopeAssessments.scores
};

function toSummary(
	row: Omit<HopeResultSummary, 'scores'> & { scores: unknown }
): HopeResultSummary {
	return { ...row, scores: storedScoresSchema.parse(row.scores) };
}

/**
 * One result of this user, or null. Deliberately no exception for administrators or anyone else:
 * a self-assessment is private to the person who took it.
 */
export async function hopeResultForUser(
	db: Database,
	userId: string,
	id: string
): Promise<HopeResultSummary | null> {
	const [row] = await db
		.select(summaryColumns)
		.from(hopeAssessments)
		.where(and(eq(hopeAssessments.id, id), eq(hopeAssessments.userId, userId)))
		.limit(1);
	return row ? toSummary(row) : null;
}

/** Every result of this user, oldest first. */
export async function hopeHistory(db: Database, userId: string): Promise<HopeResultSummary[]> {
	const rows = await db
		.select(summaryColumns)
		.from(hopeAssessments)
		.where(eq(hopeAssessments.userId, userId))
		.orderBy(asc(hopeAssessments.takenAt), asc(hopeAssessments.id));
	return rows.map(toSummary);
}

/** Every result of this user with raw answers, oldest first: the content of their export. */
export async function hopeExportRows(db: Database, userId: string): Promise<HopeExportRow[]> {
	const rows = await db
		.select({ ...summaryColumns, answers: hopeAssessments.answers })
		.from(hopeAssessments)
		.where(eq(hopeAssessments.userId, userId))
		.orderBy(asc(hopeAssessments.takenAt), asc(hopeAssessments.id));
	return rows.map(({ answers, ...row }) => ({
		...toSummary(row),
		answers: storedAnswersSchema.parse(answers)
	}));
}

/** Deletes every result of this user for good (a real DELETE); returns how many there were. */
export async function deleteHopeHistory(db: Database, userId: string): Promise<number> {
	const deleted = await db
		.delete(hopeAssessments)
		.where(eq(hopeAssessments.userId, userId))
		.returning({ id: hopeAssessments.id });
	return deleted.length;
}

async function latestInContext(
	db: Database,
	userId: string,
	moduleSlug: string,
	context: 'before' | 'after'
): Promise<HopeResultSummary | null> {
	const [row] = await db
		.select(summaryColumns)
		.from(hopeAssessments)
		.where(
			and(
				eq(hopeAssessments.userId, userId),
				eq(hopeAssessments.moduleSlug, moduleSlug),
				eq(hopeAssessments.context, context)
			)
		)
		.orderBy(desc(hopeAssessments.takenAt), desc(hopeAssessments.id))
		.limit(1);
	return row ? toSummary(row) : null;
}

/**
 * The latest 'before' and latest 'after' of this user for a module, and the change per subscale
 * (subscales both hold). No change while the latest 'after' is older than the latest 'before':
 * that pair would describe a drop-in before the module was taken again, not its effect.
 */
export async function moduleHopeChange(
	db: Database,
	userId: string,
	moduleSlug: string
): Promise<ModuleHopeChange> {
	const [before, after] = await Promise.all([
		latestInContext(db, userId, moduleSlug, 'before'),
		latestInContext(db, userId, moduleSlug, 'after')
	]);
	if (!before || !after || after.takenAt < before.takenAt) return { before, after, change: null };
	const beforeMeans = new Map(before.scores.subscales.map((s) => [s.id, s.mean]));
	const change = after.scores.subscales
		.filter((s) => beforeMeans.has(s.id))
		.map((s) => ({ id: s.id, subscale: s.name, before: beforeMeans.get(s.id)!, after: s.mean }));
	return { before, after, change };
}

/**
 * What a module page shows about the self-assessment. Until every lesson is complete it invites a
 * 'before' (also once the learner has started: a late baseline beats none); at completion an
 * 'after', unless one was taken since the latest 'before'; then the change per subscale.
 */
export async function moduleHopeInvite(
	db: Database,
	userId: string,
	moduleSlug: string,
	progress: { started: boolean; allComplete: boolean }
): Promise<HopeModuleInviteProps> {
	const { before, after, change } = await moduleHopeChange(db, userId, moduleSlug);
	const afterIsCurrent = after !== null && (before === null || after.takenAt >= before.takenAt);
	let stage: HopeModuleInviteProps['stage'];
	if (progress.allComplete) stage = afterIsCurrent ? 'done' : 'after';
	else stage = before ? 'done' : 'before';
	return {
		moduleSlug,
		stage,
		change: change?.map(({ subscale, before, after }) => ({ subscale, before, after })) ?? null
	};
}

/**
 * Raw answers for the reliability report: one response per person (their latest) for this
 * instrument version, so frequent retakers do not weigh more than anyone else.
 */
export async function latestResponsesPerUser(
	db: Database,
	instrumentVersion: string
): Promise<HopeAnswers[]> {
	const rows = await db
		.selectDistinctOn([hopeAssessments.userId], { answers: hopeAssessments.answers })
		.from(hopeAssessments)
		.where(eq(hopeAssessments.instrumentVersion, instrumentVersion))
		.orderBy(hopeAssessments.userId, desc(hopeAssessments.takenAt), desc(hopeAssessments.id));
	return rows.map((row) => storedAnswersSchema.parse(row.answers));
}

/** The instrument's band for a stored subscale mean (undefined if the subscale no longer exists). */
export function bandForMean(
	instrument: HopeInstrument,
	subscaleId: string,
	mean: number
): HopeBand | undefined {
	const bands = instrument.subscales.find((s) => s.id === subscaleId)?.bands ?? [];
	return bands.findLast((band) => band.min <= mean + 1e-9) ?? bands[0];
}
