import { z } from 'zod';
import { fail } from '@sveltejs/kit';

export type FieldErrors = Record<string, string>;

export type ParsedForm<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Fields never echoed back into a form, whatever happens. */
const SECRET_FIELD = /password/i;

/**
 * Reads a submitted form through a zod schema. Only the first value of each field counts, files
 * count as missing, and the typed values (never passwords) come back so the form can keep them.
 */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	options: { keepCharacters?: number } = {}
): Promise<ParsedForm<z.output<S>>> {
	let formData: FormData;
	try {
		formData = await request.formData();
	} catch {
		return {
			ok: false,
			errors: { form: 'The form could not be read. Please try again.' },
			values: {}
		};
	}
	const raw: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (key in raw || typeof value !== 'string') continue;
		raw[key] = value;
	}
	const result = schema.safeParse(raw);
	const values = Object.fromEntries(
		Object.entries(raw).filter(([key]) => !SECRET_FIELD.test(key) && !key.startsWith('/'))
	);
	// Keep what was typed, but not a 10 KB paste into a name field, so the error page stays small;
	// forms for long text raise the limit, since losing someone's writing is worse.
	const keep = options.keepCharacters ?? 1000;
	for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, keep);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { ok: false, errors, values };
}

/** A refused form: status, messages by field ('form' for the whole form), and what to keep typed. */
export function formFailure(
	status: number,
	errors: FieldErrors,
	values: Record<string, string> = {},
	action?: string
) {
	return fail(status, { action, errors, values });
}
