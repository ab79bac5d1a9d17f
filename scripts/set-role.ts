/**
 * `npm run user:role -- --email someone@example.org --role author`: sets an existing account's
 * role. Authors see draft modules; administrators also administer; learners are everyone else.
 */
import { parseArgs } from 'node:util';
import { findUserByEmail, setRole } from '../src/lib/server/auth/users';
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/open';

const ROLES = ['learner', 'author', 'admin'] as const;
const USAGE = 'Usage: npm run user:role -- --email someone@example.org --role learner|author|admin';

function fail(message: string, exitCode: number): never {
	console.error(`user:role: ${message}`);
	process.exit(exitCode);
}

let values: { email?: string; role?: string };
try {
	values = parseArgs({
		options: { email: { type: 'string' }, role: { type: 'string' } },
		strict: true,
		allowPositionals: false
	}).values;
} catch (err) {
	fail(`${(err as Error).message}\n${USAGE}`, 2);
}
const role = ROLES.find((r) => r === values.role);
if (!values.email || !role) fail(USAGE, 2);

let handle;
try {
	handle = await openDatabase(config.databaseUrl, { dataDir: config.dataDir });
} catch (err) {
	fail((err as Error).message, 1);
}
try {
	const user = await findUserByEmail(handle.db, values.email);
	if (!user) fail(`no account with the email ${values.email}: the person signs up first.`, 1);
	await setRole(handle.db, user.id, role);
	console.log(`${user.name} <${user.email}> is now: ${role}`);
} finally {
	await handle.close();
}
