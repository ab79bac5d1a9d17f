import { error, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { verifyPassword } from '$lib/server/auth/passwords';
import { createSession, invalidateUserSessions } from '$lib/server/auth/sessions';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/session-cookie';
import { findUserById, setPassword, updateProfile } from '$lib/server/auth/users';
import { changePasswordForm, profileForm } from '$lib/server/forms/account-forms';
import { formFailure, parseForm } from '$lib/server/forms/parse';
import { isSecureRequest } from '$lib/server/http/request';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function signedInUserId(event: RequestEvent): string {
	if (!event.locals.user) error(401, 'Sign in first.');
	return event.locals.user.id;
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user ? await findUserById(db(), locals.user.id) : null;
	if (!user) redirect(303, '/login');
	return {
		profile: {
			email: user.email,
			name: user.name,
			certificateName: user.certificateName ?? '',
			licenseNumber: user.licenseNumber ?? '',
			licenseBoard: user.licenseBoard ?? ''
		}
	};
};

export const actions: Actions = {
	profile: async (event) => {
		const userId = signedInUserId(event);
		const form = await parseForm(event.request, profileForm);
		if (!form.ok) return formFailure(400, form.errors, form.values, 'profile');
		await updateProfile(db(), userId, form.data);
		return { action: 'profile', saved: 'Your details were saved.' };
	},

	password: async (event) => {
		const userId = signedInUserId(event);
		const form = await parseForm(event.request, changePasswordForm);
		if (!form.ok) return formFailure(400, form.errors, {}, 'password');
		const user = await findUserById(db(), userId);
		if (
			!user?.passwordHash ||
			!(await verifyPassword(user.passwordHash, form.data.currentPassword))
		) {
			return formFailure(
				400,
				{ currentPassword: 'Your current password is not right.' },
				{},
				'password'
			);
		}
		await setPassword(db(), userId, form.data.newPassword);
		// A changed password ends every other session; this browser gets a fresh one.
		await invalidateUserSessions(db(), userId);
		const { token, session } = await createSession(db(), userId);
		setSessionCookie(event.cookies, token, session.expiresAt, isSecureRequest(event));
		return {
			action: 'password',
			saved: 'Your password was changed. Other devices were signed out.'
		};
	},

	signOutEverywhere: async (event) => {
		const userId = signedInUserId(event);
		await invalidateUserSessions(db(), userId);
		deleteSessionCookie(event.cookies, isSecureRequest(event));
		redirect(303, '/login');
	}
};
