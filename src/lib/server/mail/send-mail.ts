import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { config } from '../config';
import { logEvent } from '../log';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	/** The one link the message is about, printed in the log when there is no SMTP server. */
	link?: string;
}

let transport: Transporter | null = null;

function outboxFolder(): string {
	return join(config.dataDir, 'outbox');
}

async function writeToOutbox(mail: OutgoingMail): Promise<string> {
	// nodemailer's stream transport builds a real RFC 822 message, so the .eml opens in any mail client.
	const builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	const info = await builder.sendMail({ from: config.mailFrom, ...mail });
	await mkdir(outboxFolder(), { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const file = join(outboxFolder(), `${stamp}-${crypto.randomUUID().slice(0, 8)}.eml`);
	await writeFile(file, info.message as Buffer);
	return file;
}

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes the message to data/outbox/ and logs
 * its link, so password reset works on a fresh machine with no mail server.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
	const smtpUrl = config.smtpUrl;
	if (smtpUrl) {
		transport ??= createTransport(smtpUrl);
		await transport.sendMail({
			from: config.mailFrom,
			to: mail.to,
			subject: mail.subject,
			text: mail.text
		});
		return;
	}
	const file = await writeToOutbox(mail);
	logEvent({ event: 'mail.outbox', subject: mail.subject, file, link: mail.link });
}
