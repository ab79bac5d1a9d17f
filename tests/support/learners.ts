import { expect, type Page } from '@playwright/test';
import { SignupPage } from '../pages/account-pages';
import { STRONG_PASSWORD, uniqueEmail } from './accounts';

/** Signs a new learner up in `page` (and its context); returns the email. */
export async function signUp(page: Page, name: string): Promise<string> {
	const email = uniqueEmail('post-test');
	const signup = new SignupPage(page);
	await signup.open();
	await signup.submit({ name, email, password: STRONG_PASSWORD });
	await expect(page).toHaveURL(/\/account$/);
	return email;
}
