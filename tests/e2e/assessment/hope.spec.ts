import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LoginPage, SignupPage, submitAndWait } from '../../pages/account-pages';
import { HopePage } from '../../pages/hope-page';
import { STRONG_PASSWORD, expectAccessible, uniqueEmail } from '../../support/accounts';

const SUBSCALES = ['Agency', 'Pathways', 'Holding hope for clients', 'Sustaining my own hope'];

async function signUp(page: Page, name: string, email = uniqueEmail('hope')) {
	const signup = new SignupPage(page);
	await signup.open();
	await signup.submit({ name, email, password: STRONG_PASSWORD });
	await expect(page).toHaveURL(/\/account$/);
}

/** Every subscale has three forward and two reverse items: all answers `v` → (3v + 2(7 − v)) / 5. */
const meanFor = (v: number) => ((3 * v + 2 * (7 - v)) / 5).toFixed(2);

// Runs with and without JavaScript (see playwright.config.ts).
test('journey: take the self-assessment, see the result, retake it, history charts both', async ({
	page
}) => {
	const hope = new HopePage(page);
	await signUp(page, 'Jo Journey');
	await hope.open();
	await expect(page.getByText('You have no saved results yet.')).toBeVisible();
	await expect(hope.statements()).toHaveCount(20);
	await expectAccessible(page);

	const counter = page.getByText(/^Answered \d+ of 20$/);
	if (test.info().project.use.javaScriptEnabled === false) {
		await expect(counter).toHaveCount(0);
	} else {
		await expect(counter).toHaveText('Answered 0 of 20');
		await hope.statements().first().getByRole('radio', { name: 'Agree', exact: true }).check();
		await expect(counter).toHaveText('Answered 1 of 20');
	}

	await hope.answerAll('Slightly agree');
	const first = await hope.submit();
	expect(await hope.averages()).toEqual(Object.fromEntries(SUBSCALES.map((s) => [s, meanFor(4)])));
	await expect(page.getByRole('img', { name: 'Your average in each area' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Agency: 3\.60 — / })).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'What hope is: goals, pathways and agency' }).first()
	).toHaveAttribute('href', /\/modules\/instilling-hope\/hope-theory$/);
	await expect(page.getByText('On its own')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Your history, and take it again' }).click();
	await hope.answerAll('Agree');
	const second = await hope.submit();
	expect(second).not.toBe(first);
	expect((await hope.averages())['Agency']).toBe(meanFor(5));

	await hope.open();
	for (const subscale of SUBSCALES) {
		const chart = hope.historyChart(subscale);
		await expect(chart.locator('circle')).toHaveCount(2);
		await expect(chart).toHaveAccessibleDescription(/2 results.*3\.60 on .*; 3\.80 on /);
	}
	await expect(hope.historyRows()).toHaveCount(2);
	await expect(hope.historyRows().first()).toContainText('3.80');
	await expectAccessible(page);
});

test('before and after a module: the module invites both, and the change is shown', async ({
	page
}) => {
	test.setTimeout(150_000);
	const hope = new HopePage(page);
	await signUp(page, 'Pat Prepost');
	await page.goto('/modules/instilling-hope');
	await page.getByRole('link', { name: /“before” self-assessment/ }).click();
	await expect(page.getByRole('note')).toContainText(
		'You are taking this before the module Instilling hope'
	);
	await hope.answerAll('Disagree');
	await hope.submit();
	await expect(page.getByText('Before the module Instilling hope')).toBeVisible();

	await page.goto('/modules/instilling-hope');
	await page.getByRole('link', { name: /^(Start|Resume)$/ }).click();
	for (let done = 1; done <= 6; done++) {
		await submitAndWait(page, page.getByRole('button', { name: 'Mark lesson complete' }));
		// Wait for the next page, so the next click never hits the lesson just completed.
		if (done < 6) await expect(page.getByText(`${done} of 6 complete`)).toBeVisible();
	}
	await expect(page).toHaveURL(/\/modules\/instilling-hope$/);
	await page.getByRole('link', { name: /“after” self-assessment/ }).click();
	await hope.answerAll('Strongly agree');
	await hope.submit();
	await expect(page.getByText('After the module Instilling hope')).toBeVisible();
	const change = page.getByRole('table', { name: /Before and after/ });
	await expect(change.getByRole('row', { name: /Agency/ }).getByRole('cell')).toHaveText([
		meanFor(2),
		meanFor(6),
		'+0.80'
	]);
	await expect(change.getByRole('row')).toHaveCount(5);
	await expectAccessible(page);

	await page.goto('/modules/instilling-hope');
	const moduleChange = page.getByRole('table', { name: /Change since you began/ });
	await expect(
		moduleChange
			.getByRole('row', { name: /Pathways/ })
			.getByRole('cell')
			.last()
	).toHaveText('+0.80');

	await hope.open();
	await expect(hope.historyRows().nth(0)).toContainText('After the module Instilling hope');
	await expect(hope.historyRows().nth(1)).toContainText('Before the module Instilling hope');
});

