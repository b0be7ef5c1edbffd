import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, tempDir, type TestApp } from './helpers';

/** A built SPA as the web build leaves it: files plus their brotli and gzip copies. */
function builtSpa(): { dir: string; script: string } {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'assets'));
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
  const html = `<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="root"></div>${' '.repeat(800)}</body></html>`;
  for (const [file, body] of [
    ['assets/app-1a2b3c.js', script],
    ['index.html', html],
  ] as const) {
    fs.writeFileSync(path.join(dir, file), body);
    fs.writeFileSync(path.join(dir, `${file}.br`), zlib.brotliCompressSync(body));
    fs.writeFileSync(path.join(dir, `${file}.gz`), zlib.gzipSync(body));
  }
  return { dir, script };
}

const sizeOf = (dir: string, file: string) => String(fs.statSync(path.join(dir, file)).size);

describe('static site', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('serves the brotli copy written at build time to a browser that accepts it, else gzip, else the file', async () => {
    const spa = builtSpa();
    t = await makeApp({ env: { WEB_DIST_DIR: spa.dir } });
    // (supertest decodes what it receives; Content-Length is what travelled.)
    const br = await t.request.get('/assets/app-1a2b3c.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The .br file as it is (its length, sent with Content-Length): nothing was compressed for this request.
    expect(br.headers['content-length']).toBe(sizeOf(spa.dir, 'assets/app-1a2b3c.js.br'));
    expect(br.text).toBe(spa.script);

    const gz = await t.request.get('/assets/app-1a2b3c.js').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-length']).toBe(sizeOf(spa.dir, 'assets/app-1a2b3c.js.gz'));
    expect(gz.text).toBe(spa.script);

    const plain = await t.request.get('/assets/app-1a2b3c.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(spa.script);
  });

  it('answers a client-side route with index.html, precompressed and revalidated every time', async () => {
    const spa = builtSpa();
    t = await makeApp({ env: { WEB_DIST_DIR: spa.dir } });
    const res = await t.request.get('/p/prod/instances/abc').set('Accept-Encoding', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-length']).toBe(sizeOf(spa.dir, 'index.html.br'));
    expect(res.text).toContain('<div id="root">');
  });
});
