import { error, redirect } from '@sveltejs/kit';
import { visibleModule } from '../content/visibility';

interface PostTestRequest {
	locals: App.Locals;
	params: { slug: string };
	url: URL;
}

/**
 * The signed-in user and the module a post-test route names: visitors go to sign in and come back,
 * and a module they may not see is a 404, exactly like one that does not exist.
 */
export function postTestModule(event: PostTestRequest) {
	const user = event.locals.user;
	if (!user) redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname)}`);
	const module = visibleModule(user, event.params.slug);
	if (!module) error(404, 'Page not found');
	return { user, module };
}
