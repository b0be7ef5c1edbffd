// A zero-cost GaussDB upstream: answers IAM with a token good for a day and every other request with the same
// pre-encoded body (a page of the instance list, taken from the emulator). What it costs is what Node's HTTP
// server costs: the floor under every contender. Usage: node static-upstream.mjs PORT BODY_FILE
import fs from 'node:fs';
import http from 'node:http';

const [port, bodyFile] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile);
const token = Buffer.from(
  JSON.stringify({
    token: { expires_at: new Date(Date.now() + 86_400_000).toISOString(), methods: ['password'] },
  }),
);
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/v3/auth/tokens') {
    req.resume();
    res.writeHead(201, {
      'content-type': 'application/json',
      'content-length': token.length,
      'x-subject-token': 'static-upstream-token',
    });
    res.end(token);
    return;
  }
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
