import { hash, verify } from '@node-rs/argon2';
import { isCommonPassword } from './common-passwords';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). `algorithm` defaults to argon2id.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFC'));
	} catch {
		return false;
	}
}

/** A hash to verify against when the account does not exist, so both paths take as long. */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hashPassword('decoy password that never matches');
	return decoyHash;
}

/** Why a new password is refused, or null when it is acceptable. Length counts code points. */
export function passwordProblem(password: string): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
	if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
	if (isCommonPassword(password)) {
		return 'This password is one of the most common ones and easy to guess. Choose another.';
	}
	return null;
}
