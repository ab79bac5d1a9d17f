import { and, count, eq, gt, lt, min } from 'drizzle-orm';
import type { Database } from '../db';
import { signInFailures } from '../db/schema';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type SignInPermission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

async function failuresSince(db: Database, where: ReturnType<typeof eq>, since: Date) {
	const [row] = await db
		.select({ n: count(), oldest: min(signInFailures.at) })
		.from(signInFailures)
		.where(and(where, gt(signInFailures.at, since)));
	return { n: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/**
 * Refuses a sign-in once an account has 5, or an IP address 20, failures inside the last 15
 * minutes. The answer says how long until the oldest counted failure leaves the window.
 */
export async function signInPermission(
	db: Database,
	emailLower: string,
	ip: string,
	now = new Date()
): Promise<SignInPermission> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const [byAccount, byIp] = await Promise.all([
		failuresSince(db, eq(signInFailures.emailLower, emailLower), since),
		failuresSince(db, eq(signInFailures.ip, ip), since)
	]);
	const blockedUntil = [
		byAccount.n >= MAX_FAILURES_PER_ACCOUNT ? byAccount.oldest : null,
		byIp.n >= MAX_FAILURES_PER_IP ? byIp.oldest : null
	]
		.filter((d): d is Date => d !== null)
		.map((oldest) => oldest.getTime() + THROTTLE_WINDOW_MS);
	if (blockedUntil.length === 0) return { allowed: true };
	const until = Math.max(...blockedUntil);
	return {
		allowed: false,
		retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000))
	};
}

export async function recordSignInFailure(
	db: Database,
	emailLower: string,
	ip: string,
	now = new Date()
): Promise<void> {
	await db.insert(signInFailures).values({ emailLower, ip, at: now });
}

/** A successful sign-in clears the account's count (not the IP's: that guards other accounts). */
export async function clearAccountFailures(db: Database, emailLower: string): Promise<void> {
	await db.delete(signInFailures).where(eq(signInFailures.emailLower, emailLower));
}

/** Old rows answer no question; pruned now and then so the table stays small. */
export async function pruneSignInFailures(db: Database, now = new Date()): Promise<void> {
	await db
		.delete(signInFailures)
		.where(lt(signInFailures.at, new Date(now.getTime() - THROTTLE_WINDOW_MS)));
}
