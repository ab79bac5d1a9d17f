import { expect, type APIResponse, type Page } from '@playwright/test';
import { submitAndWait } from './account-pages';

export const HOPE_TITLE = 'Hope capacity self-assessment';

/** The hope-capacity self-assessment, its results and history, as a learner uses them. */
export class HopePage {
	constructor(private readonly page: Page) {}

	async open(query = '') {
		await this.page.goto(`/assessment/hope${query}`);
		await expect(this.page.getByRole('heading', { level: 1, name: HOPE_TITLE })).toBeVisible();
	}

	statements() {
		return this.page
			.getByRole('region', { name: 'The statements' })
			.getByRole('group')
			.filter({ has: this.page.getByRole('radio') });
	}

	/** Chooses the answer labelled `label` (e.g. "Agree") for every statement. */
	async answerAll(label: string) {
		const statements = this.statements();
		await expect(statements.first()).toBeVisible(); // after a client-side navigation, too
		const count = await statements.count();
		expect(count).toBeGreaterThanOrEqual(16);
		for (let i = 0; i < count; i++) {
			await statements.nth(i).getByRole('radio', { name: label, exact: true }).check();
		}
	}

	/** Submits and lands on the new result; returns its id. */
	async submit(): Promise<string> {
		await submitAndWait(this.page, this.page.getByRole('button', { name: 'See my results' }));
		await expect(this.page).toHaveURL(/\/assessment\/hope\/result\/[a-z0-9]+$/);
		await expect(
			this.page.getByRole('heading', { level: 1, name: 'Your self-assessment results' })
		).toBeVisible();
		return new URL(this.page.url()).pathname.split('/').pop()!;
	}

	/** The averages table of a result page: subscale name → shown average. */
	async averages(): Promise<Record<string, string>> {
		const rows = this.page
			.getByRole('table', { name: /Your averages/ })
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader') });
		const shown: Record<string, string> = {};
		for (const row of await rows.all()) {
			const name = (await row.getByRole('rowheader').textContent())!.trim();
			shown[name] = (await row.getByRole('cell').first().textContent())!.trim();
		}
		return shown;
	}

	/** The chart of one subscale over time on the history part of the page. */
	historyChart(subscale: string) {
		return this.page.getByRole('img', { name: `${subscale} over time` });
	}

	historyRows() {
		return this.page
			.getByRole('table', { name: /Your results/ })
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader') });
	}

	/** The form field names of every statement, read from the questionnaire. */
	async fieldNames(): Promise<string[]> {
		const names = await this.page
			.locator('input[type=radio]')
			.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).name));
		return [...new Set(names)];
	}

	/** Posts a questionnaire straight to the server, as a script might (no browser checks). */
	async post(body: string | Record<string, string>, query = ''): Promise<APIResponse> {
		const origin = new URL(this.page.url()).origin;
		return this.page.request.post(`/assessment/hope?/submit${query}`, {
			...(typeof body === 'string'
				? { data: body, headers: { origin, accept: 'text/html', 'content-type': FORM } }
				: { form: body, headers: { origin, accept: 'text/html' } }),
			maxRedirects: 0
		});
	}

	/** Saves one result through the form post, every statement answered `value`; returns its id. */
	async saveVia(value: number, extra: Record<string, string> = {}): Promise<string> {
		const fields = Object.fromEntries((await this.fieldNames()).map((n) => [n, String(value)]));
		const response = await this.post({ ...fields, ...extra });
		expect(response.status()).toBe(303);
		return response.headers()['location']!.split('/').pop()!;
	}

	/** How many results the learner has, from their own JSON export. */
	async storedCount(): Promise<number> {
		const response = await this.page.request.get('/assessment/hope/export.json');
		expect(response.status()).toBe(200);
		return ((await response.json()) as { results: unknown[] }).results.length;
	}
}

const FORM = 'application/x-www-form-urlencoded';
