import { expect, test, type Page } from '@playwright/test';
import { SignupPage } from '../pages/account-pages';
import { STRONG_PASSWORD, uniqueEmail } from '../support/accounts';

/** Holds back the app's scripts until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const scriptsMayLoad = new Promise<void>((done) => (release = done));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsMayLoad;
		await route.continue();
	});
	return release;
}

// On a slow connection people type before the page's JavaScript has loaded; hydration must keep
// what they typed and chose rather than reset the fields to what the server rendered.
test('what is typed before the scripts arrive survives hydration', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/signup', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Name', { exact: true }).fill('Early Typist');
	await page.getByLabel('Email').fill('early@example.org');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Early Typist');
	await expect(page.getByLabel('Email')).toHaveValue('early@example.org');
});

test('a choice made before the scripts arrive survives hydration', async ({ page }) => {
	const signup = new SignupPage(page);
	await signup.open();
	await signup.submit({
		name: 'Early Chooser',
		email: uniqueEmail('early'),
		password: STRONG_PASSWORD
	});
	await expect(page).toHaveURL(/\/account$/);
	const release = await holdScripts(page);
	await page.goto('/assessment/hope', { waitUntil: 'domcontentloaded' });
	const first = page
		.getByRole('group')
		.filter({ has: page.getByRole('radio') })
		.first();
	await first.getByRole('radio', { name: 'Agree', exact: true }).check();
	release();
	await page.waitForLoadState('networkidle');
	await expect(first.getByRole('radio', { name: 'Agree', exact: true })).toBeChecked();
});
