/**
 * `npx tsx scripts/bench-post-test.ts`: post-test submit throughput against the built server on
 * a fresh PGlite folder (target ≥ 300 requests/s), plus grading time in-process (target p50 ≤ 2 ms).
 * Prints figures, asserts nothing; exit code 1 only when a measurement could not be taken.
 *
 * Every module caps attempts, so two submit figures are taken:
 *  - first submits: each of many open attempts (learners × modules × attempts) graded once —
 *    parse, grade against the snapshot, the conditional update;
 *  - repeat submits of one graded attempt at a fixed concurrency for a fixed time — session,
 *    reading the attempt, parse, comparison with the recorded answers, 303 (the idempotent path).
 * Options: --concurrency N (16), --seconds S (3), --learners N (40). Needs `npx vite build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/server/content/load-content';
import { readContentFiles } from '../src/lib/server/content/read-content-files';
import { benchmarkGrading } from '../src/lib/server/quiz/bench';

const ROOT = resolve(import.meta.dirname, '..');
const PASSWORD = 'bench passphrase 2026';
const { values: options } = parseArgs({
	options: {
		concurrency: { type: 'string', default: '16' },
		seconds: { type: 'string', default: '3' },
		learners: { type: 'string', default: '40' }
	}
});
const CONCURRENCY = Number(options.concurrency);
const SECONDS = Number(options.seconds);
const LEARNERS = Number(options.learners);

const progress = (message: string) => process.stderr.write(`bench-post-test: ${message}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function freePort(): Promise<number> {
	return new Promise((done, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => done(port));
		});
	});
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; origin: string }> {
	const port = await freePort();
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'DATABASE_URL']) delete env[name];
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: ROOT,
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_REQUESTS: '0' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const origin = `http://127.0.0.1:${port}`;
	for (let waited = 0; waited < 90_000; waited += 50) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		const healthy = await fetch(`${origin}/healthz`)
			.then((r) => r.ok)
			.catch(() => false);
		if (healthy) return { child, origin };
		await sleep(50);
	}
	child.kill('SIGKILL');
	throw new Error('the server did not become healthy within 90 s');
}

interface Answer {
	status: number;
	location: string | null;
	setCookie: string[];
	body: string;
}

/** node:http with keep-alive: much lighter than fetch, so the client does not cap the figure. */
function request(
	origin: string,
	agent: Agent,
	method: 'GET' | 'POST',
	path: string,
	headers: Record<string, string>,
	body = ''
): Promise<Answer> {
	const url = new URL(path, origin);
	return new Promise((done, fail) => {
		const req = httpRequest(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname + url.search,
				method,
				agent,
				headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					done({
						status: res.statusCode ?? 0,
						location: res.headers.location ?? null,
						setCookie: res.headers['set-cookie'] ?? [],
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
				res.on('error', fail);
			}
		);
		req.on('error', fail);
		req.end(body);
	});
}

/** A signed-in learner: form posts with its session cookie, as a browser without JavaScript. */
class Learner {
	private cookie = '';
	constructor(
		private readonly origin: string,
		private readonly agent: Agent
	) {}

	async post(path: string, body: string): Promise<{ status: number; location: string | null }> {
		const answer = await request(
			this.origin,
			this.agent,
			'POST',
			path,
			{
				origin: this.origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				cookie: this.cookie
			},
			body
		);
		const session = answer.setCookie.find((c) => c.startsWith('session='));
		if (session) this.cookie = session.split(';')[0]!;
		return { status: answer.status, location: answer.location };
	}

	async get(path: string): Promise<string> {
		const answer = await request(this.origin, this.agent, 'GET', path, { cookie: this.cookie });
		if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
		return answer.body;
	}

	async signUp(n: number): Promise<void> {
		const email = `bench-post-test-${Date.now()}-${n}@example.org`;
		const fields = new URLSearchParams({ name: `Bench ${n}`, email, password: PASSWORD });
		const { status } = await this.post('/signup', fields.toString());
		if (status !== 303) throw new Error(`sign-up answered ${status}`);
	}
}

/** The first option of every question: a complete, valid submission (rarely a pass). */
function firstOptions(html: string): string {
	const fields = new URLSearchParams();
	for (const match of html.matchAll(
		/<input type="(?:radio|checkbox)" name="(q-[^"]+)" value="a"/g
	)) {
		fields.append(match[1]!, 'a');
	}
	if ([...fields.keys()].length === 0) throw new Error('the attempt page shows no questions');
	return fields.toString();
}

interface OpenAttempt {
	learner: Learner;
	path: string;
	body: string;
}

