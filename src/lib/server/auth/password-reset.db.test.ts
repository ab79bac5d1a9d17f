import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import type { DatabaseHandle } from '../db';
import { passwordResetTokens } from '../db/schema';
import {
	RESET_TOKEN_LIFETIME_MS,
	completePasswordReset,
	createPasswordResetToken,
	resetTokenIsUsable,
	startPasswordReset
} from './password-reset';
import { createSession, validateSessionToken } from './sessions';
import { signIn } from './sign-in';
import { createUser } from './users';

let h: DatabaseHandle;
let userId: string;
beforeAll(async () => {
	h = await openTestDatabase();
	userId = (
		await createUser(h.db, { email: 'mo@example.org', name: 'Mo', password: 'old passphrase 11' })
	).id;
});
afterAll(() => h.close());

describe('password reset', () => {
	it('stores only the hash, works once, ends every session and sets the new password', async () => {
		const { token: sessionToken } = await createSession(h.db, userId);
		const reset = await startPasswordReset(h.db, 'MO@example.org', 'https://ce.example.org');
		expect(reset?.to).toBe('mo@example.org');
		const token = reset!.link.split('/reset-password/')[1]!;
		const rows = await h.db.select().from(passwordResetTokens);
		expect(rows.some((r) => r.id === token)).toBe(false);

		expect(await resetTokenIsUsable(h.db, token)).toBe(true);
		expect(await completePasswordReset(h.db, token, 'new passphrase 22')).toEqual({
			ok: true,
			userId
		});
		expect(await completePasswordReset(h.db, token, 'third passphrase 33')).toEqual({ ok: false });
		expect(await resetTokenIsUsable(h.db, token)).toBe(false);
		expect(await validateSessionToken(h.db, sessionToken)).toBeNull();
		expect(
			(
				await signIn(h.db, {
					email: 'mo@example.org',
					password: 'new passphrase 22',
					ip: '1.1.1.1'
				})
			).ok
		).toBe(true);
	});

	it('answers null for an unknown email (the route answers the same either way)', async () => {
		expect(await startPasswordReset(h.db, 'ghost@example.org', 'https://x')).toBeNull();
	});

	it('refuses a token after one hour', async () => {
		const issued = new Date('2026-04-01T09:00:00Z');
		const token = await createPasswordResetToken(h.db, userId, issued);
		const late = new Date(issued.getTime() + RESET_TOKEN_LIFETIME_MS + 1);
		expect(await resetTokenIsUsable(h.db, token, late)).toBe(false);
		expect(await completePasswordReset(h.db, token, 'late passphrase 44', late)).toEqual({
			ok: false
		});
	});

	it('lets exactly one of many concurrent submissions spend a token', async () => {
		const token = await createPasswordResetToken(h.db, userId);
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				completePasswordReset(h.db, token, `concurrent pass ${i}x`)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
	});
});
