import type { RequestEvent } from '@sveltejs/kit';

export function isSecureRequest(event: Pick<RequestEvent, 'url'>): boolean {
	return event.url.protocol === 'https:';
}

/** Client address for throttling; behind a proxy adapter-node reads it from ADDRESS_HEADER. */
export function clientIp(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** Only same-site paths are followed after sign-in, so ?redirectTo cannot send users elsewhere. */
export function safeRedirectTarget(value: string | null, fallback = '/account'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	return value;
}
