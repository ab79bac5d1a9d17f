import type { Handle } from '@sveltejs/kit';
import { db } from '../db';
import { SESSION_COOKIE, validateSessionToken } from '../auth/sessions';
import { deleteSessionCookie, setSessionCookie } from '../auth/session-cookie';

/** Resolves the session cookie to a user; unknown or expired tokens mean signed out. */
export const attachSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const found = token.length <= 100 ? await validateSessionToken(db(), token) : null;
		if (found) {
			event.locals.user = found.user;
			event.locals.session = found.session;
			if (found.renewed) setSessionCookie(event.cookies, token, found.session.expiresAt, secure);
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};
