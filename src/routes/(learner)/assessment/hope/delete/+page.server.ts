import { error, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { formFailure } from '$lib/server/forms/parse';
import { deleteHopeHistory, hopeHistory } from '$lib/server/assessment/results';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in to manage your self-assessment history.');
	return { count: (await hopeHistory(db(), locals.user.id)).length };
};

export const actions: Actions = {
	delete: async ({ locals, request }) => {
		if (!locals.user) error(401, 'Sign in to manage your self-assessment history.');
		const form = await request.formData().catch(() => null);
		const confirmations = form?.getAll('confirm') ?? [];
		if (confirmations.length !== 1 || confirmations[0] !== 'yes') {
			return formFailure(400, {
				confirm: 'Tick the box to confirm that you want your history deleted for good.'
			});
		}
		const deleted = await deleteHopeHistory(db(), locals.user.id);
		redirect(303, `/assessment/hope?deleted=${deleted}`);
	}
};
