// Writes docs/api-decisions.md from decisions/*.md (one file per area, so areas are edited apart).
// Run: npm run decisions -w packages/api-client ; a test fails when the committed file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const decisionsDir = path.resolve(here, '../decisions');
export const decisionsDoc = path.resolve(here, '../../../docs/api-decisions.md');

export function renderDecisions(): string {
  const files = fs
    .readdirSync(decisionsDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  return files.map((f) => fs.readFileSync(path.join(decisionsDir, f), 'utf8').trim()).join('\n\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(decisionsDoc), { recursive: true });
  fs.writeFileSync(decisionsDoc, renderDecisions());
  console.log(`wrote ${path.relative(process.cwd(), decisionsDoc)}`);
}
