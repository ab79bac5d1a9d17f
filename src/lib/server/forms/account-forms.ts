import { z } from 'zod';
import {
	certificateNameField,
	currentPasswordField,
	emailField,
	licenseBoardField,
	licenseNumberField,
	nameField,
	newPasswordField
} from './fields';

export const signupForm = z.object({
	name: nameField,
	email: emailField,
	password: newPasswordField
});
export const loginForm = z.object({ email: emailField, password: currentPasswordField });
export const profileForm = z.object({
	name: nameField,
	certificateName: certificateNameField,
	licenseNumber: licenseNumberField,
	licenseBoard: licenseBoardField
});
export const changePasswordForm = z.object({
	currentPassword: currentPasswordField,
	newPassword: newPasswordField
});
export const resetRequestForm = z.object({ email: emailField });
export const resetPasswordForm = z.object({
	token: z
		.string()
		.min(1, 'The reset link is incomplete.')
		.max(200, 'The reset link is not valid.'),
	password: newPasswordField
});
