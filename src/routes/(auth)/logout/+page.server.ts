import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/sessions';
import { deleteSessionCookie } from '$lib/server/auth/session-cookie';
import { isSecureRequest } from '$lib/server/http/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.session) await invalidateSession(db(), event.locals.session.id);
		deleteSessionCookie(event.cookies, isSecureRequest(event));
		redirect(303, '/');
	}
};
