import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { createSession } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { createUser, EmailTakenError } from '$lib/server/auth/users';
import { signupForm } from '$lib/server/forms/account-forms';
import { formFailure, parseForm } from '$lib/server/forms/parse';
import { isSecureRequest } from '$lib/server/http/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/account');
};

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, signupForm);
		if (!form.ok) return formFailure(400, form.errors, form.values);
		const { name, email, password } = form.data;
		try {
			const user = await createUser(db(), { name, email, password });
			const { token, session } = await createSession(db(), user.id);
			setSessionCookie(event.cookies, token, session.expiresAt, isSecureRequest(event));
		} catch (err) {
			if (err instanceof EmailTakenError) {
				return formFailure(
					400,
					{
						email:
							'An account with this email already exists. Sign in instead, or reset your password.'
					},
					{ name, email }
				);
			}
			throw err;
		}
		redirect(303, '/account');
	}
};
