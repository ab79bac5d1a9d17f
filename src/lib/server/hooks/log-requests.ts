import type { Handle } from '@sveltejs/kit';
import { config } from '../config';
import { logEvent } from '../log';

/**
 * One JSON line per request. It logs the route id, never the path, so tokens in URLs such as
 * /reset-password/<token> stay out of the log.
 */
export const logRequests: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		return response;
	} finally {
		if (config.logRequests) {
			logEvent({
				method: event.request.method,
				route: event.route.id ?? '(no route)',
				status,
				ms: Math.round((performance.now() - started) * 10) / 10
			});
		}
	}
};
