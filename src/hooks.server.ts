import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { initDatabase } from '$lib/server/db';
import { getCatalog } from '$lib/server/content/catalog';
import { attachSession } from '$lib/server/hooks/attach-session';
import { logRequests } from '$lib/server/hooks/log-requests';
import { securityHeaders } from '$lib/server/hooks/security-headers';
import { logEvent } from '$lib/server/log';

export const init: ServerInit = async () => {
	const started = performance.now();
	try {
		// Content is validated once, before the first request; bad content stops the server here.
		const catalogStarted = performance.now();
		const catalog = getCatalog();
		logEvent({
			event: 'catalog.ready',
			modules: catalog.modules.length,
			ms: Math.round(performance.now() - catalogStarted)
		});
		const handle = await initDatabase();
		process.once('sveltekit:shutdown', () => void handle.close());
		logEvent({
			event: 'database.ready',
			database: handle.location,
			ms: Math.round(performance.now() - started)
		});
	} catch (err) {
		// Content errors, a second process on the same PGlite folder, an unreachable server: say so, stop.
		console.error(`Holding Hope could not start: ${(err as Error).message}`);
		process.exit(1);
	}
};

export const handle = sequence(logRequests, securityHeaders, attachSession);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		logEvent({
			event: 'error',
			route: event.route.id,
			status,
			error: error instanceof Error ? error.message : String(error)
		});
	}
	return { message: status === 404 ? 'Page not found' : 'Something went wrong on our side.' };
};
