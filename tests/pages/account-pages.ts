import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Clicks a submit button and waits for the server's answer to the POST, with or without
 * JavaScript, so that the next step never races a submission still in flight.
 */
export async function submitAndWait(page: Page, button: Locator): Promise<void> {
	await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
}

/** Page objects for the account journeys: they act as a person would, by label and role. */
export class SignupPage {
	constructor(private readonly page: Page) {}
	async open() {
		await this.page.goto('/signup');
		await expect(
			this.page.getByRole('heading', { level: 1, name: 'Create account' })
		).toBeVisible();
	}
	async submit(fields: { name: string; email: string; password: string }) {
		await this.page.getByLabel('Name', { exact: true }).fill(fields.name);
		await this.page.getByLabel('Email').fill(fields.email);
		await this.page.getByLabel('Password').fill(fields.password);
		await submitAndWait(this.page, this.page.getByRole('button', { name: 'Create account' }));
	}
}

export class LoginPage {
	constructor(private readonly page: Page) {}
	async open() {
		await this.page.goto('/login');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	}
	async submit(email: string, password: string) {
		await this.page.getByLabel('Email').fill(email);
		await this.page.getByLabel('Password').fill(password);
		await submitAndWait(this.page, this.page.getByRole('button', { name: 'Sign in' }));
	}
}

export class SiteHeader {
	constructor(private readonly page: Page) {}
	nav() {
		return this.page.getByRole('navigation', { name: 'Main' });
	}
	async expectSignedInAs(name: string) {
		await expect(this.nav()).toContainText(`Signed in as ${name}`);
	}
	async expectSignedOut() {
		await expect(this.nav().getByRole('link', { name: 'Sign in' })).toBeVisible();
	}
	async signOut() {
		await this.nav().getByRole('button', { name: 'Sign out', exact: true }).click();
	}
}