test('export: CSV and JSON hold both of my results and nothing of anyone else', async ({
	page,
	browser
}) => {
	const hope = new HopePage(page);
	await signUp(page, 'Eve Export');
	await hope.open();
	const mine = [await hope.saveVia(3), await hope.saveVia(5, { context: 'standalone' })];

	const other = await browser.newPage();
	const theirs = new HopePage(other);
	await signUp(other, 'Oz Other');
	await theirs.open();
	const notMine = await theirs.saveVia(1);
	await other.close();

	await hope.open();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download as CSV (spreadsheet)' }).click()
	]);
	expect(download.suggestedFilename()).toBe('hope-self-assessment.csv');

	const csvResponse = await page.request.get('/assessment/hope/export.csv');
	expect(csvResponse.headers()['content-type']).toMatch(/^text\/csv/);
	expect(csvResponse.headers()['content-disposition']).toMatch(/^attachment;/);
	const lines = (await csvResponse.text()).trimEnd().split('\r\n');
	expect(lines).toHaveLength(3);
	expect(lines[0]).toMatch(/^id,taken_at,context,module,instrument_version,agency_mean,/);
	expect(lines[1]).toMatch(new RegExp(`^${mine[0]},[^,]+,standalone,,1\\.0\\.0,3\\.4,`));
	expect(lines[2]).toMatch(new RegExp(`^${mine[1]},[^,]+,standalone,,1\\.0\\.0,3\\.8,`));
	expect(lines[1]!.endsWith(',3,3,3,3,3')).toBe(true);

	const jsonResponse = await page.request.get('/assessment/hope/export.json');
	expect(jsonResponse.headers()['content-disposition']).toMatch(/^attachment;/);
	const json = await jsonResponse.json();
	expect(json.results.map((r: { id: string }) => r.id)).toEqual(mine);
	expect(json.results[1].answers['agency-1']).toBe(5);
	expect(json.results[1].scores.subscales[0]).toEqual({ id: 'agency', name: 'Agency', mean: 3.8 });
	const everything = (await csvResponse.text()) + JSON.stringify(json);
	expect(everything).not.toContain(notMine);
});

