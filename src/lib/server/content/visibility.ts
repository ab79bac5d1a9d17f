import type { SessionUser } from '../auth/sessions';
import { getCatalog } from './catalog';
import type { ModuleInfo } from './load-module';

/** Authors and administrators preview drafts; everyone else sees published modules only. */
export function canSeeDrafts(user: Pick<SessionUser, 'role'> | null): boolean {
	return user?.role === 'author' || user?.role === 'admin';
}

export function visibleModules(
	user: Pick<SessionUser, 'role'> | null,
	modules: ModuleInfo[] = getCatalog().modules
): ModuleInfo[] {
	const drafts = canSeeDrafts(user);
	return modules.filter((m) => drafts || !m.draft);
}

/** The module if this user may see it; a draft is as absent as an unknown slug for learners. */
export function visibleModule(
	user: Pick<SessionUser, 'role'> | null,
	slug: string,
	modules?: ModuleInfo[]
): ModuleInfo | undefined {
	return visibleModules(user, modules).find((m) => m.slug === slug);
}
