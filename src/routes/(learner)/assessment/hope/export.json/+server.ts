import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { hopeHistoryJson } from '$lib/server/assessment/export';
import { hopeExportRows } from '$lib/server/assessment/results';
import type { RequestHandler } from './$types';

/** The signed-in learner's own history; endpoints are not guarded by the (learner) layout. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const rows = await hopeExportRows(db(), locals.user.id);
	return new Response(hopeHistoryJson(rows, new Date()), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="hope-self-assessment.json"',
			'cache-control': 'private, no-store'
		}
	});
};
