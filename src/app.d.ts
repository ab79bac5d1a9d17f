import type { Session } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** Set by a throttled action; the response hook turns it into a Retry-After header. */
			retryAfterSeconds?: number;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
