import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './sessions';

/**
 * `secure` follows the request's protocol, so the cookie is Secure behind HTTPS (adapter-node
 * learns the protocol from ORIGIN or PROTOCOL_HEADER) and still works on plain http://localhost.
 */
export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
