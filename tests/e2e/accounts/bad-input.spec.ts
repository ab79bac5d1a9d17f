import { expect, test } from '@playwright/test';
import { STRONG_PASSWORD, uniqueEmail } from '../../support/accounts';

const cases: {
	what: string;
	fields: (email: string) => Record<string, string>;
	field: string;
	message: RegExp;
}[] = [
	{
		what: 'a 10 KB name',
		fields: (email) => ({ name: 'N'.repeat(10_240), email, password: STRONG_PASSWORD }),
		field: 'name',
		message: /Name must be at most 200 characters/
	},
	{
		what: 'a malformed email',
		fields: () => ({ name: 'Ana', email: 'ana@@example', password: STRONG_PASSWORD }),
		field: 'email',
		message: /Enter an email address like/
	},
	{
		what: 'a 300-character email',
		fields: () => ({
			name: 'Ana',
			email: `${'a'.repeat(288)}@example.org`,
			password: STRONG_PASSWORD
		}),
		field: 'email',
		message: /at most 254 characters/
	},
	{
		what: 'control characters',
		fields: (email) => ({ name: 'Ana\u0007\u0000', email, password: STRONG_PASSWORD }),
		field: 'name',
		message: /characters that are not allowed/
	},
	{
		what: 'a missing name',
		fields: (email) => ({ email, password: STRONG_PASSWORD }),
		field: 'name',
		message: /Name is required/
	},
	{
		what: 'a missing password',
		fields: (email) => ({ name: 'Ana', email }),
		field: 'password',
		message: /Password is required/
	},
	{
		what: 'a 200-character password',
		fields: (email) => ({ name: 'Ana', email, password: 'p'.repeat(200) }),
		field: 'password',
		message: /at most 128 characters/
	},
	{
		what: 'a common password',
		fields: (email) => ({ name: 'Ana', email, password: 'password123' }),
		field: 'password',
		message: /most common/
	}
];

test.describe('bad sign-up input', () => {
	for (const c of cases) {
		test(`${c.what}: 400, a message next to the field, nothing written`, async ({
			request,
			baseURL
		}) => {
			const email = uniqueEmail('bad');
			const response = await request.post('/signup', {
				form: c.fields(email),
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status()).toBe(400);
			const html = await response.text();
			expect(html).toMatch(new RegExp(`id="field-${c.field}-error">[^<]*${c.message.source}`));
			expect(html).toContain(
				`aria-describedby="${c.field === 'password' ? 'field-password-hint ' : ''}field-${c.field}-error"`
			);
			expect(html).not.toContain(STRONG_PASSWORD);
			// Nothing was written: the same email can still sign up normally.
			const retry = await request.post('/signup', {
				form: { name: 'Ana', email, password: STRONG_PASSWORD },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(retry.status()).toBe(303);
		});
	}

	test('the form keeps what was typed, except the password', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Name', { exact: true }).fill('Dr. Keep Me');
		await page.getByLabel('Email').fill('keep-me@@example');
		await page.getByLabel('Password').fill(STRONG_PASSWORD);
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
			/Enter an email address like/
		);
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dr. Keep Me');
		await expect(page.getByLabel('Email')).toHaveValue('keep-me@@example');
		await expect(page.getByLabel('Password')).toHaveValue('');
	});
});

test('bad sign-in and account input gets a 400, never a 500', async ({ request, baseURL }) => {
	const headers = { origin: baseURL!, accept: 'text/html' };
	const forms: Record<string, string>[] = [
		{},
		{ email: 'x'.repeat(400), password: 'a' },
		{ email: 'a@b.org', password: 'p'.repeat(200) },
		{ email: 'a@b.org\u0000' }
	];
	for (const form of forms) {
		const response = await request.post('/login', { form, headers, maxRedirects: 0 });
		expect(response.status(), JSON.stringify(form).slice(0, 80)).toBe(400);
	}
	const forgot = await request.post('/forgot-password', {
		form: { email: 'nope' },
		headers,
		maxRedirects: 0
	});
	expect(forgot.status()).toBe(400);
	const reset = await request.post('/reset-password/whatever', {
		form: { token: 'whatever', password: 'short' },
		headers,
		maxRedirects: 0
	});
	expect(reset.status()).toBe(400);
	const multipart = await request.post('/login', {
		multipart: {
			email: 'a@b.org',
			password: { name: 'f.txt', mimeType: 'text/plain', buffer: Buffer.from('x') }
		},
		headers,
		maxRedirects: 0
	});
	expect(multipart.status()).toBe(400);
});

test('an account edit with a 10 KB name is refused and changes nothing', async ({ page }) => {
	const email = uniqueEmail('edit');
	await page.goto('/signup');
	await page.getByLabel('Name', { exact: true }).fill('Original Name');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(STRONG_PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await page.getByLabel('Name', { exact: true }).fill('N'.repeat(10_240));
	await page.getByLabel('License number (optional)').fill('LIC-1');
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(
		/at most 200 characters/
	);
	await expect(page.getByLabel('License number (optional)')).toHaveValue('LIC-1');
	await page.reload();
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Original Name');
	await expect(page.getByLabel('License number (optional)')).toHaveValue('');
});
