import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export const outboxDir = () =>
	join(resolve(process.env.E2E_DATA_DIR ?? 'test-results/e2e-data'), 'outbox');

let counter = 0;
/** An email no other test (or earlier run on the same database) uses. */
export function uniqueEmail(tag: string): string {
	counter += 1;
	return `${tag}-${Date.now().toString(36)}-${process.pid}-${counter}@example.org`;
}

export const STRONG_PASSWORD = 'quiet harbour lantern 42';

/** Fails the test on any WCAG 2.x A/AA (including 2.2 AA) violation on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
	// axe runs as a script in the page; with JavaScript off it cannot run. The same server-rendered
	// pages are checked in the JavaScript-enabled project.
	if (test.info().project.use.javaScriptEnabled === false) return;
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(
		results.violations.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		)
	).toEqual([]);
}

/** The newest message in the dev outbox addressed to `email`, as raw RFC 822 text. */
export async function latestMailTo(email: string): Promise<string> {
	let found: string | undefined;
	await expect
		.poll(() => {
			const dir = outboxDir();
			if (!existsSync(dir)) return false; // no mail sent yet
			const files = readdirSync(dir)
				.filter((f) => f.endsWith('.eml'))
				.sort()
				.reverse();
			for (const file of files) {
				const text = readFileSync(join(dir, file), 'utf8');
				if (text.includes(`To: ${email}`)) {
					found = text;
					return true;
				}
			}
			return false;
		})
		.toBe(true);
	return found!;
}

export function resetLinkIn(mail: string): string {
	// Quoted-printable may wrap long lines with a soft break ("=\n"); undo it before matching.
	const unwrapped = mail.replace(/=\r?\n/g, '');
	const match = unwrapped.match(/https?:\/\/\S+\/reset-password\/[a-z0-9]+/);
	if (!match) throw new Error(`No reset link in mail:\n${mail}`);
	return match[0];
}
