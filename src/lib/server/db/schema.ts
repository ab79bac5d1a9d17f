import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
	'users',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		/** The name exactly as it prints on certificates; defaults to `name` until the learner sets it. */
		certificateName: text('certificate_name'),
		licenseNumber: text('license_number'),
		licenseBoard: text('license_board'),
		/** Null until a password is set (an administrator created by the CLI sets theirs by link). */
		passwordHash: text('password_hash'),
		role: text('role', { enum: ['learner', 'admin'] })
			.notNull()
			.default('learner'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`)]
);

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the session token, hex: a database leak does not yield usable tokens. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_id_idx').on(t.userId)]
);

/** Failed sign-ins, kept in the database so throttling holds across restarts and instances. */
export const signInFailures = pgTable(
	'sign_in_failures',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		emailLower: text('email_lower').notNull(),
		ip: text('ip').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('sign_in_failures_email_at_idx').on(t.emailLower, t.at),
		index('sign_in_failures_ip_at_idx').on(t.ip, t.at)
	]
);

export const passwordResetTokens = pgTable(
	'password_reset_tokens',
	{
		/** SHA-256 of the emailed token, hex. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('password_reset_tokens_user_idx').on(t.userId)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
