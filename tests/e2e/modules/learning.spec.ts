import { expect, test, type Page } from '@playwright/test';
import { SignupPage, submitAndWait } from '../../pages/account-pages';
import { STRONG_PASSWORD, expectAccessible, uniqueEmail } from '../../support/accounts';

async function signUp(page: Page, name: string) {
	const signup = new SignupPage(page);
	await signup.open();
	await signup.submit({ name, email: uniqueEmail('learner'), password: STRONG_PASSWORD });
	await expect(page).toHaveURL(/\/account$/);
}

test('catalog, module overview and first lesson are readable; lessons need an account', async ({
	page
}) => {
	await page.goto('/modules');
	await expect(page.getByRole('heading', { level: 1, name: 'Modules' })).toBeVisible();
	for (const title of [
		'Common factors in psychotherapy',
		'The Therapeutic Alliance',
		'Instilling hope'
	]) {
		await expect(page.getByRole('link', { name: title })).toBeVisible();
	}
	await expectAccessible(page);

	await page.getByRole('link', { name: 'The Therapeutic Alliance' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'The Therapeutic Alliance' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Learning objectives' })).toBeVisible();
	await expect(page.getByText('Self-paced online (home study)')).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Authors and disclosures' })
	).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Sign in to start' }).click();
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fmodules%2Ftherapeutic-alliance%2F/);
});

// Runs with and without JavaScript (see playwright.config.ts).
test('journey: catalog → module → lessons → progress shown', async ({ page }) => {
	await signUp(page, 'Robin Reader');
	await page.goto('/modules/common-factors');
	await page.getByRole('link', { name: 'Start' }).click();
	await expect(page).toHaveURL(/\/modules\/common-factors\/rosenzweig-and-frank$/);
	const toc = page.getByRole('navigation', { name: 'On this page' });
	await expect(toc).toBeVisible();
	// Every table-of-contents link lands on a heading of the lesson.
	for (const href of await toc
		.getByRole('link')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
		await expect(page.locator(`article ${href}`)).toHaveCount(1);
	}
	await expect(page.getByText('Lesson 1 of 6')).toBeVisible();
	await expectAccessible(page);

	await submitAndWait(page, page.getByRole('button', { name: 'Mark lesson complete' }));
	await expect(page).toHaveURL(/\/modules\/common-factors\/the-dodo-verdict$/);
	await expect(page.getByText('1 of 6 complete')).toBeVisible();

	await page.getByRole('link', { name: /Previous:/ }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'You completed this lesson.' })
	).toBeVisible();

	await page.goto('/modules/common-factors');
	await expect(page.getByRole('link', { name: 'Resume' })).toBeVisible();
	await expect(page.getByText('1 of 6 lessons complete')).toBeVisible();
	const lessons = page.getByRole('region', { name: 'Lessons' }).getByRole('listitem');
	await expect(lessons.nth(0)).toContainText('Completed');
	await expect(lessons.nth(1)).toContainText('In progress');
	await expect(lessons.nth(2)).toContainText('Not started');
	await expect(page.getByText(/Seat time/)).toBeVisible();

	await page.goto('/modules');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Common factors in psychotherapy' })
	).toContainText('1 of 6 lessons complete');
});

test('reflections are saved privately and shown back only to their author', async ({
	page,
	browser
}) => {
	await signUp(page, 'Ari Private');
	await page.goto('/modules/common-factors/rosenzweig-and-frank');
	const answer = page.getByRole('textbox', { name: /Think of a client who arrived demoralized/ });
	await answer.fill('The rationale was thin: I never explained why we were doing exposure.');
	await submitAndWait(page, page.getByRole('button', { name: 'Save reflection' }).first());
	await page.reload();
	await expect(answer).toHaveValue(
		'The rationale was thin: I never explained why we were doing exposure.'
	);

	const other = await browser.newPage();
	await signUp(other, 'Bo Other');
	await other.goto('/modules/common-factors/rosenzweig-and-frank');
	await expect(
		other.getByRole('textbox', { name: /Think of a client who arrived demoralized/ })
	).toHaveValue('');
	expect(await other.content()).not.toContain('I never explained why we were doing exposure');
	await other.close();
});

