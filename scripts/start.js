// `npm start`: the production server with the embedded database unless DATABASE_URL says
// otherwise. PORT defaults to 3000.
await import('./serve.js');
