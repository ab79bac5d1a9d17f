import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { passwordResetTokens } from '../db/schema';
import { invalidateUserSessions } from './sessions';
import { generateToken, hashToken } from './tokens';
import { findUserByEmail, setPassword } from './users';

export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** Issues a single-use reset token for a user; only its hash is stored. */
export async function createPasswordResetToken(
	db: Database,
	userId: string,
	now = new Date()
): Promise<string> {
	const token = generateToken();
	await db.insert(passwordResetTokens).values({
		id: hashToken(token),
		userId,
		expiresAt: new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS),
		createdAt: now
	});
	return token;
}

export function passwordResetLink(origin: string, token: string): string {
	return `${origin}/reset-password/${token}`;
}

/**
 * Starts a reset for whoever owns the email. Returns the link to mail, or null for an unknown
 * email: the caller answers the same in both cases so accounts cannot be found out.
 */
export async function startPasswordReset(
	db: Database,
	email: string,
	origin: string,
	now = new Date()
): Promise<{ to: string; link: string } | null> {
	const user = await findUserByEmail(db, email);
	if (!user) return null;
	const token = await createPasswordResetToken(db, user.id, now);
	return { to: user.email, link: passwordResetLink(origin, token) };
}

/** Whether a token may still be used (shown before the new-password form). */
export async function resetTokenIsUsable(
	db: Database,
	token: string,
	now = new Date()
): Promise<boolean> {
	const [row] = await db
		.select({ id: passwordResetTokens.id })
		.from(passwordResetTokens)
		.where(
			and(
				eq(passwordResetTokens.id, hashToken(token)),
				isNull(passwordResetTokens.usedAt),
				gt(passwordResetTokens.expiresAt, now)
			)
		)
		.limit(1);
	return !!row;
}

/**
 * Spends a token and sets the new password. The conditional update makes the token single-use
 * even under concurrent submissions; every session of the user ends.
 */
export async function completePasswordReset(
	db: Database,
	token: string,
	newPassword: string,
	now = new Date()
): Promise<{ ok: true; userId: string } | { ok: false }> {
	const [spent] = await db
		.update(passwordResetTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(passwordResetTokens.id, hashToken(token)),
				isNull(passwordResetTokens.usedAt),
				gt(passwordResetTokens.expiresAt, now)
			)
		)
		.returning({ userId: passwordResetTokens.userId });
	if (!spent) return { ok: false };
	await setPassword(db, spent.userId, newPassword);
	await invalidateUserSessions(db, spent.userId);
	return { ok: true, userId: spent.userId };
}
