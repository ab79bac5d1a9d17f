import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getCatalog } from '$lib/server/content/catalog';
import { visibleModule } from '$lib/server/content/visibility';
import { bandForMean, hopeResultForUser, moduleHopeChange } from '$lib/server/assessment/results';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { PageServerLoad } from './$types';

/** `module-slug/NN-lesson-slug` from a band, as a link the learner can follow (or null). */
function suggestedLesson(user: SessionUser, reference: string | undefined) {
	if (!reference) return null;
	const [moduleSlug, stem] = reference.split('/');
	const module = visibleModule(user, moduleSlug ?? '');
	const lesson = module?.lessons.find((l) => l.file.endsWith(`/${stem}.md`));
	return module && lesson
		? { moduleSlug: module.slug, moduleTitle: module.title, slug: lesson.slug, title: lesson.title }
		: null;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = locals.user;
	if (!user) error(401, 'Sign in to see your results.');
	// Someone else's result, an administrator's look included, is as absent as an unknown id.
	const result = await hopeResultForUser(db(), user.id, params.id);
	const instrument = getCatalog().hopeInstrument;
	if (!result || !instrument) error(404, 'Page not found');

	const module = result.moduleSlug ? visibleModule(user, result.moduleSlug) : undefined;
	const change =
		result.context === 'after' && result.moduleSlug
			? await moduleHopeChange(db(), user.id, result.moduleSlug)
			: null;
	return {
		result: {
			id: result.id,
			takenAt: result.takenAt.toISOString(),
			context: result.context,
			module: module ? { slug: module.slug, title: module.title } : null,
			moduleSlug: result.moduleSlug
		},
		scale: {
			min: instrument.scale[0]!.value,
			max: instrument.scale[instrument.scale.length - 1]!.value
		},
		subscales: result.scores.subscales.map((subscale) => {
			const band = bandForMean(instrument, subscale.id, subscale.mean);
			return {
				id: subscale.id,
				name: subscale.name,
				mean: subscale.mean,
				band: band ? { label: band.label, text: band.text, suggestion: band.suggestion } : null,
				lesson: suggestedLesson(user, band?.lesson)
			};
		}),
		// Only the change this very result completes: the latest 'after' against its 'before'.
		change: change?.after?.id === result.id ? change.change : null
	};
};
