import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { createSession } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { signIn } from '$lib/server/auth/sign-in';
import { loginForm } from '$lib/server/forms/account-forms';
import { formFailure, parseForm } from '$lib/server/forms/parse';
import { clientIp, isSecureRequest, safeRedirectTarget } from '$lib/server/http/request';
import type { Actions, PageServerLoad } from './$types';

const INVALID = 'The email or password is not right. Check both and try again.';

function minutesText(seconds: number): string {
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return { reset: url.searchParams.get('reset') === 'done' };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, loginForm);
		if (!form.ok) return formFailure(400, form.errors, form.values);
		const result = await signIn(db(), { ...form.data, ip: clientIp(event) });
		if (!result.ok) {
			const values = { email: form.data.email };
			if (result.reason === 'throttled') {
				event.locals.retryAfterSeconds = result.retryAfterSeconds;
				return formFailure(
					429,
					{
						form: `Too many failed sign-ins. For your account's safety, try again in ${minutesText(result.retryAfterSeconds)}, or reset your password.`
					},
					values
				);
			}
			return formFailure(400, { form: INVALID }, values);
		}
		const { token, session } = await createSession(db(), result.user.id);
		setSessionCookie(event.cookies, token, session.expiresAt, isSecureRequest(event));
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
