import type { SubmitFunction } from '@sveltejs/kit';

/**
 * Enhancement for forms that hold passwords: after a refused submit the other fields keep what
 * was typed (as they do without JavaScript), but password fields are emptied, never echoed.
 */
export const keepTypedExceptPasswords: SubmitFunction = () => {
	return async ({ formElement, update }) => {
		await update({ reset: false });
		for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
			input.value = '';
		}
	};
};
