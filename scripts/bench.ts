/**
 * `npm run bench`: prints performance figures and asserts nothing. Measures cold start of the
 * built server (empty and existing PGlite folder), sign-in round trips over loopback, quiz
 * grading, the catalog build and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL
 * server, sign-in against a fresh database there. Progress goes to stderr, the table to stdout;
 * the exit code is 1 only when a measurement could not be taken at all.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatModuleSummary } from '../src/lib/server/content/content-report';
import { loadContent, type LoadedContent } from '../src/lib/server/content/load-content';
import { readContentFiles } from '../src/lib/server/content/read-content-files';
import { benchmarkGrading } from '../src/lib/server/quiz/bench';
import { lessonPageJavaScriptKb, lessonPageTimes } from './bench-lesson';

const ROOT = resolve(import.meta.dirname, '..');
const LESSON_ROUTE_ID = '/(learner)/modules/[slug]/[lesson]';
const COLD_START_RUNS = 3;
const SIGN_IN_WARM_UP = 3;
const SIGN_IN_RUNS = 50;
const CATALOG_RUNS = 5;
const STARTUP_TIMEOUT_MS = 90_000;
const BENCH_PASSWORD = 'bench passphrase 2026';

interface ResultRow {
	measure: string;
	median: number;
	p95: number | null;
	runs: number;
	note: string;
}

const rows: ResultRow[] = [];
const tempFolders: string[] = [];
const runningServers = new Set<ChildProcess>();
const extraLines: string[] = [];

function progress(message: string): void {
	process.stderr.write(`bench: ${message}\n`);
}

function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function formatMs(ms: number): string {
	const decimals = ms < 1 ? 3 : ms < 10 ? 2 : ms < 100 ? 1 : 0;
	return `${ms.toFixed(decimals)} ms`;
}

/** Adds a row from raw samples; p95 is left out below 20 samples, where it would be the maximum. */
function addSamples(measure: string, samples: number[], note: string): void {
	const p95 = samples.length >= 20 ? percentile(samples, 0.95) : null;
	const spread = `min ${formatMs(Math.min(...samples))}, max ${formatMs(Math.max(...samples))}; `;
	rows.push({
		measure,
		median: percentile(samples, 0.5),
		p95,
		runs: samples.length,
		note: p95 === null && samples.length > 1 ? `${spread}${note}` : note
	});
}

function formatTable(table: ResultRow[]): string {
	const header = ['measure', 'median', 'p95', 'runs', 'notes'];
	const cells = table.map((row) => [
		row.measure,
		formatMs(row.median),
		row.p95 === null ? '-' : formatMs(row.p95),
		String(row.runs),
		row.note
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...cells.map((line) => line[column]!.length))
	);
	const line = (values: string[]) =>
		values
			.map((value, column) =>
				column === 0 || column === 4
					? value.padEnd(widths[column]!)
					: value.padStart(widths[column]!)
			)
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function makeTempFolder(): string {
	const folder = mkdtempSync(join(tmpdir(), 'hh-bench-'));
	tempFolders.push(folder);
	return folder;
}

function ensureBuild(): void {
	if (existsSync(join(ROOT, 'build/handler.js'))) return;
	progress('build/handler.js is missing: running npx vite build…');
	const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
	if (build.status !== 0) throw new Error('npx vite build failed.');
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolvePort(port));
		});
	});
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface RunningServer {
	child: ChildProcess;
	origin: string;
	/** From spawn to the first 200 from /healthz. */
	startupMs: number;
	/** The server's request log (one JSON object per line), when started with `log: true`. */
	logLines: string[];
}

/** The server's environment: ours minus anything that would change its origin or database. */
function serverEnvironment(
	port: number,
	dataDir: string,
	databaseUrl?: string,
	log = false
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'DATABASE_URL']) delete env[name];
	return {
		...env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		LOG_REQUESTS: log ? '1' : '0',
		...(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
	};
}

async function startServer(
	dataDir: string,
	databaseUrl?: string,
	{ log = false } = {}
): Promise<RunningServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: ROOT,
		env: serverEnvironment(port, dataDir, databaseUrl, log),
		stdio: ['ignore', log ? 'pipe' : 'ignore', 'pipe']
	});
	runningServers.add(child);
	const logLines: string[] = [];
	let partial = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		const lines = (partial + chunk.toString()).split('\n');
		partial = lines.pop()!;
		logLines.push(...lines);
	});
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
	const deadline = started + STARTUP_TIMEOUT_MS;
	while (performance.now() < deadline) {
		if (child.exitCode !== null) {
			runningServers.delete(child);
			throw new Error(
				`the server exited (code ${child.exitCode}) before it was healthy:\n${stderr}`
			);
		}
		if (await answersHealthy(origin)) {
			return { child, origin, startupMs: performance.now() - started, logLines };
		}
		await sleep(10);
	}
	await stopServer(child);
	throw new Error(`the server was not healthy after ${STARTUP_TIMEOUT_MS / 1000} s:\n${stderr}`);
}

