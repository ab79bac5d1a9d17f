/**
 * The lesson page's seat-time heartbeat. Counts only the time the page is visible and the reader
 * active, and reports it every interval. The server grants no more than really passed (see
 * `$lib/server/progress/seat-time`), so this count can only lower a report, never raise it.
 * No dependencies: it ships with every lesson page.
 */

export interface HeartbeatOptions {
	/** Receives whole seconds counted since the last send; never called with 0. */
	send: (seconds: number) => void;
	intervalSeconds?: number;
	/** With no input for this long the reader is taken to have stopped reading. */
	idleSeconds?: number;
	doc?: EventTarget & { readonly visibilityState: DocumentVisibilityState };
	win?: EventTarget;
	/** A monotonic clock in milliseconds: wall-clock changes must not count as reading. */
	now?: () => number;
}

const INPUT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'scroll', 'touchstart'];
// Capture, because scrolling an inner element does not bubble; passive, so scrolling never waits.
const INPUT_LISTENER = { capture: true, passive: true } as const;

/** Starts counting; the returned function sends what is left and stops. */
export function startHeartbeat({
	send,
	intervalSeconds = 30,
	idleSeconds = 300,
	doc = document,
	win = window,
	now = () => performance.now()
}: HeartbeatOptions): () => void {
	const idleMs = idleSeconds * 1000;
	let visible = doc.visibilityState === 'visible';
	let lastInputAt = now();
	let countedUntil = lastInputAt;
	let countedMs = 0;
	let stopped = false;

	// Time since the last call counts while visible, up to `idleSeconds` after the last input.
	const count = () => {
		const t = now();
		const activeUntil = Math.min(t, lastInputAt + idleMs);
		if (visible && activeUntil > countedUntil) countedMs += activeUntil - countedUntil;
		countedUntil = t;
	};
	const flush = () => {
		count();
		const seconds = Math.floor(countedMs / 1000);
		if (seconds <= 0) return;
		// The fraction carries over, so short visits still add up.
		countedMs -= seconds * 1000;
		send(seconds);
	};
	const onInput = () => {
		count();
		lastInputAt = countedUntil;
	};
	const onVisibilityChange = () => {
		count();
		visible = doc.visibilityState === 'visible';
		// Hidden may be the last chance to report (mobile browsers often never fire pagehide); coming
		// back to the tab is itself a sign of attention.
		if (visible) lastInputAt = countedUntil;
		else flush();
	};
	// A page kept in the back/forward cache is not being read until it is shown again.
	const onPageHide = () => {
		flush();
		visible = false;
	};

	for (const type of INPUT_EVENTS) doc.addEventListener(type, onInput, INPUT_LISTENER);
	doc.addEventListener('visibilitychange', onVisibilityChange);
	win.addEventListener('pagehide', onPageHide);
	win.addEventListener('pageshow', onVisibilityChange);
	const timer = setInterval(flush, intervalSeconds * 1000);

	return () => {
		if (stopped) return;
		stopped = true;
		flush();
		clearInterval(timer);
		for (const type of INPUT_EVENTS) doc.removeEventListener(type, onInput, INPUT_LISTENER);
		doc.removeEventListener('visibilitychange', onVisibilityChange);
		win.removeEventListener('pagehide', onPageHide);
		win.removeEventListener('pageshow', onVisibilityChange);
	};
}

/**
 * A `send` that posts `seconds=<n>` as a form to `url`. `sendBeacon` survives the page being
 * closed; `fetch` with `keepalive` is the fallback where it is missing or its queue is full.
 */
export function beaconSender(url: string): (seconds: number) => void {
	return (seconds) => {
		const body = new URLSearchParams({ seconds: String(seconds) });
		try {
			if (navigator.sendBeacon?.(url, body)) return;
		} catch {
			// An unusable beacon falls through to fetch.
		}
		// Seat time is best effort: a lost beat must never surface as an error on the lesson page.
		fetch(url, { method: 'POST', body, keepalive: true }).catch(() => {});
	};
}
