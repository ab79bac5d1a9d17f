import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { openTestDatabase } from '../db/test-database';
import type { DatabaseHandle } from '../db';
import { signIn } from './sign-in';
import { THROTTLE_WINDOW_MS } from './throttle';
import { createUser } from './users';

let h: DatabaseHandle;
const password = 'a long passphrase 7';
beforeAll(async () => {
	h = await openTestDatabase();
	await createUser(h.db, { email: 'lee@example.org', name: 'Lee', password });
});
afterAll(() => h.close());

const t0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('sign-in throttling', () => {
	it('refuses even the right password after 5 failures for one account, then lets it in after the window', async () => {
		for (let i = 0; i < 5; i++) {
			expect(
				await signIn(
					h.db,
					{ email: 'lee@example.org', password: 'wrong', ip: `10.0.0.${i}` },
					at(i * 1000)
				)
			).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		const refused = await signIn(
			h.db,
			{ email: 'LEE@example.org', password, ip: '10.0.1.1' },
			at(10_000)
		);
		expect(refused).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfterSeconds: (THROTTLE_WINDOW_MS - 10_000) / 1000
		});
		const later = await signIn(
			h.db,
			{ email: 'lee@example.org', password, ip: '10.0.1.1' },
			at(THROTTLE_WINDOW_MS + 5_000)
		);
		expect(later.ok).toBe(true);
	});

	it('gives the same answer for an unknown email as for a wrong password', async () => {
		const unknown = await signIn(
			h.db,
			{ email: 'nobody@example.org', password, ip: '10.9.9.9' },
			at(0)
		);
		const wrong = await signIn(
			h.db,
			{ email: 'lee@example.org', password: 'nope nope', ip: '10.9.9.9' },
			at(THROTTLE_WINDOW_MS * 2)
		);
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual(unknown);
	});

	it('refuses an IP address after 20 failures across accounts', async () => {
		const ip = '192.0.2.20';
		const base = THROTTLE_WINDOW_MS * 10;
		for (let i = 0; i < 20; i++) {
			await signIn(h.db, { email: `user${i}@example.org`, password: 'wrong', ip }, at(base + i));
		}
		const refused = await signIn(h.db, { email: 'lee@example.org', password, ip }, at(base + 1000));
		expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
		const otherIp = await signIn(
			h.db,
			{ email: 'lee@example.org', password, ip: '192.0.2.21' },
			at(base + 1000)
		);
		expect(otherIp.ok).toBe(true);
	});
});

describe('throttling across a restart', () => {
	it('still refuses after the database is closed and opened again (a server restart)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'hh-throttle-'));
		try {
			const now = new Date();
			let db = await openDatabase(undefined, { dataDir: dir });
			await createUser(db.db, { email: 'kim@example.org', name: 'Kim', password });
			for (let i = 0; i < 5; i++) {
				await signIn(
					db.db,
					{ email: 'kim@example.org', password: 'wrong', ip: '198.51.100.1' },
					now
				);
			}
			await db.close();
			db = await openDatabase(undefined, { dataDir: dir });
			const refused = await signIn(
				db.db,
				{ email: 'kim@example.org', password, ip: '198.51.100.2' },
				now
			);
			expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
			await db.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
