import { db } from '$lib/server/db';
import { startPasswordReset } from '$lib/server/auth/password-reset';
import { resetRequestForm } from '$lib/server/forms/account-forms';
import { formFailure, parseForm } from '$lib/server/forms/parse';
import { sendMail } from '$lib/server/mail/send-mail';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, resetRequestForm);
		if (!form.ok) return formFailure(400, form.errors, form.values);
		const reset = await startPasswordReset(db(), form.data.email, event.url.origin);
		if (reset) {
			await sendMail({
				to: reset.to,
				subject: 'Reset your Holding Hope password',
				text:
					`Someone (we hope you) asked to reset the password of your Holding Hope account.\n\n` +
					`Open this link within one hour to choose a new password:\n${reset.link}\n\n` +
					`The link works once. If you did not ask for this, ignore this message; your password stays as it is.\n`,
				link: reset.link
			});
		}
		// The same answer whether or not the account exists, so the form cannot find accounts out.
		return {
			sent: `If an account exists for ${form.data.email}, we sent it a link to reset the password. The link works once, for one hour.`
		};
	}
};
