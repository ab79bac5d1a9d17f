import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { completePasswordReset, resetTokenIsUsable } from '$lib/server/auth/password-reset';
import { deleteSessionCookie } from '$lib/server/auth/session-cookie';
import { resetPasswordForm } from '$lib/server/forms/account-forms';
import { formFailure, parseForm } from '$lib/server/forms/parse';
import { isSecureRequest } from '$lib/server/http/request';
import type { Actions, PageServerLoad } from './$types';

const UNUSABLE = 'This reset link has expired or was already used. Ask for a new one.';

export const load: PageServerLoad = async ({ params }) => ({
	usable: params.token.length <= 200 && (await resetTokenIsUsable(db(), params.token))
});

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, resetPasswordForm);
		if (!form.ok) return formFailure(400, form.errors);
		if (form.data.token !== event.params.token) return formFailure(400, { form: UNUSABLE });
		const result = await completePasswordReset(db(), form.data.token, form.data.password);
		if (!result.ok) return formFailure(400, { form: UNUSABLE });
		deleteSessionCookie(event.cookies, isSecureRequest(event));
		redirect(303, '/login?reset=done');
	}
};
