// `npm start`: the production server (adapter-node) with the embedded database unless
// DATABASE_URL says otherwise. PORT defaults to 3000.
process.env.PORT ??= '3000';
await import('../build/index.js');
