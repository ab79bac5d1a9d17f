import type { Handle } from '@sveltejs/kit';

/**
 * Headers for every response. The Content-Security-Policy of HTML pages comes from `kit.csp`
 * (with hashes for SvelteKit's inline bootstrapping script); other responses still get
 * frame-ancestors 'none' so nothing of ours can be framed.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	const set = (name: string, value: string) => {
		if (!headers.has(name)) headers.set(name, value);
	};
	try {
		set('X-Content-Type-Options', 'nosniff');
		set('Referrer-Policy', 'strict-origin-when-cross-origin');
		set('X-Frame-Options', 'DENY');
		set('Cross-Origin-Opener-Policy', 'same-origin');
		set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
		set('Content-Security-Policy', "frame-ancestors 'none'");
		if (event.locals.retryAfterSeconds) set('Retry-After', String(event.locals.retryAfterSeconds));
	} catch {
		// Responses from fetch() have immutable headers; they are never pages of ours.
	}
	return response;
};
