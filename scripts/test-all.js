// `npm test`: every check the project has, in order, with one summary line at the end.
// PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server (each pass in a fresh
// database that this script creates and drops).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const results = [];
const pgUrl = process.env.TEST_DATABASE_URL;

function run(label, command, args, env = {}) {
	console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
	const started = Date.now();
	const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const ok = child.status === 0;
	console.log(`${ok ? '✔' : '✘'} ${label} (${seconds} s)`);
	return ok;
}

/** A check that is not a test runner counts as one test: passed or failed. */
function check(label, command, args, env) {
	const ok = run(label, command, args, env);
	results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function vitest(label, args, env = {}) {
	const out = resolve(`test-results/vitest-${results.length}.json`);
	rmSync(out, { force: true });
	const ok = run(
		label,
		'npx',
		['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args],
		env
	);
	if (!existsSync(out)) return results.push({ label, passed: 0, failed: 1 });
	const report = JSON.parse(readFileSync(out, 'utf8'));
	const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
	results.push({ label, passed: report.numPassedTests, failed });
}

function playwright(label, args, env = {}) {
	const out = resolve(`test-results/playwright-${results.length}.json`);
	rmSync(out, { force: true });
	const ok = run(label, 'npx', ['playwright', 'test', '--reporter=list,json', ...args], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: out,
		...env
	});
	if (!existsSync(out)) return results.push({ label, passed: 0, failed: 1 });
	const { stats } = JSON.parse(readFileSync(out, 'utf8'));
	const failed = stats.unexpected + stats.flaky + (ok || stats.unexpected > 0 ? 0 : 1);
	results.push({ label, passed: stats.expected, failed });
}

async function withFreshPostgresDatabase(use) {
	const { default: postgres } = await import('postgres');
	const name = `hh_e2e_${Date.now().toString(36)}`;
	const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(pgUrl);
	url.pathname = `/${name}`;
	try {
		use(url.toString());
	} finally {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}

check('svelte-check', 'npm', ['run', '--silent', 'check']);
check('format (prettier)', 'npx', ['prettier', '--check', '.']);
check('lint (eslint)', 'npx', ['eslint', '.']);
check('content check', 'npx', ['tsx', 'scripts/content-check.ts', '--strict']);
vitest('unit tests (PGlite)', []);
if (pgUrl) vitest('data-layer tests (PostgreSQL)', ['db.test'], { HH_TEST_DB: 'postgres' });
if (run('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
	playwright('end-to-end (PGlite)', []);
	if (pgUrl) {
		await withFreshPostgresDatabase((url) =>
			playwright('end-to-end (PostgreSQL)', ['--project=chromium', '--project=chromium-no-js'], {
				E2E_DATABASE_URL: url,
				E2E_DATA_DIR: resolve('test-results/e2e-data-pg')
			})
		);
	}
} else {
	results.push({ label: 'build', passed: 0, failed: 1 });
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.label}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
