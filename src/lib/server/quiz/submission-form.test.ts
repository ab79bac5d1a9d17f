import { describe, expect, it } from 'vitest';
import { readLimitedForm } from './submission-form';

const URLENCODED = { 'content-type': 'application/x-www-form-urlencoded' };

function streamed(chunks: string[], fail?: Error): Request {
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
			if (fail) controller.error(fail);
			else controller.close();
		}
	});
	return new Request('http://localhost/x', {
		method: 'POST',
		headers: URLENCODED,
		body,
		duplex: 'half'
	} as RequestInit);
}

describe('readLimitedForm', () => {
	it('reads url-encoded and multipart forms, keeping repeated fields in order', async () => {
		const plain = new Request('http://localhost/x', {
			method: 'POST',
			headers: URLENCODED,
			body: 'q-a=b&q-c=a&q-c=d'
		});
		expect(await readLimitedForm(plain, 1024)).toEqual({
			ok: true,
			entries: [
				['q-a', 'b'],
				['q-c', 'a'],
				['q-c', 'd']
			]
		});
		const data = new FormData();
		data.append('q-a', 'c');
		const multipart = new Request('http://localhost/x', { method: 'POST', body: data });
		expect(await readLimitedForm(multipart, 1024)).toEqual({ ok: true, entries: [['q-a', 'c']] });
	});

	it('answers 413 for a declared or streamed body over the limit, and for too many fields', async () => {
		const declared = new Request('http://localhost/x', {
			method: 'POST',
			headers: URLENCODED,
			body: 'x='.padEnd(2000, 'y')
		});
		const big = await readLimitedForm(declared, 1024);
		expect(big).toMatchObject({ ok: false, status: 413 });
		expect(!big.ok && big.message).toMatch(/too large/);
		expect(await readLimitedForm(streamed(Array(10).fill('x'.repeat(200))), 1024)).toMatchObject({
			ok: false,
			status: 413
		});
		const fields = Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join('&');
		expect(await readLimitedForm(streamed([fields]), 64 * 1024)).toMatchObject({
			ok: false,
			status: 413
		});
	});

	it("turns adapter-node's body-limit error into 413 and other read errors into 400", async () => {
		const limit = Object.assign(new Error('Payload Too Large'), { status: 413 });
		expect(await readLimitedForm(streamed(['a=1'], limit), 1024)).toMatchObject({ status: 413 });
		expect(await readLimitedForm(streamed(['a=1'], new Error('reset')), 1024)).toMatchObject({
			ok: false,
			status: 400
		});
		const broken = new Request('http://localhost/x', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=nope' },
			body: 'not multipart at all'
		});
		expect(await readLimitedForm(broken, 1024)).toMatchObject({ ok: false, status: 400 });
	});
});
