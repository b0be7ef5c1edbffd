import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The BFF package's folder (apps/bff), found from this module whether it runs from source
 * (src/http/static-site.ts) or from the compiled bundle (dist/server/main.js).
 */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    // dist/server has a package.json of its own ("type": "module") without a name: keep going up.
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === '@gaussdb-console/bff'
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('apps/bff/package.json not found above the console server module');
    dir = parent;
  }
}

const bffRoot = packageRoot();
/** The built SPA in this repository (apps/web/dist), unless WEB_DIST_DIR says otherwise. */
export const DEFAULT_WEB_DIST = path.resolve(bffRoot, '../web/dist');
/** The BFF's own sign-in page, served until the SPA is built. */
export const BUILTIN_PAGE_DIR = path.join(bffRoot, 'src/http/public');

/**
 * Serves the SPA (or the built-in sign-in page) at every non-/api path: files as they are, and
 * index.html for any other GET so client-side routes survive a reload. The web build writes a brotli
 * and a gzip copy beside each compressible file (apps/web/scripts/precompress.mjs); a browser that accepts
 * one gets it as it is, so no asset is compressed per request. Vite's hashed assets are cached for a year;
 * index.html is revalidated every time so a new build is picked up at once.
 * Mount it after the /api routes and the /api 404 handler.
 */
export function staticSite(webDistDir = DEFAULT_WEB_DIST): { router: Router; root: string; spa: boolean } {
  const spa = fs.existsSync(path.join(webDistDir, 'index.html'));
  const root = spa ? webDistDir : BUILTIN_PAGE_DIR;
  const assets = path.join(root, 'assets') + path.sep;
  const serve = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      setHeaders(res, file) {
        res.setHeader(
          'Cache-Control',
          file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    },
  });
  const router = Router();
  router.use(serve);
  router.get('/{*splat}', (req, res, next) => {
    // Any other path is a client-side route: the SPA's index.html (precompressed too).
    req.url = '/index.html';
    serve(req, res, next);
  });
  return { router, root, spa };
}
