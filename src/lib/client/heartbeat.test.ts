import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beaconSender, startHeartbeat } from './heartbeat';

class FakeDocument extends EventTarget {
	visibilityState: DocumentVisibilityState = 'visible';

	setVisibility(state: DocumentVisibilityState) {
		this.visibilityState = state;
		this.dispatchEvent(new Event('visibilitychange'));
	}
}

class CountingTarget extends FakeDocument {
	listeners = 0;

	override addEventListener(...args: Parameters<EventTarget['addEventListener']>) {
		this.listeners++;
		super.addEventListener(...args);
	}

	override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>) {
		this.listeners--;
		super.removeEventListener(...args);
	}
}

function setup(options: { idleSeconds?: number } = {}) {
	const doc = new CountingTarget();
	const win = new CountingTarget();
	const sent: number[] = [];
	const stop = startHeartbeat({
		send: (seconds) => sent.push(seconds),
		doc,
		win,
		now: () => Date.now(),
		...options
	});
	const total = () => sent.reduce((sum, s) => sum + s, 0);
	return { doc, win, sent, stop, total };
}

const seconds = (n: number) => vi.advanceTimersByTime(n * 1000);
const input = (doc: EventTarget, type = 'pointermove') => doc.dispatchEvent(new Event(type));

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('startHeartbeat', () => {
	it('counts visible, active time and sends it every interval', () => {
		const { doc, sent } = setup();
		for (let i = 0; i < 9; i++) {
			seconds(10);
			input(doc);
		}
		expect(sent).toEqual([30, 30, 30]);
	});

	it('sends nothing for an interval in which nothing was counted', () => {
		const { doc, sent } = setup();
		doc.setVisibility('hidden');
		seconds(120);
		expect(sent).toEqual([]);
	});

	it('pauses while the tab is hidden and resumes when it is shown', () => {
		const { doc, sent, total } = setup();
		seconds(10);
		doc.setVisibility('hidden');
		expect(sent).toEqual([10]);
		seconds(600);
		doc.setVisibility('visible');
		seconds(20);
		expect(total()).toBe(30);
		seconds(30);
		expect(total()).toBe(60);
	});

	it('stops counting after 5 minutes without input, and input resumes it', () => {
		const { doc, total } = setup();
		seconds(20 * 60);
		expect(total()).toBe(300);
		input(doc, 'keydown');
		seconds(60);
		expect(total()).toBe(360);
	});

	it.each(['pointermove', 'pointerdown', 'keydown', 'scroll', 'touchstart'])(
		'%s counts as activity',
		(type) => {
			const { doc, total } = setup({ idleSeconds: 60 });
			seconds(50);
			input(doc, type);
			seconds(100);
			expect(total()).toBe(110);
		}
	);

	it('flushes what was counted when the tab is hidden and on pagehide', () => {
		const { doc, win, sent } = setup();
		seconds(12.5);
		doc.setVisibility('hidden');
		expect(sent).toEqual([12]);
		doc.setVisibility('visible');
		seconds(7.5);
		win.dispatchEvent(new Event('pagehide'));
		// The half second left over from the first flush is carried, not lost.
		expect(sent).toEqual([12, 8]);
	});

	it('does not count time spent in the back/forward cache', () => {
		const { win, stop, total } = setup();
		seconds(10);
		win.dispatchEvent(new Event('pagehide'));
		seconds(120);
		win.dispatchEvent(new Event('pageshow'));
		seconds(20);
		stop();
		expect(total()).toBe(30);
	});

	it('stop sends what is left, removes its listeners and its timer', () => {
		const { doc, win, sent, stop } = setup();
		seconds(5);
		stop();
		expect(sent).toEqual([5]);
		expect(doc.listeners).toBe(0);
		expect(win.listeners).toBe(0);
		input(doc);
		doc.setVisibility('hidden');
		win.dispatchEvent(new Event('pagehide'));
		seconds(300);
		stop();
		expect(sent).toEqual([5]);
		expect(vi.getTimerCount()).toBe(0);
	});
});

describe('beaconSender', () => {
	it('posts seconds as a form with sendBeacon', () => {
		const sendBeacon = vi.fn(() => true);
		const fetch = vi.fn();
		vi.stubGlobal('navigator', { sendBeacon });
		vi.stubGlobal('fetch', fetch);
		beaconSender('/modules/hope/01-intro/heartbeat')(30);
		expect(sendBeacon).toHaveBeenCalledOnce();
		const [url, body] = sendBeacon.mock.calls[0] as unknown as [string, URLSearchParams];
		expect(url).toBe('/modules/hope/01-intro/heartbeat');
		expect(body).toBeInstanceOf(URLSearchParams);
		expect(body.toString()).toBe('seconds=30');
		expect(fetch).not.toHaveBeenCalled();
	});

	it.each([
		['refuses', { sendBeacon: () => false }],
		[
			'throws',
			{
				sendBeacon: () => {
					throw new TypeError('bad');
				}
			}
		],
		['is missing', {}]
	])('falls back to a keepalive fetch when sendBeacon %s', (_name, navigator) => {
		const fetch = vi.fn(() => Promise.reject(new Error('offline')));
		vi.stubGlobal('navigator', navigator);
		vi.stubGlobal('fetch', fetch);
		beaconSender('/heartbeat')(7);
		expect(fetch).toHaveBeenCalledOnce();
		const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
		expect(url).toBe('/heartbeat');
		expect(init).toMatchObject({ method: 'POST', keepalive: true });
		// The rejected fetch must not become an unhandled rejection (vitest would fail the run).
		expect(String(init.body)).toBe('seconds=7');
	});
});
