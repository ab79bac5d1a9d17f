import type { Database } from '../db';
import type { User } from '../db/schema';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { clearAccountFailures, recordSignInFailure, signInPermission } from './throttle';
import { findUserByEmail } from './users';

export type SignInResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks credentials under the throttle. A wrong email and a wrong password are the same
 * 'invalid' answer and take about as long (a decoy hash is verified), so accounts cannot be found out.
 */
export async function signIn(
	db: Database,
	credentials: { email: string; password: string; ip: string },
	now = new Date()
): Promise<SignInResult> {
	const emailLower = credentials.email.toLowerCase();
	const permission = await signInPermission(db, emailLower, credentials.ip, now);
	if (!permission.allowed) {
		return { ok: false, reason: 'throttled', retryAfterSeconds: permission.retryAfterSeconds };
	}
	const user = await findUserByEmail(db, emailLower);
	const hash = user?.passwordHash ?? (await decoyPasswordHash());
	const valid = (await verifyPassword(hash, credentials.password)) && !!user?.passwordHash;
	if (!valid || !user) {
		await recordSignInFailure(db, emailLower, credentials.ip, now);
		return { ok: false, reason: 'invalid' };
	}
	await clearAccountFailures(db, emailLower);
	return { ok: true, user };
}
