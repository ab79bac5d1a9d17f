import { describe, expect, it } from 'vitest';
import {
	HEARTBEAT_CAP_SECONDS,
	HEARTBEAT_INTERVAL_SECONDS,
	MAX_ACTIVE_SECONDS,
	NO_JS_CAP_SECONDS,
	creditSeatTime,
	seatTimeSummary,
	type SeatTimeReport,
	type SeatTimeState
} from './seat-time';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const beat = (claimedSeconds: number): SeatTimeReport => ({ kind: 'heartbeat', claimedSeconds });
const pageView: SeatTimeReport = { kind: 'page-view' };

/** Replays reports in order, as the route would, and returns the total credited. */
function replay(start: SeatTimeState, reports: [seconds: number, SeatTimeReport][]): SeatTimeState {
	let state = start;
	for (const [seconds, report] of reports) {
		const { creditSeconds, lastCreditedAt } = creditSeatTime(state, report, at(seconds));
		state = { activeSeconds: state.activeSeconds + creditSeconds, lastCreditedAt };
	}
	return state;
}

const opened: SeatTimeState = { lastCreditedAt: T0, activeSeconds: 0 };

describe('creditSeatTime: heartbeats', () => {
	it('credits a genuine beat in full and measures the next one from now', () => {
		expect(creditSeatTime(opened, beat(30), at(30))).toEqual({
			creditSeconds: 30,
			lastCreditedAt: at(30)
		});
		expect(
			replay(
				opened,
				[30, 60, 90, 120].map((s) => [s, beat(30)])
			).activeSeconds
		).toBe(120);
	});

	it('hidden tab: a client that counted nothing gets nothing, and the gap is not banked', () => {
		const state = replay(opened, [[300, beat(0)]]);
		expect(state).toEqual({ activeSeconds: 0, lastCreditedAt: at(300) });
		expect(creditSeatTime(state, beat(60), at(310)).creditSeconds).toBe(10);
	});

	it('idle reader: a beat after 20 silent minutes credits what was claimed, not the gap', () => {
		expect(creditSeatTime(opened, beat(30), at(20 * 60)).creditSeconds).toBe(30);
	});

	it('forged large increments gain no more than the cap or the time passed', () => {
		expect(creditSeatTime(opened, beat(100_000), at(3600)).creditSeconds).toBe(
			HEARTBEAT_CAP_SECONDS
		);
		expect(creditSeatTime(opened, beat(100_000), at(12)).creditSeconds).toBe(12);
		const hour = [...Array(120).keys()].map((i): [number, SeatTimeReport] => [
			(i + 1) * 30,
			beat(1e9)
		]);
		expect(replay(opened, hour).activeSeconds).toBe(3600);
	});

	it('clock skew: a client clock running fast claims more, the server elapsed time governs', () => {
		// The client's clock runs 50 % fast, so each 30 s of real time looks like 45 s to it.
		const beats = [30, 60, 90, 120].map((s): [number, SeatTimeReport] => [s, beat(45)]);
		expect(replay(opened, beats).activeSeconds).toBe(120);
	});

	it('rapid-fire beats 1 s apart claiming 30 each add only the time that passed', () => {
		const beats = [...Array(10).keys()].map((i): [number, SeatTimeReport] => [i + 1, beat(30)]);
		expect(replay(opened, beats).activeSeconds).toBe(10);
		const fresh: SeatTimeState = { lastCreditedAt: null, activeSeconds: 0 };
		const fromNothing = replay(fresh, [[0, beat(30)], ...beats]);
		expect(fromNothing.activeSeconds).toBeLessThanOrEqual(10 + HEARTBEAT_INTERVAL_SECONDS);
	});

	it('replaying one beat many times at the same instant credits it once', () => {
		const same = [...Array(5).keys()].map((): [number, SeatTimeReport] => [30, beat(30)]);
		expect(replay(opened, same).activeSeconds).toBe(30);
	});

	it('first beat with no credited moment: at most one interval', () => {
		const fresh: SeatTimeState = { lastCreditedAt: null, activeSeconds: 0 };
		expect(creditSeatTime(fresh, beat(30), T0)).toEqual({ creditSeconds: 30, lastCreditedAt: T0 });
		expect(creditSeatTime(fresh, beat(10), T0).creditSeconds).toBe(10);
		expect(creditSeatTime(fresh, beat(100_000), T0).creditSeconds).toBe(HEARTBEAT_INTERVAL_SECONDS);
	});

	it('carries the sub-second remainder when elapsed time is the limit', () => {
		const early = creditSeatTime(opened, beat(30), new Date(T0.getTime() + 29_600));
		expect(early.creditSeconds).toBe(29);
		expect(early.lastCreditedAt).toEqual(at(29));
		const next = creditSeatTime(
			{ activeSeconds: 29, lastCreditedAt: early.lastCreditedAt },
			beat(30),
			new Date(T0.getTime() + 59_600)
		);
		expect(next.creditSeconds).toBe(30);
	});

	it.each([
		['negative', -30],
		['NaN', NaN],
		['Infinity', Infinity],
		['-Infinity', -Infinity],
		['a string', '30' as unknown as number],
		['undefined', undefined as unknown as number]
	])('a %s claim credits nothing and does not throw', (_name, claimed) => {
		expect(creditSeatTime(opened, beat(claimed), at(30)).creditSeconds).toBe(0);
	});

	it('a fractional claim is rounded down; a huge one is clamped', () => {
		expect(creditSeatTime(opened, beat(12.9), at(30)).creditSeconds).toBe(12);
		expect(creditSeatTime(opened, beat(1e308), at(30)).creditSeconds).toBe(30);
	});

	it('never takes the total past what the column can hold', () => {
		const full: SeatTimeState = { lastCreditedAt: T0, activeSeconds: MAX_ACTIVE_SECONDS - 5 };
		expect(creditSeatTime(full, beat(30), at(30)).creditSeconds).toBe(5);
	});
});

