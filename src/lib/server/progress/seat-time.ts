/**
 * Seat-time accounting: how many seconds one report may add to a learner's active time on a lesson.
 * Pure, so the rules are tested directly. The one trusted clock is the server's: a client only says
 * how much of the time since its last beat it was reading, and the server grants at most the time
 * that has really passed, so no report (forged, replayed or from a skewed clock) gains anything.
 */

/** How often the lesson page's heartbeat reports (see `$lib/client/heartbeat`). */
export const HEARTBEAT_INTERVAL_SECONDS = 30;
/** Two intervals, so a late beat (throttled timer, slow network) still gets its full due. */
export const HEARTBEAT_CAP_SECONDS = 2 * HEARTBEAT_INTERVAL_SECONDS;
/** The idle limit: without JavaScript, no more of a gap between page views counts than this. */
export const NO_JS_CAP_SECONDS = 300;
/** A gap this long between page views means the reader left: none of it is reading time. */
export const NO_JS_GAP_SECONDS = 30 * 60;
/** `active_seconds` is a Postgres integer: a total is never allowed to overflow it. */
export const MAX_ACTIVE_SECONDS = 2 ** 31 - 1;

export interface SeatTimeState {
	/** Server time at which time was last credited (last page view or heartbeat); null if never. */
	lastCreditedAt: Date | null;
	/** Seconds credited so far. */
	activeSeconds: number;
}

export type SeatTimeReport =
	/** The client's count of visible, active seconds since its previous beat. */
	| { kind: 'heartbeat'; claimedSeconds: number }
	/** A page request: the only sign of reading without JavaScript. */
	| { kind: 'page-view' };

export interface SeatTimeCredit {
	creditSeconds: number;
	/** Store this as the new `lastCreditedAt`. */
	lastCreditedAt: Date;
}

export interface SeatTimeSummary {
	/** Whole minutes, rounded down so the page never shows more than was earned. */
	activeMinutes: number;
	requiredMinutes: number;
	met: boolean;
	/** 0–100, rounded down: 100 only once the requirement is met. */
	percent: number;
}

/**
 * Seconds one report may add. Never throws: a bad claim or date credits nothing.
 * The caller must read and write the state under a row lock (`select … for update`), or two
 * concurrent beats would both be measured from the same `lastCreditedAt`.
 */
export function creditSeatTime(
	state: SeatTimeState,
	report: SeatTimeReport,
	now: Date
): SeatTimeCredit {
	const nowMs = now.getTime();
	const lastMs = state.lastCreditedAt?.getTime() ?? NaN;
	const hasLast = Number.isFinite(lastMs);
	// Without a usable server time nothing can be measured; keep the last good moment.
	if (!Number.isFinite(nowMs)) {
		return { creditSeconds: 0, lastCreditedAt: hasLast ? new Date(lastMs) : now };
	}
	if (!hasLast) {
		// Nothing to measure from. A first view credits nothing; a first beat (its page view was never
		// recorded) gets at most one interval, the most a genuine client counts before it beats.
		const firstBeat =
			report.kind === 'heartbeat'
				? Math.min(wholeSeconds(report.claimedSeconds), HEARTBEAT_INTERVAL_SECONDS)
				: 0;
		return { creditSeconds: withinTotal(firstBeat, state.activeSeconds), lastCreditedAt: now };
	}
	const elapsedMs = nowMs - lastMs;
	// The server clock moved back: measure from the new now rather than credit nothing until the
	// clock passes the stored moment again.
	if (elapsedMs < 0) return { creditSeconds: 0, lastCreditedAt: now };
	const elapsedSeconds = Math.floor(elapsedMs / 1000);

	if (report.kind === 'page-view') {
		const credit =
			elapsedSeconds > NO_JS_GAP_SECONDS ? 0 : Math.min(elapsedSeconds, NO_JS_CAP_SECONDS);
		return settle(credit, elapsedSeconds, lastMs, now, state.activeSeconds);
	}
	// The client knows when the tab was hidden or the reader idle, so it may claim less than has
	// passed; the server knows how much time has passed, so it never grants more. The per-beat cap
	// bounds what one request can add even right after a long, legitimately unreported gap.
	const credit = Math.min(
		wholeSeconds(report.claimedSeconds),
		elapsedSeconds,
		HEARTBEAT_CAP_SECONDS
	);
	return settle(credit, elapsedSeconds, lastMs, now, state.activeSeconds);
}

/**
 * Moves the credited moment forward. Time not credited is given up (a hidden tab's minutes cannot be
 * claimed later), except that when the elapsed time itself was the limit the sub-second remainder
 * carries over, so beats that arrive a little early are not shaved by a second each time.
 */
function settle(
	credit: number,
	elapsedSeconds: number,
	lastMs: number,
	now: Date,
	activeSeconds: number
): SeatTimeCredit {
	const creditSeconds = withinTotal(credit, activeSeconds);
	const lastCreditedAt =
		creditSeconds > 0 && creditSeconds === elapsedSeconds
			? new Date(lastMs + creditSeconds * 1000)
			: now;
	return { creditSeconds, lastCreditedAt };
}

/** A claim as a whole, non-negative number of seconds; anything that is not a count is 0. */
function wholeSeconds(value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return 0;
	return Math.min(Math.floor(value), MAX_ACTIVE_SECONDS);
}

function withinTotal(credit: number, activeSeconds: number): number {
	const total = Number.isFinite(activeSeconds) ? Math.max(0, activeSeconds) : 0;
	return Math.max(0, Math.min(credit, MAX_ACTIVE_SECONDS - total));
}

/**
 * Seat time for a module page: the lessons' active seconds against the module's minimum.
 * A requirement of 0 minutes is met at once.
 */
export function seatTimeSummary(
	activeSecondsPerLesson: number[],
	minSeatMinutes: number
): SeatTimeSummary {
	const activeSeconds = activeSecondsPerLesson.reduce((sum, s) => sum + wholeSeconds(s), 0);
	// Rounded up: a fractional requirement is never quietly lowered.
	const requiredMinutes =
		Number.isFinite(minSeatMinutes) && minSeatMinutes > 0 ? Math.ceil(minSeatMinutes) : 0;
	const requiredSeconds = requiredMinutes * 60;
	const met = activeSeconds >= requiredSeconds;
	return {
		activeMinutes: Math.floor(activeSeconds / 60),
		requiredMinutes,
		met,
		percent: met ? 100 : Math.floor((activeSeconds / requiredSeconds) * 100)
	};
}
