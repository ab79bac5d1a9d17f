import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { visibleModule } from '$lib/server/content/visibility';
import { heartbeatForm } from '$lib/server/forms/progress-forms';
import { parseForm } from '$lib/server/forms/parse';
import { recordHeartbeat } from '$lib/server/progress/lesson-progress';
import type { RequestHandler } from './$types';

/** Seat-time heartbeat from an open lesson page (navigator.sendBeacon, form-encoded). */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(401, 'Sign in to record reading time.');
	const module = visibleModule(locals.user, params.slug);
	if (!module?.lessons.some((l) => l.slug === params.lesson)) error(404, 'Page not found');
	const form = await parseForm(request, heartbeatForm);
	if (!form.ok) error(400, Object.values(form.errors)[0] ?? 'Bad heartbeat.');
	const credited = await recordHeartbeat(
		db(),
		locals.user.id,
		module.slug,
		params.lesson,
		form.data.seconds
	);
	if (credited === null) error(409, 'Open the lesson before reporting reading time.');
	return new Response(null, { status: 204 });
};
