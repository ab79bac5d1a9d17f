import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

// These tests start the built server themselves, on a PGlite folder of their own.
const serverEntry = resolve('scripts/serve.js');

interface Running {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

function startServer(dataDir: string, port: number): Running {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		DATA_DIR: dataDir,
		LOG_REQUESTS: '0'
	};
	delete env.DATABASE_URL;
	const child = spawn(process.execPath, [serverEntry], { env, cwd: dataDir });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
	return { child, output: () => output, exited };
}

async function waitHealthy(port: number, server: Running): Promise<number> {
	const started = Date.now();
	for (;;) {
		if (server.child.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
		try {
			const r = await fetch(`http://localhost:${port}/healthz`);
			if (r.ok) return Date.now() - started;
		} catch {
			// not listening yet
		}
		if (Date.now() - started > 60_000) throw new Error(`server did not start:\n${server.output()}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

function post(port: number, path: string, fields: Record<string, string>) {
	return fetch(`http://localhost:${port}${path}`, {
		method: 'POST',
		headers: {
			origin: `http://localhost:${port}`,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let dataDir: string;
test.beforeAll(() => {
	dataDir = mkdtempSync(join(tmpdir(), 'hh-server-'));
});
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('a second process on the same PGlite folder stops at once and names the holder; throttling survives kill -9', async () => {
	const port = 4310 + (process.pid % 50);
	const first = startServer(dataDir, port);
	const coldMs = await waitHealthy(port, first);
	test
		.info()
		.annotations.push({ type: 'cold start, empty folder (ms)', description: String(coldMs) });

	const second = startServer(dataDir, port + 100);
	const code = await Promise.race([
		second.exited,
		new Promise((r) => setTimeout(() => r('still running'), 30_000))
	]);
	expect(code).toBe(1);
	expect(second.output()).toContain(`is in use by process ${first.child.pid}`);

	const email = 'restart@example.org';
	const password = 'steady lighthouse 99';
	expect((await post(port, '/signup', { name: 'Re Start', email, password })).status).toBe(303);
	for (let i = 0; i < 5; i++) {
		expect((await post(port, '/login', { email, password: `wrong ${i}` })).status).toBe(400);
	}
	first.child.kill('SIGKILL');
	await first.exited;

	const again = startServer(dataDir, port);
	const warmMs = await waitHealthy(port, again);
	test
		.info()
		.annotations.push({ type: 'cold start, existing folder (ms)', description: String(warmMs) });
	const refused = await post(port, '/login', { email, password });
	expect(refused.status).toBe(429);
	expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
	again.child.kill('SIGTERM');
	await again.exited;
});
