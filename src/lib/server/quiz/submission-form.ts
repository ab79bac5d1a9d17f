/** A post-test form of 50 questions with every option ticked is under 10 KB. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;
const MAX_FIELDS = 1000;

export type LimitedForm =
	| { ok: true; entries: [string, FormDataEntryValue][] }
	| { ok: false; status: 400 | 413; message: string };

const tooLarge = (maxBytes: number): LimitedForm => ({
	ok: false,
	status: 413,
	message: `The submitted form is too large (over ${Math.round(maxBytes / 1024)} KB). Choose your answers on the page and submit again.`
});

/**
 * Reads a form body of at most `maxBytes`: a larger declared length is refused before reading,
 * and of a body without one (chunked) no more than `maxBytes` is kept, so an oversized
 * submission costs neither memory nor a 500, and always gets its 413.
 */
export async function readLimitedForm(request: Request, maxBytes: number): Promise<LimitedForm> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) return tooLarge(maxBytes);
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				size += value.byteLength;
				// Past the limit the rest is read and dropped, not cancelled: cancelling destroys the
				// connection, and the learner would get no answer at all instead of a 413.
				if (size <= maxBytes) chunks.push(value);
			}
		} catch (err) {
			// adapter-node stops a body past BODY_SIZE_LIMIT with a 413 error of its own.
			if ((err as { status?: unknown }).status === 413) return tooLarge(maxBytes);
			return { ok: false, status: 400, message: 'The form could not be read. Please try again.' };
		}
	}
	if (size > maxBytes) return tooLarge(maxBytes);
	const body = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}
	let form: FormData;
	try {
		const contentType = request.headers.get('content-type') ?? '';
		form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
	} catch {
		return { ok: false, status: 400, message: 'The form could not be read. Please try again.' };
	}
	const entries = [...form.entries()];
	if (entries.length > MAX_FIELDS) return tooLarge(maxBytes);
	return { ok: true, entries };
}
