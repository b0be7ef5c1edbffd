// The handler one writes first: Express 5, fetch to the upstream, parse the JSON, send it again.
// Usage: node naive-express.mjs PORT UPSTREAM_URL
import express from 'express';

const [port, upstream] = process.argv.slice(2);
const app = express();
app.get('/{*splat}', async (req, res) => {
  try {
    const up = await fetch(new URL(req.originalUrl, upstream), {
      headers: { 'x-auth-token': String(req.get('x-auth-token') ?? ''), accept: 'application/json' },
    });
    res.status(up.status).json(await up.json());
  } catch {
    res.status(502).json({ error: 'upstream' });
  }
});
const server = app.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
