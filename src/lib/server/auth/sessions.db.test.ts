import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../db/test-database';
import type { DatabaseHandle } from '../db';
import { sessions } from '../db/schema';
import {
	SESSION_LIFETIME_MS,
	createSession,
	invalidateSession,
	invalidateUserSessions,
	validateSessionToken
} from './sessions';
import { hashToken } from './tokens';
import { createUser } from './users';

let h: DatabaseHandle;
let userId: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
	h = await openTestDatabase();
	userId = (
		await createUser(h.db, {
			email: 'ana@example.org',
			name: 'Ana',
			password: 'a long passphrase 1'
		})
	).id;
});
afterAll(() => h.close());

describe('sessions', () => {
	it('stores only the SHA-256 of the token and resolves the token to its user', async () => {
		const { token, session } = await createSession(h.db, userId);
		expect(session.id).toBe(hashToken(token));
		expect(session.id).not.toContain(token);
		const found = await validateSessionToken(h.db, token);
		expect(found?.user).toMatchObject({
			id: userId,
			email: 'ana@example.org',
			name: 'Ana',
			role: 'learner'
		});
		expect(found?.renewed).toBe(false);
	});

	it('treats an unknown token as signed out', async () => {
		expect(await validateSessionToken(h.db, 'not-a-token-anyone-was-given')).toBeNull();
	});

	it('treats an expired session as signed out and deletes it', async () => {
		const start = new Date('2026-01-01T00:00:00Z');
		const { token, session } = await createSession(h.db, userId, start);
		const afterExpiry = new Date(start.getTime() + SESSION_LIFETIME_MS + 1);
		expect(await validateSessionToken(h.db, token, afterExpiry)).toBeNull();
		expect(await h.db.select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(0);
	});

	it('slides the expiry forward when a session is used in its second half', async () => {
		const start = new Date('2026-02-01T00:00:00Z');
		const { token } = await createSession(h.db, userId, start);
		const early = await validateSessionToken(h.db, token, new Date(start.getTime() + 2 * DAY));
		expect(early?.renewed).toBe(false);
		const later = new Date(start.getTime() + 20 * DAY);
		const renewed = await validateSessionToken(h.db, token, later);
		expect(renewed?.renewed).toBe(true);
		expect(renewed?.session.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);
		// Still valid past the original expiry because it was renewed.
		expect(
			await validateSessionToken(h.db, token, new Date(start.getTime() + 35 * DAY))
		).not.toBeNull();
	});

	it('signs out one session, or every session of a user', async () => {
		const a = await createSession(h.db, userId);
		const b = await createSession(h.db, userId);
		await invalidateSession(h.db, a.session.id);
		expect(await validateSessionToken(h.db, a.token)).toBeNull();
		expect(await validateSessionToken(h.db, b.token)).not.toBeNull();
		await invalidateUserSessions(h.db, userId);
		expect(await validateSessionToken(h.db, b.token)).toBeNull();
	});
});