async function answersHealthy(origin: string): Promise<boolean> {
	try {
		const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) });
		await response.arrayBuffer();
		return response.status === 200;
	} catch {
		return false; // not listening yet: the server listens only once its database is open
	}
}

async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise((done) => child.once('exit', done));
		child.kill('SIGTERM');
		const forceful = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(forceful);
	}
	runningServers.delete(child);
}

/** Posts a form the way a browser without JavaScript does, so the CSRF check passes. */
async function postForm(
	origin: string,
	path: string,
	fields: Record<string, string>
): Promise<number> {
	const response = await fetch(`${origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});
	await response.arrayBuffer();
	return response.status;
}

function expectRedirect(status: number, what: string): void {
	if (status !== 303) throw new Error(`${what} answered ${status}, expected a 303 redirect.`);
}

/** Signs up one learner, then times sequential sign-ins (each a full argon2id verification). */
async function timeSignIns(origin: string): Promise<number[]> {
	const credentials = { email: `bench-${Date.now()}@example.org`, password: BENCH_PASSWORD };
	expectRedirect(await postForm(origin, '/signup', { name: 'Bench', ...credentials }), 'sign-up');
	for (let i = 0; i < SIGN_IN_WARM_UP; i++) {
		expectRedirect(await postForm(origin, '/login', credentials), 'sign-in');
	}
	const times: number[] = [];
	for (let i = 0; i < SIGN_IN_RUNS; i++) {
		const started = performance.now();
		const status = await postForm(origin, '/login', credentials);
		times.push(performance.now() - started);
		expectRedirect(status, 'sign-in');
	}
	return times;
}

async function coldStartMs(dataDir: string): Promise<number> {
	const server = await startServer(dataDir);
	await stopServer(server.child);
	return server.startupMs;
}

/** (a) Returns a folder the server has already initialised, for the sign-in measurement. */
async function benchColdStarts(): Promise<string> {
	const note = 'spawn to first 200 from /healthz';
	const empty: number[] = [];
	let initialised: string | undefined;
	for (let run = 1; run <= COLD_START_RUNS; run++) {
		progress(`cold start on an empty folder ${run}/${COLD_START_RUNS}`);
		const folder = makeTempFolder();
		empty.push(await coldStartMs(folder));
		initialised ??= folder;
	}
	addSamples('cold start, empty PGlite folder', empty, `${note}; initdb + migrations`);
	const existing: number[] = [];
	for (let run = 1; run <= COLD_START_RUNS; run++) {
		progress(`cold start on an existing folder ${run}/${COLD_START_RUNS}`);
		existing.push(await coldStartMs(initialised!));
	}
	addSamples('cold start, existing PGlite folder', existing, note);
	return initialised!;
}

/** (b) */
async function benchPgliteSignIn(dataDir: string): Promise<void> {
	progress(`sign-in ×${SIGN_IN_RUNS} against PGlite`);
	const server = await startServer(dataDir, undefined, { log: true });
	try {
		addSamples(
			'sign-in POST /login, PGlite',
			await timeSignIns(server.origin),
			'loopback round trip incl. argon2id verify + new session'
		);
		progress('lesson page');
		addSamples(
			'lesson page GET, PGlite',
			await lessonPageTimes(server.origin),
			'loopback round trip: render + progress write'
		);
		addSamples(
			'lesson page, server time',
			lessonServerTimes(server.logLines),
			'handler time from the request log: session, progress write and reads, render'
		);
		const js = await lessonPageJavaScriptKb(server.origin);
		extraLines.push(
			`lesson page JavaScript: ${js.kb.toFixed(1)} KB gzip in ${js.files} files (target 40 KB)`
		);
	} finally {
		await stopServer(server.child);
	}
}

/** The request log's milliseconds for the last lesson page GETs (what the server itself spent). */
function lessonServerTimes(logLines: string[]): number[] {
	const times = logLines
		.map((line) => {
			try {
				return JSON.parse(line) as { method?: string; route?: string; ms?: number };
			} catch {
				return {};
			}
		})
		.filter((entry) => entry.method === 'GET' && entry.route === LESSON_ROUTE_ID)
		.map((entry) => entry.ms!);
	if (times.length === 0) throw new Error('the request log holds no lesson page GET');
	return times.slice(-50);
}

/** (c) */
function benchQuizGrading(): void {
	progress('quiz grading');
	const grading = benchmarkGrading();
	const questions = `${grading.questions}-question attempt`;
	rows.push({
		measure: 'quiz grading (parse + score)',
		median: grading.p50Ms,
		p95: grading.p95Ms,
		runs: grading.iterations,
		note: `${questions}, in process`
	});
	rows.push({
		measure: 'quiz attempt draw',
		median: grading.drawP50Ms,
		p95: grading.drawP95Ms,
		runs: grading.iterations,
		note: `${questions}, in process`
	});
}

/** (d) Returns the per-module summary of the catalog it built. */
function benchCatalogBuild(): string {
	progress('catalog build');
	const times: number[] = [];
	let loaded: LoadedContent | undefined;
	for (let run = 0; run < CATALOG_RUNS; run++) {
		const started = performance.now();
		loaded = loadContent(readContentFiles('content', ROOT), 'content');
		times.push(performance.now() - started);
	}
	const { modules, problems } = loaded!;
	const errors = problems.filter((p) => p.severity === 'error').length;
	const counts = `${modules.length} modules, ${errors} errors, ${problems.length - errors} warnings`;
	addSamples('catalog build (read content/ + loadContent)', times, counts);
	return formatModuleSummary(modules);
}

/** (e) A fresh database on the given server, dropped again afterwards. */
async function benchPostgresSignIn(serverUrl: string): Promise<void> {
	const { default: postgres } = await import('postgres');
	const name = `hh_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${name}`);
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		progress(`sign-in ×${SIGN_IN_RUNS} against PostgreSQL (${url.host}/${name})`);
		const server = await startServer(makeTempFolder(), url.toString());
		try {
			addSamples('cold start, empty PostgreSQL database', [server.startupMs], 'incl. migrations');
			addSamples(
				'sign-in POST /login, PostgreSQL',
				await timeSignIns(server.origin),
				'loopback round trip incl. argon2id verify + new session'
			);
		} finally {
			await stopServer(server.child);
		}
	} finally {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}

/** Runs one part; a part that fails is reported and the others still run. */
async function measure(part: string, run: () => unknown): Promise<void> {
	try {
		await run();
	} catch (err) {
		process.exitCode = 1;
		console.error(`bench: ${part} could not be measured: ${(err as Error).message}`);
	}
}

/** Post-test submit throughput has its own script (it needs many learners); its figures go here too. */
function benchPostTestSubmit(): void {
	const run = spawnSync('npx', ['tsx', 'scripts/bench-post-test.ts'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit']
	});
	if (run.status !== 0) throw new Error(`bench-post-test exited with ${run.status}`);
	extraLines.push('', run.stdout.trimEnd());
}

function cleanUp(): void {
	for (const child of runningServers) child.kill('SIGKILL');
	for (const folder of tempFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

async function main(): Promise<void> {
	process.once('exit', cleanUp);
	process.once('SIGINT', () => process.exit(130));
	process.once('SIGTERM', () => process.exit(143));
	const started = performance.now();
	ensureBuild();
	const builtAt = statSync(join(ROOT, 'build/handler.js')).mtime.toISOString();
	let signInFolder: string | undefined;
	let moduleSummary = '';
	await measure('cold start', async () => (signInFolder = await benchColdStarts()));
	await measure('sign-in', () => benchPgliteSignIn(signInFolder ?? makeTempFolder()));
	await measure('quiz grading', benchQuizGrading);
	await measure('catalog build', () => (moduleSummary = benchCatalogBuild()));
	await measure('post-test submit', benchPostTestSubmit);
	const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	if (postgresUrl) await measure('PostgreSQL sign-in', () => benchPostgresSignIn(postgresUrl));
	cleanUp();

	const seconds = ((performance.now() - started) / 1000).toFixed(0);
	console.log(
		`Holding Hope bench: Node ${process.version}, ${availableParallelism()} CPUs, build of ${builtAt}, ${seconds} s`
	);
	console.log('');
	console.log(formatTable(rows));
	for (const line of extraLines) console.log(line);
	if (!postgresUrl) console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL to measure it).');
	if (moduleSummary) console.log(`\nCatalog\n${moduleSummary}`);
}

await main();
