import { z } from 'zod';

/** Lowercase words joined by single hyphens: module folders, lesson files, ids. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Semantic Versioning 2.0.0. */
export const SEMVER_PATTERN =
	/^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

const text = z.string().trim().min(1);

export const referenceSchema = z.strictObject({
	key: z
		.string()
		.regex(
			/^[a-z][a-z0-9-]*$/,
			'must be lowercase letters, digits and hyphens, e.g. flueckiger2018'
		),
	short: text,
	apa: text,
	doi: z
		.string()
		.regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as 10.1037/pst0000172')
		.optional()
});

export const authorSchema = z.strictObject({ name: text, credentials: text });

/** Front matter of `content/<module>/index.md`. Unknown keys are errors (strict). */
export const moduleFrontMatterSchema = z.strictObject({
	title: text,
	summary: text,
	version: z
		.string({ error: 'must be a semantic version such as 1.0.0' })
		.regex(SEMVER_PATTERN, 'must be a semantic version such as 1.0.0'),
	ce_hours: z.number().positive(),
	objectives: z.array(text).min(1),
	authors: z.array(authorSchema).min(1),
	/** Required even when there is nothing to disclose: then it says so ("none"). */
	disclosures: text,
	pass_mark: z.number().gt(0).max(1).default(0.8),
	/** 0 = unlimited. */
	max_attempts: z.number().int().min(0).default(3),
	/** Default: the whole bank. */
	questions_per_attempt: z.number().int().positive().optional(),
	draft: z.boolean().default(false),
	references: z.array(referenceSchema).default([]),
	/** Default: the sum of the lessons' `minutes`. */
	min_seat_minutes: z.number().int().positive().optional()
});

/** Front matter of `content/<module>/NN-slug.md`. Compiled into the browser bundle: nothing secret. */
export const lessonFrontMatterSchema = z.strictObject({
	title: text,
	minutes: z.number().int().positive()
});

/** Front matter of `content/<module>/post-test.md`. */
export const postTestFrontMatterSchema = z.strictObject({
	shuffle: z.boolean().default(false)
});

export type ModuleFrontMatter = z.output<typeof moduleFrontMatterSchema>;
export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;
export type ModuleReference = z.output<typeof referenceSchema>;
export type ModuleAuthor = z.output<typeof authorSchema>;
