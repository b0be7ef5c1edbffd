// Prints every endpoint section of the API reference with the descriptor that implements it, and exits
// non-zero when a section has none. Run: npm run coverage -w packages/api-client
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationList } from '../src/operations/index';
import { referenceSections } from '../src/operations/sections';

const here = path.dirname(fileURLToPath(import.meta.url));
const referenceFile = path.resolve(here, '../../../../shared/reference/gaussdb-api-reference.zh.txt');

// Sections as the reference itself lists them, when it is beside the project; else the committed list.
let sections = Object.keys(referenceSections);
if (fs.existsSync(referenceFile)) {
  const found = new Set<string>();
  for (const line of fs.readFileSync(referenceFile, 'utf8').split('\n')) {
    const m = /^([45]\.\d+\.\d+) \S/.exec(line);
    if (m?.[1]) found.add(m[1]);
  }
  const extra = [...found].filter((s) => !(s in referenceSections));
  if (extra.length) console.log(`reference lists sections missing from sections.ts: ${extra.join(', ')}`);
  sections = [...new Set([...sections, ...found])];
}
const bySection = new Map<string, string[]>();
for (const op of operationList) bySection.set(op.section, [...(bySection.get(op.section) ?? []), op.id]);

const order = (s: string) =>
  s
    .split('.')
    .map((n) => n.padStart(3, '0'))
    .join('.');
sections.sort((a, b) => order(a).localeCompare(order(b)));
let missing = 0;
for (const s of sections) {
  const ids = bySection.get(s);
  const title = (referenceSections as Record<string, string>)[s] ?? '';
  if (!ids) missing++;
  const op = ids ? operationList.find((o) => o.id === ids[0]) : undefined;
  console.log(
    `${s.padEnd(8)} ${ids ? '✓' : '✗'} ${(ids?.join(', ') ?? 'MISSING').padEnd(36)} ${op ? `${op.method} ${op.path}` : ''}  ${title}`,
  );
}
const iam = operationList.filter((o) => o.service === 'iam');
for (const o of iam) console.log(`${'IAM'.padEnd(8)} ✓ ${o.id.padEnd(36)} ${o.method} ${o.path}`);
console.log(
  `\n${sections.length - missing}/${sections.length} sections covered, ${iam.length} IAM calls, ${operationList.length} descriptors`,
);
if (missing) process.exit(1);
