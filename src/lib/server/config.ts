import { resolve } from 'node:path';

/** Every environment variable the server reads, in one place (the README's table mirrors this). */
export const config = {
	get databaseUrl(): string | undefined {
		return process.env.DATABASE_URL || undefined;
	},
	get dataDir(): string {
		return resolve(process.env.DATA_DIR || 'data');
	},
	get poolSize(): number {
		const n = Number.parseInt(process.env.DATABASE_POOL_SIZE ?? '', 10);
		return Number.isInteger(n) && n > 0 ? n : 10;
	},
	get smtpUrl(): string | undefined {
		return process.env.SMTP_URL || undefined;
	},
	get mailFrom(): string {
		return process.env.MAIL_FROM || 'Holding Hope <no-reply@localhost>';
	},
	/** Public origin used in emailed links when there is no request to take it from (CLI). */
	get publicOrigin(): string {
		return (process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`).replace(
			/\/$/,
			''
		);
	},
	get logRequests(): boolean {
		return process.env.LOG_REQUESTS !== '0';
	}
};
