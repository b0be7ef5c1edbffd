// The floor of any Express 5 application: no middleware, one route that answers with a body it already holds
// (fetched from the upstream once, on the first request; never again). Nothing is parsed, checked or logged:
// this is what the console would cost if everything it does per request were free.
// Usage: node express-floor.mjs PORT UPSTREAM_URL
import express from 'express';

const [port, upstream] = process.argv.slice(2);
const app = express();
app.set('etag', false);
let held;
app.get('/{*splat}', async (req, res) => {
  held ??= fetch(new URL(req.originalUrl, upstream), {
    headers: { 'x-auth-token': String(req.get('x-auth-token') ?? ''), accept: 'application/json' },
  }).then(async (up) => Buffer.from(await up.arrayBuffer()));
  const body = await held;
  res.setHeader('Content-Type', 'application/json');
  res.end(body);
});
const server = app.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
