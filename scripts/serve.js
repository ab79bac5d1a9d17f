// The production HTTP server around adapter-node's handler.
//
// Why not build/index.js: without ORIGIN or PROTOCOL_HEADER, adapter-node assumes every request
// came over HTTPS, so on a fresh `npm start` at http://localhost:3000 form posts fail its CSRF
// origin check. This server only speaks plain HTTP, so it says so on each request; behind a TLS
// proxy set PROTOCOL_HEADER=x-forwarded-proto (or ORIGIN) and the proxy's header is kept.
import http from 'node:http';

const INTERNAL_HEADER = 'x-holding-hope-protocol';
const configured = process.env.PROTOCOL_HEADER?.toLowerCase();
process.env.PROTOCOL_HEADER = configured || INTERNAL_HEADER;
const protocolHeader = process.env.PROTOCOL_HEADER;

const { handler } = await import('../build/handler.js');

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

const server = http.createServer((req, res) => {
	// Our own header is always overwritten, so a client cannot claim HTTPS.
	if (!configured || !req.headers[protocolHeader]) req.headers[protocolHeader] = 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(port, host, () => {
	console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.close(() => {
		// Lets the app close its database cleanly (the init hook listens for it).
		process.emit('sveltekit:shutdown', reason);
		setTimeout(() => process.exit(0), 100);
	});
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_TIMEOUT || 30) * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
