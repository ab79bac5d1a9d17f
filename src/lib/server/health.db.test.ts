import { describe, expect, it } from 'vitest';
import { openTestDatabase } from './db/test-database';
import { checkHealth } from './health';

describe('health check', () => {
	it('reports ok while the database answers and unavailable once it does not', async () => {
		const h = await openTestDatabase();
		expect(await checkHealth(h)).toEqual({ status: 'ok', db: 'ok' });
		await h.close();
		expect(await checkHealth(h)).toEqual({ status: 'unavailable', db: 'unavailable' });
	});

	it('answers within its timeout when the database hangs', async () => {
		const hung = { ping: () => new Promise<void>(() => {}) };
		const started = Date.now();
		expect(await checkHealth(hung)).toEqual({ status: 'unavailable', db: 'unavailable' });
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
