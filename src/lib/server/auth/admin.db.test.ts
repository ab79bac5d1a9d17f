import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import type { DatabaseHandle } from '../db';
import { AdministratorInputError, createOrPromoteAdmin } from './admin';
import { completePasswordReset } from './password-reset';
import { signIn } from './sign-in';
import { createUser, findUserByEmail } from './users';

const ORIGIN = 'https://ce.example.org';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(() => h.close());

function tokenOf(link: string): string {
	expect(link.startsWith(`${ORIGIN}/reset-password/`)).toBe(true);
	return link.slice(`${ORIGIN}/reset-password/`.length);
}

describe('createOrPromoteAdmin', () => {
	it('creates an administrator without a password and a link that works once', async () => {
		const grant = await createOrPromoteAdmin(
			h.db,
			{ email: ' ada@example.org ', name: 'Dr Ada' },
			ORIGIN
		);
		expect(grant.created).toBe(true);
		expect(grant.user).toMatchObject({ email: 'ada@example.org', name: 'Dr Ada', role: 'admin' });
		const stored = await findUserByEmail(h.db, 'ada@example.org');
		expect(stored).toMatchObject({ role: 'admin', passwordHash: null });

		const credentials = { email: 'ada@example.org', password: 'admin passphrase 1', ip: '9.9.9.9' };
		expect((await signIn(h.db, credentials)).ok).toBe(false);
		const token = tokenOf(grant.link);
		expect(await completePasswordReset(h.db, token, credentials.password)).toMatchObject({
			ok: true
		});
		expect(await completePasswordReset(h.db, token, 'another passphrase 2')).toEqual({
			ok: false
		});
		const signedIn = await signIn(h.db, credentials);
		expect(signedIn.ok && signedIn.user.role).toBe('admin');
	});

	it('promotes an existing learner, matching email case-insensitively, keeping name and password', async () => {
		const learner = await createUser(h.db, {
			email: 'Lee@Example.org',
			name: 'Lee',
			password: 'learner passphrase 3'
		});
		const grant = await createOrPromoteAdmin(
			h.db,
			{ email: 'lee@EXAMPLE.org', name: 'Someone Else' },
			ORIGIN
		);
		expect(grant.created).toBe(false);
		expect(grant.user).toMatchObject({ id: learner.id, name: 'Lee', role: 'admin' });
		expect(await findUserByEmail(h.db, 'lee@example.org')).toMatchObject({
			role: 'admin',
			name: 'Lee',
			passwordHash: learner.passwordHash
		});
		const signedIn = await signIn(h.db, {
			email: 'lee@example.org',
			password: 'learner passphrase 3',
			ip: '9.9.9.8'
		});
		expect(signedIn.ok && signedIn.user.role).toBe('admin');
		expect(tokenOf(grant.link)).not.toBe('');
	});

	it('rejects a bad email or an empty name and creates nobody', async () => {
		await expect(
			createOrPromoteAdmin(h.db, { email: 'not-an-email', name: 'X' }, ORIGIN)
		).rejects.toThrow(AdministratorInputError);
		await expect(
			createOrPromoteAdmin(h.db, { email: 'not-an-email', name: 'X' }, ORIGIN)
		).rejects.toThrow(/email address/);
		await expect(
			createOrPromoteAdmin(h.db, { email: 'blank@example.org', name: '  ' }, ORIGIN)
		).rejects.toThrow(/Name is required/);
		expect(await findUserByEmail(h.db, 'not-an-email')).toBeNull();
		expect(await findUserByEmail(h.db, 'blank@example.org')).toBeNull();
	});
});
