import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { hopeHistoryCsv } from '$lib/server/assessment/export';
import { hopeExportRows } from '$lib/server/assessment/results';
import type { RequestHandler } from './$types';

/** The signed-in learner's own history; endpoints are not guarded by the (learner) layout. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const rows = await hopeExportRows(db(), locals.user.id);
	return new Response(hopeHistoryCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8; header=present',
			'content-disposition': 'attachment; filename="hope-self-assessment.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
