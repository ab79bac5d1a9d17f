import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

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
		/** Every user learns; authors also see draft modules; admins administer. */
		role: text('role', { enum: ['learner', 'author', 'admin'] })
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

/** Per user and lesson. Keyed by slugs, so a new module version keeps existing progress. */
export const lessonProgress = pgTable(
	'lesson_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		lessonSlug: text('lesson_slug').notNull(),
		firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }).notNull(),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		activeSeconds: integer('active_seconds').notNull().default(0),
		/** Server time of the last page view or heartbeat: what seat time is measured from. */
		lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
		/** Set by the first heartbeat: JavaScript measures this lesson, so page views add nothing. */
		measuredByHeartbeat: boolean('measured_by_heartbeat').notNull().default(false),
		/** Module version and content hash when the lesson was last opened or completed. */
		moduleVersion: text('module_version').notNull(),
		contentHash: text('content_hash').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.moduleSlug, t.lessonSlug] }),
		index('lesson_progress_user_module_idx').on(t.userId, t.moduleSlug)
	]
);

/** A learner's private answer to a lesson's Reflection prompt. */
export const reflections = pgTable(
	'reflections',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		reflectionId: text('reflection_id').notNull(),
		answer: text('answer').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.moduleSlug, t.reflectionId] })]
);

/**
 * One post-test attempt. `drawn` is the snapshot of the questions and options as drawn (text
 * included), so editing the bank later never changes an old attempt. Once `submittedAt` is set
 * the row is final: grading is a conditional update on `submitted_at is null`.
 */
export const quizAttempts = pgTable(
	'quiz_attempts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		moduleVersion: text('module_version').notNull(),
		contentHash: text('content_hash').notNull(),
		seed: text('seed').notNull(),
		drawn: jsonb('drawn').notNull(),
		passMark: real('pass_mark').notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		answers: jsonb('answers'),
		rightCount: integer('right_count'),
		totalCount: integer('total_count').notNull(),
		score: real('score'),
		passed: boolean('passed')
	},
	(t) => [
		index('quiz_attempts_user_module_idx').on(t.userId, t.moduleSlug),
		// At most one open attempt per learner and module, even under concurrent "Start attempt".
		uniqueIndex('quiz_attempts_one_open_idx')
			.on(t.userId, t.moduleSlug)
			.where(sql`${t.submittedAt} is null`)
	]
);

/** Extra post-test attempts an administrator granted after the cap was reached. */
export const attemptGrants = pgTable(
	'attempt_grants',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		extraAttempts: integer('extra_attempts').notNull(),
		grantedBy: text('granted_by').references(() => users.id, { onDelete: 'set null' }),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('attempt_grants_user_module_idx').on(t.userId, t.moduleSlug)]
);

/** One completed hope-capacity self-assessment: private to its user. */
export const hopeAssessments = pgTable(
	'hope_assessments',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		instrumentVersion: text('instrument_version').notNull(),
		/** 'standalone', or 'before'/'after' a module (then `moduleSlug` is set). */
		context: text('context', { enum: ['standalone', 'before', 'after'] }).notNull(),
		moduleSlug: text('module_slug'),
		/** Raw answers by item id (1–6), before reverse scoring. */
		answers: jsonb('answers').notNull(),
		/** Subscale means and total, as scored when taken. */
		scores: jsonb('scores').notNull(),
		takenAt: timestamp('taken_at', { withTimezone: true }).notNull()
	},
	(t) => [index('hope_assessments_user_taken_idx').on(t.userId, t.takenAt)]
);

export type User = typeof users.$inferSelect;
export type LessonProgress = typeof lessonProgress.$inferSelect;
export type Session = typeof sessions.$inferSelect;
