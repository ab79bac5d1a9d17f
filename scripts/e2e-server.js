// Starts the built server for the end-to-end tests with an empty data folder (outbox, PGlite).
import { rmSync } from 'node:fs';

if (process.env.DATA_DIR) rmSync(process.env.DATA_DIR, { recursive: true, force: true });
await import('./serve.js');