describe('creditSeatTime: page views without JavaScript', () => {
	it('credits the time since the last credited moment', () => {
		expect(creditSeatTime(opened, pageView, at(240))).toEqual({
			creditSeconds: 240,
			lastCreditedAt: at(240)
		});
	});

	it('caps a long read at the idle limit', () => {
		expect(creditSeatTime(opened, pageView, at(20 * 60))).toEqual({
			creditSeconds: NO_JS_CAP_SECONDS,
			lastCreditedAt: at(20 * 60)
		});
	});

	it('credits nothing after a gap of more than 30 minutes: the reader left', () => {
		expect(creditSeatTime(opened, pageView, at(30 * 60)).creditSeconds).toBe(NO_JS_CAP_SECONDS);
		expect(creditSeatTime(opened, pageView, at(30 * 60 + 1))).toEqual({
			creditSeconds: 0,
			lastCreditedAt: at(30 * 60 + 1)
		});
		expect(creditSeatTime(opened, pageView, at(3 * 86_400)).creditSeconds).toBe(0);
	});

	it('the first view of a lesson credits nothing', () => {
		expect(creditSeatTime({ lastCreditedAt: null, activeSeconds: 0 }, pageView, T0)).toEqual({
			creditSeconds: 0,
			lastCreditedAt: T0
		});
	});

	it('does not count twice what a heartbeat already credited', () => {
		const state = replay(opened, [
			[30, beat(30)],
			[45, beat(15)],
			[45, pageView]
		]);
		expect(state.activeSeconds).toBe(45);
	});

	it('reloading every few minutes never adds more than real time', () => {
		const views = [...Array(12).keys()].map((i): [number, SeatTimeReport] => [
			(i + 1) * 290,
			pageView
		]);
		expect(replay(opened, views).activeSeconds).toBe(12 * 290);
	});
});

describe('creditSeatTime: the server clock going backwards', () => {
	it.each([
		['heartbeat', beat(30)],
		['page view', pageView]
	])('a %s credits nothing and measuring restarts from the new now', (_name, report) => {
		const result = creditSeatTime({ lastCreditedAt: at(600), activeSeconds: 100 }, report, T0);
		expect(result).toEqual({ creditSeconds: 0, lastCreditedAt: T0 });
		const after = creditSeatTime(
			{ lastCreditedAt: result.lastCreditedAt, activeSeconds: 100 },
			report,
			at(30)
		);
		expect(after.creditSeconds).toBe(30);
	});

	it('an invalid server time credits nothing and keeps the last good moment', () => {
		expect(creditSeatTime(opened, beat(30), new Date(NaN))).toEqual({
			creditSeconds: 0,
			lastCreditedAt: T0
		});
	});
});

describe('seatTimeSummary', () => {
	it('adds the lessons and rounds active time down', () => {
		expect(seatTimeSummary([600, 900, 559], 90)).toEqual({
			activeMinutes: 34,
			requiredMinutes: 90,
			met: false,
			percent: 38
		});
	});

	it('is met at exactly the required time and caps percent at 100', () => {
		expect(seatTimeSummary([1800], 30)).toMatchObject({ met: true, percent: 100 });
		expect(seatTimeSummary([1799], 30)).toMatchObject({
			met: false,
			percent: 99,
			activeMinutes: 29
		});
		expect(seatTimeSummary([7200], 30)).toMatchObject({ activeMinutes: 120, percent: 100 });
	});

	it('a requirement of zero is met with no lessons read', () => {
		expect(seatTimeSummary([], 0)).toEqual({
			activeMinutes: 0,
			requiredMinutes: 0,
			met: true,
			percent: 100
		});
	});

	it('ignores bad values rather than letting them lower the requirement or raise the time', () => {
		expect(seatTimeSummary([-600, NaN, 120], 10.2)).toEqual({
			activeMinutes: 2,
			requiredMinutes: 11,
			met: false,
			percent: 18
		});
	});
});
