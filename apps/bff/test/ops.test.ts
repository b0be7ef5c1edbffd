import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogCapture, makeApp, tempDir, type TestApp } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe('health and readiness', () => {
  it('answers /healthz and /readyz with each check', async () => {
    t = await makeApp();
    expect((await t.request.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.request.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.map((c: { name: string }) => c.name)).toEqual(['sessions', 'audit', 'users']);
  });

  it('is not ready (503) when a registered check fails, without leaking its connection string', async () => {
    t = await makeApp();
    t.ctx.readinessChecks.push({
      name: 'upstream',
      check: async () => {
        throw new Error('connect ECONNREFUSED https://user:pw@gaussdb.example.com');
      },
    });
    const res = await t.request.get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.checks).toContainEqual({
      name: 'upstream',
      ok: false,
      error: 'connect ECONNREFUSED <url>',
    });
  });
});

describe('metrics', () => {
  it('exposes request counts by route template and the upstream counters', async () => {
    t = await makeApp();
    await t.request.get('/api/v1/session');
    t.ctx.metrics.upstreamErrors.inc({ operation: 'listInstances', code: 'DBS.200001' });
    t.ctx.metrics.tokenRefreshes.inc({ result: 'ok' });
    t.ctx.metrics.sseClients.inc();
    const res = await t.request.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /bff_http_requests_total\{method="GET",route="\/api\/v1\/session",status="401"\} 1/,
    );
    expect(res.text).toMatch(/bff_http_request_duration_seconds_bucket/);
    expect(res.text).toMatch(/bff_upstream_errors_total\{operation="listInstances",code="DBS.200001"\} 1/);
    expect(res.text).toMatch(/bff_iam_token_refreshes_total\{result="ok"\} 1/);
    expect(res.text).toMatch(/bff_sse_clients 1/);
  });
});

describe('request ids', () => {
  it('generates its own id whatever the client sends, and logs a plain client id apart as untrusted', async () => {
    const logs = new LogCapture();
    t = await makeApp({ logs });
    const sent = await t.request.get('/api/v1/session').set('X-Request-Id', 'proxy-abc-12345');
    const ours = String(sent.headers['x-request-id']);
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.body.error.requestId).toBe(ours);
    const line = logs.lines
      .map((l) => JSON.parse(l) as { req?: { id?: string }; clientRequestId?: string })
      .find((l) => l.req?.id === ours);
    expect(line?.clientRequestId).toBe('proxy-abc-12345');
    // Two clients sending the same id still get two different ids.
    const again = await t.request.get('/healthz').set('X-Request-Id', 'proxy-abc-12345');
    expect(again.headers['x-request-id']).not.toBe(ours);
    // An id that is not plain text is not kept as the client's id.
    const bad = await t.request.get('/api/v1/info').set('X-Request-Id', 'bad id\twith spaces');
    const badId = String(bad.headers['x-request-id']);
    expect(badId).toMatch(/^[0-9a-f-]{36}$/);
    const badLine = logs.lines
      .map((l) => JSON.parse(l) as { req?: { id?: string }; clientRequestId?: string })
      .find((l) => l.req?.id === badId);
    expect(badLine).toBeDefined();
    expect(badLine?.clientRequestId).toBeUndefined();
  });

  it("logs one line per request without headers, and a handler's own lines under the same request id", async () => {
    const logs = new LogCapture();
    t = await makeApp({ logs });
    const refused = await t.request.get('/api/v1/info').set('Host', 'rebound.example').set('Cookie', 'a=b');
    expect(refused.status).toBe(421);
    const id = String(refused.headers['x-request-id']);
    type Line = {
      msg: string;
      req?: { id?: string; method?: string; url?: string; headers?: unknown };
      res?: unknown;
    };
    const lines = logs.lines.map((l) => JSON.parse(l) as Line).filter((l) => l.req?.id === id);
    expect(lines.map((l) => l.msg)).toEqual([
      'request for an unknown host name refused',
      'request completed',
    ]);
    expect(lines[1]).toMatchObject({ req: { method: 'GET', url: '/api/v1/info' }, res: { statusCode: 421 } });
    expect(JSON.stringify(lines)).not.toContain('a=b');
    // Probes are not logged at all.
    const before = logs.lines.length;
    await t.request.get('/healthz');
    expect(logs.lines.length).toBe(before);
  });
});

describe('security headers and compression', () => {
  it('sends a strict CSP with no inline script, no framing and nosniff', async () => {
    t = await makeApp();
    const res = await t.request.get('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Inline styles only (Radix's scroll lock); never inline or evaluated script.
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("style-src-elem 'self' 'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('compresses JSON but never an event stream', async () => {
    t = await makeApp({
      extendApi: (api) => {
        api.get('/big', (_req, res) => {
          res.json({ data: 'x'.repeat(10_000) });
        });
        api.get('/events', (_req, res) => {
          res.setHeader('Content-Type', 'text/event-stream');
          res.write(`data: ${'y'.repeat(10_000)}\n\n`);
          res.end();
        });
      },
    });
    const json = await t.request.get('/api/v1/big').set('Accept-Encoding', 'gzip');
    expect(json.headers['content-encoding']).toBe('gzip');
    const events = await t.request.get('/api/v1/events').set('Accept-Encoding', 'gzip');
    expect(events.headers['content-encoding']).toBeUndefined();
    expect(events.text).toContain('data: yyy');
  });
});

describe('static site', () => {
  it('serves its own CSP-clean sign-in page while there is no SPA build', async () => {
    t = await makeApp({ env: { WEB_DIST_DIR: path.join(tempDir(), 'no-build') } });
    const page = await t.request.get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script type="module" src="/login.js"></script>');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    const js = await t.request.get('/login.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.text).toContain("'X-Console-Request': '1'");
    expect((await t.request.get('/some/deep/link')).text).toContain('GaussDB Console');
  });

  it('serves apps/web/dist with an SPA fallback, cached assets, and a JSON 404 under /api', async () => {
    const dist = tempDir();
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>SPA</title><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await makeApp({ env: { WEB_DIST_DIR: dist } });
    const deep = await t.request.get('/instances/abc/backups');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<title>SPA</title>');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const asset = await t.request.get('/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const api = await t.request.get('/api/v2/anything');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
  });
});
