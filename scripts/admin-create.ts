/**
 * `npm run admin:create -- --email a@b.org --name "Dr X"`: creates an administrator (or promotes
 * the existing account with that email) in the database the server uses, and prints a one-hour
 * link to set the password. Exit codes: 0 done, 1 the database could not be opened, 2 bad input.
 */
import { parseArgs } from 'node:util';
import { administratorInput, createOrPromoteAdmin } from '../src/lib/server/auth/admin';
import { config } from '../src/lib/server/config';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/open';

const USAGE = 'Usage: npm run admin:create -- --email someone@example.org --name "Dr Someone"';

function fail(message: string, exitCode: number): never {
	console.error(`admin:create: ${message}`);
	process.exit(exitCode);
}

function parseCommandLine(): { email?: string; name?: string } {
	try {
		return parseArgs({
			options: { email: { type: 'string' }, name: { type: 'string' } },
			strict: true,
			allowPositionals: false
		}).values;
	} catch (err) {
		fail(`${(err as Error).message}\n${USAGE}`, 2);
	}
}

/** Checked before the database opens, so a typo is reported even while the server runs. */
function readArguments(): { email: string; name: string } {
	const values = parseCommandLine();
	if (values.email === undefined || values.name === undefined) {
		fail(`both --email and --name are required.\n${USAGE}`, 2);
	}
	const parsed = administratorInput.safeParse(values);
	if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join(' '), 2);
	return parsed.data;
}

async function openConfiguredDatabase(): Promise<DatabaseHandle> {
	try {
		return await openDatabase(config.databaseUrl, {
			dataDir: config.dataDir,
			poolSize: 1
		});
	} catch (err) {
		// Most often the PGlite folder lock: the server holds the folder and must be stopped first.
		fail((err as Error).message, 1);
	}
}

async function main(): Promise<void> {
	const input = readArguments();
	const handle = await openConfiguredDatabase();
	try {
		const { user, created, link } = await createOrPromoteAdmin(
			handle.db,
			input,
			config.publicOrigin
		);
		console.log(
			created
				? `Created administrator ${user.name} <${user.email}> in ${handle.location}.`
				: `Promoted ${user.name} <${user.email}> to administrator in ${handle.location}.`
		);
		console.log(`Set the password within one hour: ${link}`);
	} finally {
		await handle.close();
	}
}

await main();
