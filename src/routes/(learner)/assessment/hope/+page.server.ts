import { error, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getCatalog } from '$lib/server/content/catalog';
import { parseMarkdown, renderHtml } from '$lib/server/content/markdown';
import { visibleModule } from '$lib/server/content/visibility';
import { formFailure } from '$lib/server/forms/parse';
import { hopeHistory, saveHopeResult, type HopeContext } from '$lib/server/assessment/results';
import { hopeItemField, parseHopeAnswers } from '$lib/server/assessment/scoring';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

const CONTEXT_FIELDS = ['context', 'module'] as const;

function signedIn(user: SessionUser | null): SessionUser {
	if (!user) error(401, 'Sign in to take the self-assessment.');
	return user;
}

function currentInstrument() {
	const instrument = getCatalog().hopeInstrument;
	if (!instrument) error(404, 'Page not found');
	return instrument;
}

/** `?context=before&module=<slug>` (or after) from a module page; nothing means on its own. */
function targetFromQuery(user: SessionUser, url: URL) {
	const context = url.searchParams.get('context') ?? 'standalone';
	if (context === 'standalone') return { context: 'standalone' as const, module: null };
	const module = visibleModule(user, url.searchParams.get('module') ?? '');
	if ((context !== 'before' && context !== 'after') || !module) {
		error(400, 'This link names no module to take the self-assessment before or after.');
	}
	return { context: context as HopeContext, module: { slug: module.slug, title: module.title } };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals.user);
	const instrument = currentInstrument();
	const history = await hopeHistory(db(), user.id);
	const deleted = Number.parseInt(url.searchParams.get('deleted') ?? '', 10);
	return {
		instrument: {
			title: instrument.title,
			// Safe to insert: raw HTML in the markdown is dropped and all text is escaped.
			introHtml: renderHtml(parseMarkdown(instrument.introMarkdown).children),
			scale: instrument.scale,
			subscales: instrument.subscales.map(({ id, name }) => ({ id, name })),
			items: instrument.items.map(({ id, text }) => ({ id, field: hopeItemField(id), text }))
		},
		target: targetFromQuery(user, url),
		history: history.map((result) => ({
			id: result.id,
			takenAt: result.takenAt.toISOString(),
			context: result.context,
			moduleTitle: result.moduleSlug
				? (visibleModule(user, result.moduleSlug)?.title ?? result.moduleSlug)
				: null,
			means: Object.fromEntries(result.scores.subscales.map((s) => [s.id, s.mean]))
		})),
		deleted: Number.isInteger(deleted) && deleted >= 0 ? deleted : null
	};
};

export const actions: Actions = {
	submit: async ({ locals, request }) => {
		const user = signedIn(locals.user);
		const instrument = currentInstrument();
		let formData: FormData;
		try {
			formData = await request.formData();
		} catch {
			return formFailure(400, { form: 'The form could not be read. Please try again.' });
		}
		const entries = [...formData];
		// Valid answers go back to the form, so nobody answers twenty statements twice.
		const values: Record<string, string> = {};
		for (const item of instrument.items) {
			const value = formData.get(hopeItemField(item.id));
			if (typeof value === 'string' && /^\d$/.test(value)) values[item.id] = value;
		}
		const parsed = parseHopeAnswers(instrument, entries, { allowedExtraFields: CONTEXT_FIELDS });
		if (!parsed.ok) {
			const errors = { ...parsed.errors };
			errors.form ??= 'Some statements need another look: see the messages below.';
			return formFailure(400, errors, values);
		}
		const context = formData.get('context') ?? 'standalone';
		const moduleSlug = formData.get('module') || null;
		if (
			(context !== 'standalone' && context !== 'before' && context !== 'after') ||
			(moduleSlug !== null && typeof moduleSlug !== 'string')
		) {
			return formFailure(400, { form: 'The form names an unknown context.' }, values);
		}
		const saved = await saveHopeResult(
			db(),
			user.id,
			instrument,
			parsed.answers,
			context,
			moduleSlug
		);
		if (!saved.ok) return formFailure(400, { form: saved.message }, values);
		redirect(303, `/assessment/hope/result/${saved.id}`);
	}
};
