import { z } from 'zod';
import { splitFrontMatter, validateFrontMatter } from './front-matter';
import { parseMarkdown, renderHtml } from './markdown';
import { SLUG_PATTERN } from './module-schema';
import type { ContentProblem } from './problems';

const text = z.string().trim().min(1);
const id = z.string().regex(SLUG_PATTERN, 'must be lowercase words joined by hyphens');
const required = z.boolean().default(true);

const scalePointSchema = z.strictObject({ value: z.number().int(), label: text });

const itemSchema = z.discriminatedUnion(
	'type',
	[
		/** One rating on `scale` per objective of the module being evaluated. */
		z.strictObject({ id, type: z.literal('objectives'), prompt: text, required }),
		z.strictObject({ id, type: z.literal('rating'), prompt: text, required }),
		z.strictObject({
			id,
			type: z.literal('yesno'),
			prompt: text,
			/** Optional free-text field shown with the question. */
			follow_up: text.optional(),
			required
		}),
		z.strictObject({ id, type: z.literal('minutes'), prompt: text, required }),
		z.strictObject({ id, type: z.literal('text'), prompt: text, required })
	],
	{ error: 'must be one of objectives, rating, yesno, minutes, text' }
);

/** Front matter of `content/evaluation.md`. */
export const evaluationSchema = z
	.strictObject({
		title: text,
		scale: z.array(scalePointSchema).min(2),
		items: z.array(itemSchema).min(1)
	})
	.superRefine((form, context) => {
		form.scale.forEach((point, index) => {
			const previous = form.scale[index - 1];
			if (previous && point.value <= previous.value) {
				context.addIssue({
					code: 'custom',
					path: ['scale', index, 'value'],
					message: 'must be greater than the value before it (list the scale from low to high)'
				});
			}
		});
		const seen = new Set<string>();
		form.items.forEach((item, index) => {
			if (seen.has(item.id)) {
				context.addIssue({
					code: 'custom',
					path: ['items', index, 'id'],
					message: `is used by an earlier item`
				});
			}
			seen.add(item.id);
		});
	});

type EvaluationFrontMatter = z.output<typeof evaluationSchema>;

export interface EvaluationScalePoint {
	value: number;
	label: string;
}

export type EvaluationItem =
	| { id: string; type: 'objectives' | 'rating' | 'minutes' | 'text'; prompt: string; required: boolean }
	| { id: string; type: 'yesno'; prompt: string; followUp?: string; required: boolean };

/** The course-evaluation form every module shares. */
export interface CourseEvaluation {
	title: string;
	scale: EvaluationScalePoint[];
	items: EvaluationItem[];
	/** The body of evaluation.md as safe HTML (raw HTML dropped). */
	introHtml: string;
}

/** Parses and validates `content/evaluation.md`. */
export function parseEvaluation(
	file: string,
	source: string
): { evaluation?: CourseEvaluation; problems: ContentProblem[] } {
	const frontMatter = splitFrontMatter(file, source);
	const validated = validateFrontMatter(file, frontMatter, evaluationSchema);
	const problems = [...frontMatter.problems, ...validated.problems];
	if (!validated.data) return { problems };
	const body = parseMarkdown(source).children.filter((node) => node.type !== 'yaml');
	return { evaluation: toEvaluation(validated.data, renderHtml(body)), problems };
}

function toEvaluation(data: EvaluationFrontMatter, introHtml: string): CourseEvaluation {
	return {
		title: data.title,
		scale: data.scale,
		items: data.items.map((item) =>
			item.type === 'yesno'
				? {
						id: item.id,
						type: item.type,
						prompt: item.prompt,
						required: item.required,
						...(item.follow_up ? { followUp: item.follow_up } : {})
					}
				: { id: item.id, type: item.type, prompt: item.prompt, required: item.required }
		),
		introHtml
	};
}
