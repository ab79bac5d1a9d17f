import type { ContentProblem } from './problems';

/** What the site holds: module slug → its lesson slugs. */
export type SiteMap = ReadonlyMap<string, ReadonlySet<string>>;

/** App pages outside /modules that content may link to (public URLs from the design brief). */
export const KNOWN_APP_PATHS: ReadonlySet<string> = new Set([
	'/',
	'/modules',
	'/assessment/hope',
	'/certificates',
	'/account',
	'/signup',
	'/login',
	'/logout'
]);

/** Pages every module has besides its lessons. */
const MODULE_PAGES = new Set(['post-test', 'evaluation']);

/**
 * Checks a link written in content. External links and `#anchors` pass; links under /modules/
 * must name an existing module and lesson (error); other unknown site paths are warnings, and
 * relative links are errors because lesson URLs are not file names.
 */
export function checkLink(
	url: string,
	site: SiteMap
): Pick<ContentProblem, 'severity' | 'message'> | undefined {
	if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) {
		return undefined;
	}
	if (!url.startsWith('/')) {
		return {
			severity: 'error',
			message: `relative link "${url}": link with a path from the site root, e.g. /modules/<module>/<lesson>`
		};
	}
	const path = url.split(/[?#]/)[0]!.replace(/(.)\/+$/, '$1');
	const [, first, moduleSlug, page, ...rest] = path.split('/');
	if (first !== 'modules') {
		return KNOWN_APP_PATHS.has(path)
			? undefined
			: { severity: 'warning', message: `link to ${path}: not a page this site is known to have` };
	}
	if (moduleSlug === undefined) return undefined;
	const lessons = site.get(moduleSlug);
	if (!lessons) {
		return { severity: 'error', message: `broken link ${path}: there is no module "${moduleSlug}"` };
	}
	if (page === undefined || (rest.length === 0 && (lessons.has(page) || MODULE_PAGES.has(page)))) {
		return undefined;
	}
	return rest.length === 0
		? {
				severity: 'error',
				message: `broken link ${path}: module "${moduleSlug}" has no lesson "${page}"`
			}
		: { severity: 'error', message: `broken link ${path}: no such page` };
}
