import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from './format-date';

describe('dates as pages print them (UTC, the same on server and browser)', () => {
	it('writes the day with a short month name', () => {
		expect(formatDay('2026-09-05T23:59:00Z')).toBe('5 Sep 2026');
	});

	it('adds the time with padded hours and minutes, in UTC', () => {
		expect(formatDateTime('2026-01-01T09:05:00+02:00')).toBe('1 Jan 2026, 07:05 UTC');
	});
});
