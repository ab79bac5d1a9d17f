import { expect, test } from '@playwright/test';
import { LoginPage, SignupPage, SiteHeader } from '../../pages/account-pages';
import { STRONG_PASSWORD, expectAccessible, uniqueEmail } from '../../support/accounts';

// Runs twice: with JavaScript (enhanced forms) and without it (plain form posts).
test('sign up, sign out, sign in, edit the account, change password, sign out everywhere', async ({
	page
}) => {
	const email = uniqueEmail('journey');
	const header = new SiteHeader(page);

	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);

	const signup = new SignupPage(page);
	await signup.open();
	await expectAccessible(page);
	await signup.submit({ name: 'Dr. Ana Ruiz', email, password: STRONG_PASSWORD });
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
	await header.expectSignedInAs('Dr. Ana Ruiz');
	await expectAccessible(page);

	await header.signOut();
	await expect(page).toHaveURL(/\/$/);
	await header.expectSignedOut();

	const login = new LoginPage(page);
	await login.open();
	await expectAccessible(page);
	await login.submit(email.toUpperCase(), STRONG_PASSWORD);
	await expect(page).toHaveURL(/\/account$/);

	await page.getByLabel('Name on certificates').fill('Ana Ruiz, PsyD');
	await page.getByLabel('License number (optional)').fill('PSY 12345');
	await page.getByLabel('Issuing state or board (optional)').fill('California Board of Psychology');
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(page.getByRole('status')).toHaveText('Your details were saved.');
	await page.reload();
	await expect(page.getByLabel('Name on certificates')).toHaveValue('Ana Ruiz, PsyD');
	await expect(page.getByLabel('License number (optional)')).toHaveValue('PSY 12345');
	await expect(page.getByLabel('Issuing state or board (optional)')).toHaveValue(
		'California Board of Psychology'
	);

	const newPassword = 'another calm morning 7';
	await page.getByLabel('Current password').fill(STRONG_PASSWORD);
	await page.getByLabel('New password').fill(newPassword);
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password was changed');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Sign out everywhere' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await header.expectSignedOut();
	await login.submit(email, STRONG_PASSWORD);
	await expect(page.getByRole('alert')).toContainText('The email or password is not right');
	await login.submit(email, newPassword);
	await expect(page).toHaveURL(/\/account$/);
	await header.expectSignedInAs('Dr. Ana Ruiz');
});

test('password reset by email works once', async ({ page }) => {
	const { latestMailTo, resetLinkIn } = await import('../../support/accounts');
	const email = uniqueEmail('reset');
	await new SignupPage(page).open();
	await new SignupPage(page).submit({ name: 'Mo Reset', email, password: STRONG_PASSWORD });
	await new SiteHeader(page).signOut();

	await page.goto('/login');
	await page.getByRole('link', { name: 'Forgot your password?' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Email').fill(email);
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByRole('status')).toContainText(`If an account exists for ${email}`);

	const link = resetLinkIn(await latestMailTo(email));
	await page.goto(link);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Choose a new password' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('New password').fill('a brand new passphrase');
	await page.getByRole('button', { name: 'Set new password' }).click();
	await expect(page).toHaveURL(/\/login\?reset=done$/);
	await expect(page.getByRole('status')).toContainText('Your password was changed');

	await new LoginPage(page).submit(email, 'a brand new passphrase');
	await expect(page).toHaveURL(/\/account$/);

	await page.goto(link);
	await expect(page.getByRole('alert')).toHaveText(
		'This reset link has expired or was already used.'
	);
	await expect(page.getByLabel('New password')).toHaveCount(0);
});
