const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "1 May 2026, 09:00 UTC". Written out by hand rather than with Intl, so that the server and the
 * browser render exactly the same text (ICU versions differ, e.g. "Sep" and "Sept").
 */
export function formatDateTime(iso: string): string {
	const d = new Date(iso);
	const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
	return `${formatDay(iso)}, ${time} UTC`;
}

/** "1 May 2026" (UTC). */
export function formatDay(iso: string): string {
	const d = new Date(iso);
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}
