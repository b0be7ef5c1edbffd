// http-proxy-middleware with its defaults on Express 5, as its README shows it. Usage: node http-proxy-middleware.mjs PORT UPSTREAM_URL
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

const [port, upstream] = process.argv.slice(2);
const app = express();
app.use(createProxyMiddleware({ target: upstream, changeOrigin: true }));
const server = app.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
