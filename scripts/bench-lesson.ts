/**
 * Lesson page figures for `npm run bench`: server round trip of a lesson page (loopback, so an
 * upper bound of server time) and the JavaScript a browser downloads for it, gzipped.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const LESSON_PATH = '/modules/common-factors/rosenzweig-and-frank';
const RUNS = 50;

async function signedInCookie(origin: string): Promise<string> {
	const response = await fetch(`${origin}/signup`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			name: 'Bench Reader',
			email: `bench-reader-${Date.now()}@example.org`,
			password: 'bench reader passphrase'
		})
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (response.status !== 303 || !cookie) throw new Error(`sign-up answered ${response.status}`);
	return cookie;
}

/** Round trips of GET lesson page (render + the progress write it makes). */
export async function lessonPageTimes(origin: string): Promise<number[]> {
	const cookie = await signedInCookie(origin);
	const get = async () => {
		const response = await fetch(`${origin}${LESSON_PATH}`, { headers: { cookie } });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`lesson page answered ${response.status}`);
	};
	// Warm up until the server is in its steady state (JIT, database caches), then measure.
	for (let i = 0; i < 30; i++) await get();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await get();
		times.push(performance.now() - started);
	}
	return times;
}

/** Every script the lesson page loads in a real browser, gzipped one by one, in KB. */
export async function lessonPageJavaScriptKb(
	origin: string
): Promise<{ kb: number; files: number }> {
	const cookie = await signedInCookie(origin);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update'
		]
	});
	try {
		const context = await browser.newContext();
		const [name, value] = cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: origin }]);
		const page = await context.newPage();
		const scripts: Buffer[] = [];
		page.on('response', async (response) => {
			if (response.request().resourceType() === 'script') scripts.push(await response.body());
		});
		await page.goto(`${origin}${LESSON_PATH}`, { waitUntil: 'networkidle' });
		const bytes = scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
		return { kb: bytes / 1024, files: scripts.length };
	} finally {
		await browser.close();
	}
}
