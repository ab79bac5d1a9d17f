import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';

/** Where the lesson heartbeat script is served from; lesson pages link it by this path. */
export const LESSON_HEARTBEAT_FILE = '_app/lesson-heartbeat.js';

/**
 * Builds `src/lib/client/lesson-heartbeat.ts` as its own entry of the browser bundle under a
 * fixed name: lesson pages ship without SvelteKit's client runtime, and load only this script.
 */
function lessonHeartbeatEntry(): Plugin {
	let browserBuild = false;
	return {
		name: 'holding-hope:lesson-heartbeat',
		apply: 'build',
		configResolved(config) {
			browserBuild = !config.build.ssr;
		},
		buildStart() {
			if (!browserBuild) return;
			this.emitFile({
				type: 'chunk',
				id: 'src/lib/client/lesson-heartbeat.ts',
				fileName: LESSON_HEARTBEAT_FILE
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), lessonHeartbeatEntry()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