test('unknown modules and lessons answer 404 pages, never 500', async ({ page }) => {
	await signUp(page, 'Nia Lost');
	for (const path of [
		'/modules/no-such-module',
		'/modules/common-factors/no-such-lesson',
		'/modules/no-such/lesson'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	}
});

test('bad heartbeats and reflections get 4xx answers', async ({ page, baseURL }) => {
	await signUp(page, 'Hal Beat');
	await page.goto('/modules/common-factors/rosenzweig-and-frank');
	const post = (path: string, form: Record<string, string>) =>
		page.request.post(path, {
			form,
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
	const beat = '/modules/common-factors/rosenzweig-and-frank/heartbeat';
	expect((await post(beat, { seconds: '30' })).status()).toBe(204);
	expect((await post(beat, { seconds: '-5' })).status()).toBe(400);
	expect((await post(beat, { seconds: 'lots' })).status()).toBe(400);
	expect((await post(beat, {})).status()).toBe(400);
	expect(
		(await post('/modules/common-factors/the-dodo-verdict/heartbeat', { seconds: '30' })).status()
	).toBe(409);
	const lesson = '/modules/common-factors/rosenzweig-and-frank';
	expect(
		(await post(`${lesson}?/reflection`, { reflectionId: 'not-here', answer: 'x' })).status()
	).toBe(400);
	expect(
		(
			await post(`${lesson}?/reflection`, { reflectionId: 'frank-features-client', answer: '' })
		).status()
	).toBe(400);
	expect(
		(
			await post(`${lesson}?/reflection`, {
				reflectionId: 'frank-features-client',
				answer: 'y'.repeat(10_001)
			})
		).status()
	).toBe(400);
});

test('a refused reflection says why next to the field and keeps what was typed', async ({
	page
}) => {
	await signUp(page, 'Rae Long');
	await page.goto('/modules/common-factors/rosenzweig-and-frank');
	const answer = page.getByRole('textbox', { name: /Think of a client who arrived demoralized/ });
	const tooLong = 'A long reflection. '.repeat(600);
	await answer.fill(tooLong);
	await submitAndWait(page, page.getByRole('button', { name: 'Save reflection' }).first());
	await expect(page.getByRole('alert')).toContainText('Your reflection was not saved');
	await expect(answer).toHaveAttribute('aria-invalid', 'true');
	await expect(answer).toHaveAccessibleDescription(/at most 10,000 characters/);
	await expect(answer).toHaveValue(tooLong);
	await page.getByRole('link', { name: 'Go to the reflection' }).click();
	await expect(answer).toBeFocused();
	await expectAccessible(page);

	// Nothing was stored: a fresh visit shows the prompt empty.
	await page.goto('/modules/common-factors/rosenzweig-and-frank');
	await expect(answer).toHaveValue('');
});

test('lesson pages load only the heartbeat script, and it reports reading time', async ({
	page
}) => {
	await signUp(page, 'Ira Reader');
	const scripts: string[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script')
			scripts.push(new URL(response.url()).pathname);
	});
	const beat = page.waitForRequest(
		(request) =>
			request.method() === 'POST' &&
			request.url().endsWith('/modules/common-factors/rosenzweig-and-frank/heartbeat')
	);
	await page.goto('/modules/common-factors/rosenzweig-and-frank');
	await page.mouse.move(10, 10);
	await page.waitForTimeout(1_500);
	// Switching to another tab sends the time counted so far (simulated: headless tabs stay visible).
	await page.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	expect((await beat).postData()).toMatch(/^seconds=[1-9]\d*$/);
	expect(scripts.filter((path) => path.includes('/_app/immutable/entry/'))).toEqual([]);
	expect(scripts).toContain('/_app/lesson-heartbeat.js');
});

test('links into a lesson from app pages open it as a document, with its heartbeat', async ({
	page
}) => {
	await signUp(page, 'Lou Linked');
	await page.goto('/modules/common-factors');
	const documentLoad = page.waitForRequest(
		(request) =>
			request.isNavigationRequest() &&
			new URL(request.url()).pathname === '/modules/common-factors/rosenzweig-and-frank'
	);
	const heartbeatScript = page.waitForResponse((response) =>
		response.url().endsWith('/_app/lesson-heartbeat.js')
	);
	await page.getByRole('link', { name: 'Start' }).click();
	await documentLoad;
	await heartbeatScript;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Where the idea came from: Rosenzweig and Frank'
	);
	// The way back is a client-side navigation again, and the next lesson a document again.
	await page.getByRole('link', { name: 'Common factors in psychotherapy' }).click();
	await expect(page).toHaveURL(/\/modules\/common-factors$/);
	const again = page.waitForRequest(
		(request) => request.isNavigationRequest() && request.url().endsWith('/the-dodo-verdict')
	);
	await page.getByRole('link', { name: /The Dodo verdict/ }).click();
	await again;
	await expect(page).toHaveURL(/\/the-dodo-verdict$/);
});

test('pointing at a lesson link does not open the lesson (no data preloading of lessons)', async ({
	page
}) => {
	await signUp(page, 'Hana Hover');
	await page.goto('/modules/common-factors');
	const lessons = page.getByRole('region', { name: 'Lessons' }).getByRole('listitem');
	await lessons.nth(2).getByRole('link').hover();
	await page.waitForTimeout(1_000);
	await page.reload();
	await expect(lessons.nth(2)).toContainText('Not started');
	await page.getByRole('link', { name: 'Start' }).hover();
	await page.waitForTimeout(1_000);
	await page.reload();
	await expect(lessons.nth(0)).toContainText('Not started');
	await expect(page.getByRole('link', { name: 'Start' })).toBeVisible();
});
