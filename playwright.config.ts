import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const dataDir = resolve(process.env.E2E_DATA_DIR ?? 'test-results/e2e-data');

/** The system Chromium first, so nothing downloads a browser; Playwright's own only as a fallback. */
function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	return undefined;
}

const browser = {
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath: chromiumPath(),
		// The machine's network is closed: without these Chromium keeps dialling out at start.
		args: [
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	}
};

export default defineConfig({
	testDir: 'tests',
	outputDir: 'test-results/playwright',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// Each sign-up or sign-in runs argon2id on a 2-core machine shared with the server.
	timeout: 90_000,
	reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
	use: { baseURL: `http://localhost:${port}`, trace: 'retain-on-failure' },
	projects: [
		{ name: 'chromium', testMatch: 'e2e/**/*.spec.ts', use: browser },
		{
			name: 'chromium-no-js',
			// Every test whose file or title says "journey" also runs with JavaScript off.
			testMatch: 'e2e/**/*.spec.ts',
			grep: /journey/,
			use: { ...browser, javaScriptEnabled: false }
		},
		{ name: 'server-process', testMatch: 'process/**/*.spec.ts' }
	],
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			DATA_DIR: dataDir,
			DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'memory://',
			// Lets the cookie test see what the server does behind an HTTPS proxy.
			PROTOCOL_HEADER: 'x-forwarded-proto',
			LOG_REQUESTS: '0'
		}
	}
});
