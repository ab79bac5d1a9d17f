import { expect, test } from '@playwright/test';

test('/healthz answers JSON with the database state', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('HTML pages carry a strict Content-Security-Policy and the hygiene headers', async ({
	request
}) => {
	for (const path of ['/', '/signup', '/login', '/forgot-password']) {
		const response = await request.get(path);
		expect(response.status()).toBe(200);
		const headers = response.headers();
		const csp = headers['content-security-policy'];
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).not.toContain("unsafe-inline' ;"); // scripts: never unsafe-inline
		expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	}
});

test('cross-site form posts are refused (CSRF origin check)', async ({ request }) => {
	const response = await request.post('/login', {
		form: { email: 'a@b.org', password: 'whatever123' },
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
});

test('an unknown page answers 404 with a page, not a 500', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Page not found');
});

test('the layout works at 320 px wide with a skip link first in the tab order', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
});

test('the dark colour scheme also meets WCAG 2.2 AA contrast', async ({ page }) => {
	const { expectAccessible } = await import('../support/accounts');
	await page.emulateMedia({ colorScheme: 'dark' });
	for (const path of ['/', '/signup', '/modules', '/modules/therapeutic-alliance']) {
		await page.goto(path);
		await expectAccessible(page);
	}
});
