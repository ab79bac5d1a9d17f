import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { sessions, users, type Session, type User } from '../db/schema';
import { generateToken, hashToken } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used in its last 15 days is extended to a full 30 again (sliding expiry). */
const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;
export const SESSION_COOKIE = 'session';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: User['role'];
}

export interface ValidatedSession {
	session: Session;
	user: SessionUser;
	/** True when the expiry moved and the cookie must be sent again. */
	renewed: boolean;
}

/** Starts a session for a user; returns the token for the cookie (only its hash is stored). */
export async function createSession(
	db: Database,
	userId: string,
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const session: Session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
		createdAt: now
	};
	await db.insert(sessions).values(session);
	return { token, session };
}

function buildSessionLookup(db: Database) {
	return db
		.select({
			session: sessions,
			user: { id: users.id, email: users.email, name: users.name, role: users.role }
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.limit(1)
		.prepare('session_lookup');
}

/** Every request runs this query, so it is built once per database handle, not per request. */
const sessionLookups = new WeakMap<Database, ReturnType<typeof buildSessionLookup>>();

function sessionLookup(db: Database) {
	let lookup = sessionLookups.get(db);
	if (!lookup) sessionLookups.set(db, (lookup = buildSessionLookup(db)));
	return lookup;
}

/** Looks a token up; unknown or expired tokens yield null (expired rows are deleted). */
export async function validateSessionToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<ValidatedSession | null> {
	const id = hashToken(token);
	const [row] = await sessionLookup(db).execute({ id });
	if (!row) return null;
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	let renewed = false;
	if (now.getTime() >= session.expiresAt.getTime() - SESSION_RENEW_WITHIN_MS) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
		renewed = true;
	}
	return { session, user, renewed };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs a user out everywhere (password change, reset, "sign out everywhere"). */
export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}
