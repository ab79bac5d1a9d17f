import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../auth/passwords';

// C0 and C1 control characters (tab, newline, NUL, …) have no place in a one-line field.
const CONTROL_CHARACTER = /\p{Cc}/u;

function requiredText(label: string, max: number) {
	return z
		.string({ error: `${label} is required.` })
		.transform((s) => s.normalize('NFC').trim())
		.pipe(
			z
				.string()
				.min(1, `${label} is required.`)
				.max(max, `${label} must be at most ${max} characters.`)
				.refine(
					(s) => !CONTROL_CHARACTER.test(s),
					`${label} contains characters that are not allowed.`
				)
		);
}

function optionalText(label: string, max: number) {
	return z
		.string()
		.optional()
		.transform((s) => (s ?? '').normalize('NFC').trim())
		.pipe(
			z
				.string()
				.max(max, `${label} must be at most ${max} characters.`)
				.refine(
					(s) => !CONTROL_CHARACTER.test(s),
					`${label} contains characters that are not allowed.`
				)
				.transform((s) => (s === '' ? null : s))
		);
}

export const nameField = requiredText('Name', 200);
export const certificateNameField = optionalText('Name on certificates', 200);
export const licenseNumberField = optionalText('License number', 64);
export const licenseBoardField = optionalText('Issuing state or board', 120);

export const emailField = z
	.string({ error: 'Email is required.' })
	.transform((s) => s.trim())
	.pipe(
		z
			.string()
			.min(1, 'Email is required.')
			.max(254, 'An email address has at most 254 characters.')
			.refine((s) => !CONTROL_CHARACTER.test(s), 'Email contains characters that are not allowed.')
			.pipe(z.email('Enter an email address like name@example.org.'))
	);

/** A password being chosen: length in code points, not on the common-password list. */
export const newPasswordField = z
	.string({ error: 'Password is required.' })
	.min(1, 'Password is required.')
	.superRefine((s, ctx) => {
		const problem = passwordProblem(s);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});

/** A password being checked: only shape limits, so nothing about the policy leaks. */
export const currentPasswordField = z
	.string({ error: 'Password is required.' })
	.min(1, 'Password is required.')
	.refine(
		(s) => [...s].length <= PASSWORD_MAX,
		`A password has at most ${PASSWORD_MAX} characters.`
	);

export { PASSWORD_MIN, PASSWORD_MAX };
