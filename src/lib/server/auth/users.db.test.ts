import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import type { DatabaseHandle } from '../db';
import { EmailTakenError, createUser, findUserByEmail } from './users';
import { verifyPassword } from './passwords';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(() => h.close());

describe('users', () => {
	it('keeps emails unique regardless of case, also under concurrent sign-ups', async () => {
		await createUser(h.db, { email: 'Sam@Example.org', name: 'Sam', password: 'correct horse 42' });
		await expect(
			createUser(h.db, { email: 'sam@example.ORG', name: 'Other', password: 'correct horse 43' })
		).rejects.toBeInstanceOf(EmailTakenError);
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, () =>
				createUser(h.db, { email: 'race@example.org', name: 'R', password: 'correct horse 44' })
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(
			results
				.filter((r) => r.status === 'rejected')
				.every((r) => r.reason instanceof EmailTakenError)
		).toBe(true);
	});

	it('finds users case-insensitively and stores an argon2id hash, never the password', async () => {
		const user = await findUserByEmail(h.db, 'SAM@EXAMPLE.ORG');
		expect(user?.name).toBe('Sam');
		expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
		expect(user?.passwordHash).not.toContain('correct horse 42');
		expect(await verifyPassword(user!.passwordHash!, 'correct horse 42')).toBe(true);
		expect(await verifyPassword(user!.passwordHash!, 'correct horse 43')).toBe(false);
	});
});