test('delete: a confirmation step, then the history is gone for real', async ({ page }) => {
	const hope = new HopePage(page);
	await signUp(page, 'Del Ete');
	await hope.open();
	const id = await hope.saveVia(4);
	await hope.saveVia(2);

	await hope.open();
	await page.getByRole('link', { name: 'Delete my history…' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Delete your self-assessment history' })
	).toBeVisible();
	await expectAccessible(page);

	const origin = new URL(page.url()).origin;
	const unconfirmed = await page.request.post('/assessment/hope/delete?/delete', {
		form: {},
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(unconfirmed.status()).toBe(400);
	expect(await unconfirmed.text()).toContain('Tick the box to confirm');
	expect(await hope.storedCount()).toBe(2);

	await page.getByLabel('I understand that my 2 results will be deleted for good.').check();
	await submitAndWait(page, page.getByRole('button', { name: 'Delete my history' }));
	await expect(page).toHaveURL(/\/assessment\/hope\?deleted=2$/);
	await expect(page.getByRole('status')).toHaveText(
		'Your self-assessment history was deleted (2 results).'
	);
	await expect(page.getByText('You have no saved results yet.')).toBeVisible();
	expect(await hope.storedCount()).toBe(0);
	expect((await page.goto(`/assessment/hope/result/${id}`))?.status()).toBe(404);
});

test('privacy: another learner gets 404 for my result and sees none of it', async ({
	page,
	browser
}) => {
	const hope = new HopePage(page);
	await signUp(page, 'Priv Ate');
	await hope.open();
	const id = await hope.saveVia(6);

	const other = await browser.newPage();
	await signUp(other, 'Nosy Parker');
	const response = await other.goto(`/assessment/hope/result/${id}`);
	expect(response?.status()).toBe(404);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	expect(await other.content()).not.toContain('4.00');
	await new HopePage(other).open();
	await expect(other.getByText('You have no saved results yet.')).toBeVisible();
	await other.close();

	const visitor = await browser.newPage();
	await visitor.goto(`/assessment/hope/result/${id}`);
	await expect(visitor).toHaveURL(/\/login\?redirectTo=/);
	const exported = await visitor.request.get('/assessment/hope/export.json', { maxRedirects: 0 });
	expect(exported.status()).toBe(303);
	await visitor.close();
});

test('bad input: missing, off-scale, unknown or repeated answers get 400 and store nothing', async ({
	page
}) => {
	const hope = new HopePage(page);
	await signUp(page, 'Bad Input');
	await hope.open();
	const names = await hope.fieldNames();
	const valid = Object.fromEntries(names.map((n) => [n, '4']));
	const encoded = new URLSearchParams(valid).toString();
	const { [names[0]!]: _dropped, ...missingOne } = valid;

	const cases: [string, string | Record<string, string>, RegExp][] = [
		['a missing answer', missingOne, /1 statement of 20 has no answer yet: number 1\./],
		['an empty form', {}, /20 statements of 20 have no answer yet/],
		['an off-scale value', { ...valid, [names[1]!]: '7' }, /Choose one of the answers from 1 to 6/],
		['a non-number', { ...valid, [names[1]!]: 'lots' }, /Choose one of the answers from 1 to 6/],
		['an unknown item id', { ...valid, 'item-made-up': '3' }, /does not have: .item-made-up/],
		['a repeated answer', `${encoded}&${names[2]}=5`, /answered more than once/],
		['a repeated context', `${encoded}&context=standalone&context=before`, /more than once/],
		['an unknown context', { ...valid, context: 'sometime' }, /unknown context/],
		['a module without context', { ...valid, module: 'instilling-hope' }, /belongs to no module/],
		['an unknown module', { ...valid, context: 'before', module: 'nope' }, /.nope. is not one/]
	];
	for (const [what, body, message] of cases) {
		const response = await hope.post(body);
		expect(response.status(), what).toBe(400);
		expect(await response.text(), what).toMatch(message);
	}
	expect((await page.goto('/assessment/hope?context=before&module=nope'))?.status()).toBe(400);
	expect((await page.goto('/assessment/hope/result/not-a-result'))?.status()).toBe(404);
	expect(await hope.storedCount()).toBe(0);

	// Without JavaScript checks, a refused form comes back with the valid answers kept.
	await hope.open();
	await hope.statements().nth(0).getByRole('radio', { name: 'Agree', exact: true }).check();
	await page.evaluate(() =>
		document.querySelector('form[action*="submit"]')!.setAttribute('novalidate', '')
	);
	await submitAndWait(page, page.getByRole('button', { name: 'See my results' }));
	await expect(page.getByRole('alert')).toContainText('19 statements of 20 have no answer yet');
	await expect(
		hope.statements().nth(0).getByRole('radio', { name: 'Agree', exact: true })
	).toBeChecked();
	await expect(hope.statements().nth(1)).toHaveAccessibleDescription('Please choose an answer.');
	expect(await hope.storedCount()).toBe(0);
});

test('privacy: an administrator gets 404 for a learner’s result', async ({ browser }) => {
	test.setTimeout(300_000);
	// The shared test server runs on an in-memory database that no other process can reach, so
	// this test starts its own server on a PGlite folder where the admin CLI created an administrator.
	const dataDir = mkdtempSync(join(tmpdir(), 'hh-hope-admin-'));
	const port = 4420 + (process.pid % 50);
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
	delete env.DATABASE_URL;
	const adminEmail = uniqueEmail('admin');
	const cli = spawnSync(
		resolve('node_modules/.bin/tsx'),
		['scripts/admin-create.ts', '--email', adminEmail, '--name', 'Ada Admin'],
		{ env, encoding: 'utf8' }
	);
	expect(cli.status, cli.stderr).toBe(0);
	const link = cli.stdout.match(/https?:\/\/\S+\/reset-password\/[a-z0-9]+/)![0];

	const server = spawn(process.execPath, [resolve('scripts/serve.js')], {
		env: { ...env, LOG_REQUESTS: '0' }
	});
	let output = '';
	server.stderr.on('data', (d) => (output += d));
	try {
		await waitHealthy(port, server, () => output);
		const baseURL = `http://localhost:${port}`;

		const learnerContext = await browser.newContext({ baseURL });
		const adminContext = await browser.newContext({ baseURL });
		const learner = await learnerContext.newPage();
		await signUp(learner, 'Lee Learner');
		const hope = new HopePage(learner);
		await hope.open();
		const id = await hope.saveVia(5);
		expect((await learner.goto(`/assessment/hope/result/${id}`))?.status()).toBe(200);

		const admin = await adminContext.newPage();
		await admin.goto(link);
		await admin.getByLabel('New password').fill(STRONG_PASSWORD);
		await submitAndWait(admin, admin.getByRole('button', { name: 'Set new password' }));
		const login = new LoginPage(admin);
		await login.open();
		await login.submit(adminEmail, STRONG_PASSWORD);
		await expect(admin.getByRole('navigation', { name: 'Main' })).toContainText('Ada Admin');
		const response = await admin.goto(`/assessment/hope/result/${id}`);
		expect(response?.status()).toBe(404);
		expect(await admin.content()).not.toContain('3.80');
		await new HopePage(admin).open();
		await expect(admin.getByText('You have no saved results yet.')).toBeVisible();
		await learnerContext.close();
		await adminContext.close();
	} finally {
		server.kill('SIGTERM');
		await new Promise((done) => server.once('exit', done));
		rmSync(dataDir, { recursive: true, force: true });
	}
});

async function waitHealthy(port: number, server: ChildProcess, output: () => string) {
	const started = Date.now();
	for (;;) {
		if (server.exitCode !== null) throw new Error(`server exited:\n${output()}`);
		try {
			if ((await fetch(`http://localhost:${port}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		if (Date.now() - started > 90_000) throw new Error(`server did not start:\n${output()}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
