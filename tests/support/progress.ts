import { expect, type APIRequestContext } from '@playwright/test';
import { moduleBySlug } from './content';

/**
 * Form posts as a browser without JavaScript sends them: same origin, asking for HTML, url-encoded
 * (fields may repeat, as checkboxes do), redirects not followed.
 */
export function formPost(request: APIRequestContext, baseURL: string) {
	return (path: string, fields: Record<string, string> | [string, string][] = {}) =>
		request.post(path, {
			data: new URLSearchParams(fields).toString(),
			headers: {
				origin: baseURL,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			maxRedirects: 0
		});
}

/** Marks every lesson of a module complete through each lesson's "Mark lesson complete" action. */
export async function completeAllLessons(
	request: APIRequestContext,
	baseURL: string,
	moduleSlug: string
): Promise<void> {
	const post = formPost(request, baseURL);
	for (const lesson of moduleBySlug(moduleSlug).lessons) {
		const response = await post(`/modules/${moduleSlug}/${lesson.slug}?/complete`, {});
		expect(response.status(), `complete ${lesson.slug}`).toBe(303);
	}
}
