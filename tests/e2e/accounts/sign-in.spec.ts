import { expect, test } from '@playwright/test';
import { LoginPage, SignupPage, SiteHeader } from '../../pages/account-pages';
import { STRONG_PASSWORD, uniqueEmail } from '../../support/accounts';

async function createAccount(page: import('@playwright/test').Page, email: string) {
	await new SignupPage(page).open();
	await new SignupPage(page).submit({ name: 'Lee Tester', email, password: STRONG_PASSWORD });
	await expect(page).toHaveURL(/\/account$/);
	await new SiteHeader(page).signOut();
	await expect(page).toHaveURL(/\/$/);
}

test('a wrong password and an unknown email get the same message', async ({ page }) => {
	const email = uniqueEmail('generic');
	await createAccount(page, email);
	const login = new LoginPage(page);
	await login.open();
	await login.submit(email, 'not my password at all');
	const wrongPassword = await page.getByRole('alert').textContent();
	await login.submit(uniqueEmail('nobody'), STRONG_PASSWORD);
	const unknownEmail = await page.getByRole('alert').textContent();
	expect(wrongPassword).toBe('The email or password is not right. Check both and try again.');
	expect(unknownEmail).toBe(wrongPassword);
	await expect(page.getByLabel('Email')).not.toHaveValue('');
	await expect(page.getByLabel('Password')).toHaveValue('');
});

test('after 5 failed sign-ins the account is refused, even with the right password, with Retry-After', async ({
	page,
	request,
	baseURL
}) => {
	const email = uniqueEmail('throttle');
	await createAccount(page, email);
	const login = new LoginPage(page);
	await login.open();
	for (let i = 0; i < 5; i++) {
		await login.submit(email, `wrong password ${i}`);
		await expect(page.getByRole('alert')).toContainText('The email or password is not right');
	}
	await login.submit(email, STRONG_PASSWORD);
	await expect(page.getByRole('alert')).toContainText('Too many failed sign-ins');
	await expect(page).toHaveURL(/\/login/);

	// The same refusal as a plain HTTP form post: 429 with Retry-After.
	const response = await request.post('/login', {
		form: { email, password: STRONG_PASSWORD },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(429);
	const retryAfter = Number(response.headers()['retry-after']);
	expect(retryAfter).toBeGreaterThan(0);
	expect(retryAfter).toBeLessThanOrEqual(15 * 60);
	expect(await response.text()).toContain('Too many failed sign-ins');
});

test('session cookie is HttpOnly, SameSite=Lax, Path=/, and Secure behind HTTPS', async ({
	request,
	baseURL
}) => {
	const plain = await request.post('/signup', {
		form: { name: 'Cookie Plain', email: uniqueEmail('cookie'), password: STRONG_PASSWORD },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(plain.status()).toBe(303);
	const plainCookie = plain.headers()['set-cookie'];
	expect(plainCookie).toMatch(/^session=[a-z0-9]+;/);
	expect(plainCookie).toMatch(/; HttpOnly/i);
	expect(plainCookie).toMatch(/; SameSite=Lax/i);
	expect(plainCookie).toMatch(/; Path=\//);
	expect(plainCookie).not.toMatch(/; Secure/i);

	const httpsOrigin = baseURL!.replace('http:', 'https:');
	const secure = await request.post('/signup', {
		form: { name: 'Cookie Secure', email: uniqueEmail('cookie'), password: STRONG_PASSWORD },
		headers: { origin: httpsOrigin, 'x-forwarded-proto': 'https', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(secure.status()).toBe(303);
	expect(secure.headers()['set-cookie']).toMatch(/; Secure/i);
	expect(secure.headers()['set-cookie']).toMatch(/; HttpOnly/i);
});

test('an unknown session token is treated as signed out and cleared', async ({
	page,
	context,
	baseURL
}) => {
	await context.addCookies([
		{ name: 'session', value: 'abcdefghijklmnopqrstuvwxyz234567', url: baseURL! }
	]);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
	await new SiteHeader(page).expectSignedOut();
	expect((await context.cookies()).find((c) => c.name === 'session')).toBeUndefined();
});

test('GET /logout does not sign out; only the POST does', async ({ page }) => {
	const email = uniqueEmail('logout');
	await new SignupPage(page).open();
	await new SignupPage(page).submit({ name: 'Pat Logout', email, password: STRONG_PASSWORD });
	await page.goto('/logout');
	await expect(page.getByRole('heading', { level: 1, name: 'Sign out' })).toBeVisible();
	await page.goto('/account');
	await expect(page).toHaveURL(/\/account$/);
	await page.goto('/logout');
	await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/$/);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login/);
});
