import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Everything in (learner) needs an account; visitors go to sign-in and come back after. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return {};
};
