import { z } from 'zod';
import type { Database } from '../db';
import type { User } from '../db/schema';
import { emailField, nameField } from '../forms/fields';
import { createPasswordResetToken, passwordResetLink } from './password-reset';
import { EmailTakenError, createUser, findUserByEmail, setRole } from './users';

export const administratorInput = z.object({ email: emailField, name: nameField });

/** The email or name given for an administrator is not acceptable; `message` says why. */
export class AdministratorInputError extends Error {
	constructor(readonly problems: string[]) {
		super(problems.join(' '));
		this.name = 'AdministratorInputError';
	}
}

export interface AdministratorGrant {
	user: User;
	/** False when an existing account (of any role) was promoted. */
	created: boolean;
	/** One-time link to set a password, valid for an hour. */
	link: string;
}

/**
 * Makes `email` an administrator: a new account without a password, or an existing one promoted
 * (its name and password untouched). Either way a password-reset link is issued, so the first
 * administrator never needs a password on the command line. Throws AdministratorInputError.
 */
export async function createOrPromoteAdmin(
	db: Database,
	input: { email: string; name: string },
	origin: string
): Promise<AdministratorGrant> {
	const parsed = administratorInput.safeParse(input);
	if (!parsed.success) {
		throw new AdministratorInputError(parsed.error.issues.map((issue) => issue.message));
	}
	const { email, name } = parsed.data;
	const { user, created } = await createOrFindUser(db, email, name);
	if (user.role !== 'admin') await setRole(db, user.id, 'admin');
	const token = await createPasswordResetToken(db, user.id);
	return { user: { ...user, role: 'admin' }, created, link: passwordResetLink(origin, token) };
}

async function createOrFindUser(
	db: Database,
	email: string,
	name: string
): Promise<{ user: User; created: boolean }> {
	const existing = await findUserByEmail(db, email);
	if (existing) return { user: existing, created: false };
	try {
		return { user: await createUser(db, { email, name, password: null }), created: true };
	} catch (err) {
		// Someone signed up with this email between the lookup and the insert: promote them.
		const raced = err instanceof EmailTakenError ? await findUserByEmail(db, email) : null;
		if (!raced) throw err;
		return { user: raced, created: false };
	}
}
