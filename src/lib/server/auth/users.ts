import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users, type User } from '../db/schema';
import { hashPassword } from './passwords';
import { generateId } from './tokens';

export class EmailTakenError extends Error {
	constructor() {
		super('An account with this email already exists.');
		this.name = 'EmailTakenError';
	}
}

function isUniqueViolation(err: unknown): boolean {
	for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
		if ((e as { code?: string }).code === '23505') return true;
	}
	return false;
}

export async function findUserByEmail(db: Database, email: string): Promise<User | null> {
	const [user] = await db
		.select()
		.from(users)
		.where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
		.limit(1);
	return user ?? null;
}

export async function findUserById(db: Database, id: string): Promise<User | null> {
	const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
	return user ?? null;
}

/** Creates a learner; the unique index on lower(email) decides races between two sign-ups. */
export async function createUser(
	db: Database,
	input: { email: string; name: string; password: string | null; role?: User['role'] }
): Promise<User> {
	const passwordHash = input.password === null ? null : await hashPassword(input.password);
	try {
		const [user] = await db
			.insert(users)
			.values({
				id: generateId(),
				email: input.email,
				name: input.name,
				passwordHash,
				role: input.role ?? 'learner'
			})
			.returning();
		return user!;
	} catch (err) {
		if (isUniqueViolation(err)) throw new EmailTakenError();
		throw err;
	}
}

export async function updateProfile(
	db: Database,
	userId: string,
	profile: {
		name: string;
		certificateName: string | null;
		licenseNumber: string | null;
		licenseBoard: string | null;
	}
): Promise<void> {
	await db.update(users).set(profile).where(eq(users.id, userId));
}

export async function setPassword(db: Database, userId: string, password: string): Promise<void> {
	await db
		.update(users)
		.set({ passwordHash: await hashPassword(password) })
		.where(eq(users.id, userId));
}

export async function setRole(db: Database, userId: string, role: User['role']): Promise<void> {
	await db.update(users).set({ role }).where(eq(users.id, userId));
}