/** Runs `task` on each item with `concurrency` in flight; returns each one's latency in ms. */
async function runAll<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>) {
	const latencies: number[] = [];
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++]!;
			const started = performance.now();
			await task(item);
			latencies.push(performance.now() - started);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return latencies;
}

function line(label: string, count: number, seconds: number, latencies: number[]): string {
	const rate = (count / seconds).toFixed(0).padStart(6);
	const p50 = percentile(latencies, 0.5).toFixed(2);
	const p95 = percentile(latencies, 0.95).toFixed(2);
	return `${label.padEnd(44)} ${rate} req/s   p50 ${p50} ms   p95 ${p95} ms   (${count} requests)`;
}

async function main(): Promise<void> {
	if (!existsSync(join(ROOT, 'build/handler.js'))) throw new Error('run npx vite build first');
	const modules = loadContent(readContentFiles('content', ROOT)).modules.filter(
		(m) => !m.draft && m.bank
	);
	const dataDir = mkdtempSync(join(tmpdir(), 'hh-bench-post-test-'));
	const { child, origin } = await startServer(dataDir);
	const report: string[] = [];
	try {
		progress(`signing up ${LEARNERS} learners and completing ${modules.length} modules' lessons`);
		const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
		const learners = Array.from({ length: LEARNERS }, () => new Learner(origin, agent));
		await runAll([...learners.entries()], 4, async ([n, learner]) => {
			await learner.signUp(n);
			for (const module of modules) {
				for (const lesson of module.lessons) {
					await learner.post(`/modules/${module.slug}/${lesson.slug}?/complete`, '');
				}
			}
		});

		const rounds = Math.max(...modules.map((m) => m.maxAttempts || 3));
		const firstLatencies: number[] = [];
		let firstCount = 0;
		let firstSeconds = 0;
		let graded: OpenAttempt | undefined;
		for (let round = 1; round <= rounds; round++) {
			const open: OpenAttempt[] = [];
			for (const learner of learners) {
				for (const module of modules) {
					const started = await learner.post(`/modules/${module.slug}/post-test?/start`, '');
					if (started.status !== 303 || !started.location) continue; // passed or capped
					const body = firstOptions(await learner.get(started.location));
					open.push({ learner, path: `${started.location}?/submit`, body });
				}
			}
			if (open.length === 0) break;
			progress(`round ${round}: submitting ${open.length} open attempts, ${CONCURRENCY} in flight`);
			const began = performance.now();
			firstLatencies.push(
				...(await runAll(open, CONCURRENCY, async (attempt) => {
					const { status } = await attempt.learner.post(attempt.path, attempt.body);
					if (status !== 303) throw new Error(`first submit answered ${status}`);
				}))
			);
			firstSeconds += (performance.now() - began) / 1000;
			firstCount += open.length;
			graded ??= open[0];
		}
		report.push(
			line('first submit (grade + conditional update)', firstCount, firstSeconds, firstLatencies)
		);

		progress(`repeat submits of one graded attempt: ${CONCURRENCY} in flight, ${SECONDS} s`);
		const repeat = async (seconds: number, latencies: number[]) => {
			const deadline = performance.now() + seconds * 1000;
			let failed = 0;
			await Promise.all(
				Array.from({ length: CONCURRENCY }, async () => {
					while (performance.now() < deadline) {
						const started = performance.now();
						const { status } = await graded!.learner.post(graded!.path, graded!.body);
						latencies.push(performance.now() - started);
						if (status !== 303) failed += 1;
					}
				})
			);
			return failed;
		};
		await repeat(1, []); // warm-up: the server's JIT, the database's caches
		const repeatLatencies: number[] = [];
		const failures = await repeat(SECONDS, repeatLatencies);
		report.push(
			line(
				'repeat submit (idempotent, same result)',
				repeatLatencies.length,
				SECONDS,
				repeatLatencies
			)
		);
		if (failures > 0) report.push(`  ${failures} repeat submits did not answer 303`);
		agent.destroy();
	} finally {
		child.kill('SIGTERM');
		await new Promise((done) => child.once('exit', done));
		rmSync(dataDir, { recursive: true, force: true });
	}

	const grading = benchmarkGrading();
	report.push(
		`${'grading a 20-question attempt (in-process)'.padEnd(44)} p50 ${grading.p50Ms.toFixed(3)} ms   p95 ${grading.p95Ms.toFixed(3)} ms   (${grading.iterations} runs)`
	);
	console.log(`post-test on PGlite, ${CONCURRENCY} in flight\n${report.join('\n')}`);
}

main().catch((err: unknown) => {
	console.error(`bench-post-test: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
});
