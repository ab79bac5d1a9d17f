import { z } from 'zod';

// A reflection is free text: line breaks and tabs are fine, other control characters are not.
const DISALLOWED_CONTROL = /(?![\t\n\r])\p{Cc}/u;

export const reflectionForm = z.object({
	reflectionId: z.string({ error: 'The form is incomplete.' }).min(1).max(100),
	answer: z
		.string({ error: 'Write your reflection before saving.' })
		.transform((s) => s.normalize('NFC').trim())
		.pipe(
			z
				.string()
				.min(1, 'Write your reflection before saving.')
				.max(10_000, 'A reflection can be at most 10,000 characters.')
				.refine(
					(s) => !DISALLOWED_CONTROL.test(s),
					'The text contains characters that are not allowed.'
				)
		)
});

export const heartbeatForm = z.object({
	seconds: z.coerce
		.number({ error: 'seconds must be a number' })
		.int('seconds must be a whole number')
		.min(0, 'seconds cannot be negative')
		.max(3600, 'seconds is too large')
});
