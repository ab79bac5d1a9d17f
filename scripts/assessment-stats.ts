/**
 * `npm run assessment:stats`: reliability of the hope-capacity self-assessment over the responses
 * stored in the database the server uses (one per person, their latest, for the instrument version
 * in content/): per-item means and SDs, Cronbach's alpha per subscale and corrected item-total
 * correlations. Exit codes: 0 report printed, 1 refused (fewer than 30 respondents) or the
 * database or instrument could not be opened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHopeInstrument, type HopeInstrument } from '../src/lib/server/assessment/instrument';
import { latestResponsesPerUser } from '../src/lib/server/assessment/results';
import { formatInstrumentStats, instrumentStats } from '../src/lib/server/assessment/stats';
import { config } from '../src/lib/server/config';
import { formatProblem } from '../src/lib/server/content/problems';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/open';

const INSTRUMENT_FILE = 'content/assessments/hope-capacity.md';

function fail(message: string): never {
	console.error(`assessment:stats: ${message}`);
	process.exit(1);
}

function loadInstrument(): HopeInstrument {
	let text: string;
	try {
		text = readFileSync(join(process.cwd(), INSTRUMENT_FILE), 'utf8');
	} catch (err) {
		fail(`cannot read ${INSTRUMENT_FILE} (run from the project root): ${(err as Error).message}`);
	}
	const { instrument, problems } = parseHopeInstrument(INSTRUMENT_FILE, text);
	if (!instrument) fail(`the instrument has errors:\n${problems.map(formatProblem).join('\n')}`);
	return instrument;
}

async function openConfiguredDatabase(): Promise<DatabaseHandle> {
	try {
		return await openDatabase(config.databaseUrl, { dataDir: config.dataDir, poolSize: 1 });
	} catch (err) {
		// Most often the PGlite folder lock: the server holds the folder and must be stopped first.
		fail((err as Error).message);
	}
}

async function main(): Promise<void> {
	const instrument = loadInstrument();
	const handle = await openConfiguredDatabase();
	let responses;
	try {
		responses = await latestResponsesPerUser(handle.db, instrument.version);
	} finally {
		await handle.close();
	}
	const stats = instrumentStats(instrument, responses);
	console.log(
		`${instrument.title} ${instrument.version}, ${handle.location}: ` +
			`${responses.length} ${responses.length === 1 ? 'person' : 'people'} with a stored response.\n`
	);
	if (!stats.ok) fail(formatInstrumentStats(stats));
	console.log(formatInstrumentStats(stats));
}

await main();
