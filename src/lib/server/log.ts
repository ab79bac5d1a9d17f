/** One JSON object per line on stdout: easy to grep, easy to ship. Callers never pass secrets. */
export function logEvent(fields: Record<string, unknown>): void {
	process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...fields }) + '\n');
}
