import { describe, expect, it } from 'vitest';
import { loginForm, profileForm, signupForm } from './account-forms';
import { parseForm } from './parse';

function post(fields: Record<string, string>): Request {
	return new Request('http://localhost/signup', {
		method: 'POST',
		body: new URLSearchParams(fields)
	});
}

describe('account forms', () => {
	it('accepts a normal sign-up and trims what needs trimming', async () => {
		const form = await parseForm(
			post({ name: '  Dr. Ana Ruiz ', email: ' ana@example.org ', password: 'a long passphrase' }),
			signupForm
		);
		expect(form).toEqual({
			ok: true,
			data: { name: 'Dr. Ana Ruiz', email: 'ana@example.org', password: 'a long passphrase' }
		});
	});

	it.each([
		['a 10 KB name', { name: 'n'.repeat(10_240) }, 'name', /at most 200/],
		['a malformed email', { email: 'not-an-email' }, 'email', /email address like/],
		['a 300-character email', { email: `${'a'.repeat(288)}@example.org` }, 'email', /at most 254/],
		['control characters in the name', { name: 'Ana\u0000Ruiz' }, 'name', /not allowed/],
		['a newline in the email', { email: 'ana@example.org\nBcc: x@y.z' }, 'email', /not allowed/],
		['a 200-character password', { password: 'p'.repeat(200) }, 'password', /at most 128/],
		['a missing name', { name: undefined }, 'name', /required/],
		['a missing password', { password: undefined }, 'password', /required/]
	])(
		'refuses %s with a message for that field and keeps the rest',
		async (_, change, field, message) => {
			const fields: Record<string, string> = {
				name: 'Ana',
				email: 'ana@example.org',
				password: 'a long passphrase'
			};
			for (const [k, v] of Object.entries(change)) {
				if (v === undefined) delete fields[k];
				else fields[k] = v;
			}
			const form = await parseForm(post(fields), signupForm);
			expect(form.ok).toBe(false);
			if (form.ok) return;
			expect(form.errors[field]).toMatch(message);
			expect(form.values.password).toBeUndefined();
			if (field !== 'email' && fields.email) expect(form.values.email).toBe('ana@example.org');
		}
	);

	it('checks only the shape of a password at sign-in, so the policy is not revealed', async () => {
		const form = await parseForm(post({ email: 'a@b.org', password: 'short' }), loginForm);
		expect(form.ok).toBe(true);
	});

	it('treats empty optional profile fields as absent', async () => {
		const form = await parseForm(
			post({ name: 'Ana', certificateName: '', licenseNumber: ' ', licenseBoard: 'CA BBS' }),
			profileForm
		);
		expect(form).toEqual({
			ok: true,
			data: { name: 'Ana', certificateName: null, licenseNumber: null, licenseBoard: 'CA BBS' }
		});
	});
});
