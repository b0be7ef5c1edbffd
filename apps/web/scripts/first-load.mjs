// Prints the first-load JavaScript of the built SPA (the entry script and every module it preloads), raw
// and gzip. Run after `npm run build -w apps/web`: node apps/web/scripts/first-load.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gz = 0;
for (const f of files) {
  const buf = fs.readFileSync(path.join(dist, f));
  raw += buf.length;
  gz += zlib.gzipSync(buf, { level: 9 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(JSON.stringify({ files: files.length, rawKB: Number(kb(raw)), gzipKB: Number(kb(gz)) }));
