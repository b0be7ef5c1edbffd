import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built SPA in this repository (apps/web/dist), unless WEB_DIST_DIR says otherwise. */
export const DEFAULT_WEB_DIST = path.resolve(here, '../../../web/dist');
/** The BFF's own sign-in page, served until the SPA is built. */
export const BUILTIN_PAGE_DIR = path.join(here, 'public');

/**
 * Serves the SPA (or the built-in sign-in page) at every non-/api path: files as they are, and
 * index.html for any other GET so client-side routes survive a reload. Vite's hashed assets are cached
 * for a year; index.html is revalidated every time so a new build is picked up at once.
 * Mount it after the /api routes and the /api 404 handler.
 */
export function staticSite(webDistDir = DEFAULT_WEB_DIST): { router: Router; root: string; spa: boolean } {
  const spa = fs.existsSync(path.join(webDistDir, 'index.html'));
  const root = spa ? webDistDir : BUILTIN_PAGE_DIR;
  const router = Router();
  router.use(
    express.static(root, {
      index: false,
      setHeaders(res, file) {
        const hashed = file.startsWith(path.join(root, 'assets') + path.sep);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get('/{*splat}', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root });
  });
  return { router, root, spa };
}
