// The generated docs are committed; they must match what the descriptors produce now.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decisionsDoc, renderDecisions } from '../scripts/decisions';
import { openApiFile, renderOpenApi } from '../scripts/openapi';
import { operationList } from '../src/operations/index';

describe('generated docs', () => {
  it('docs/openapi.json is current (run npm run openapi -w packages/api-client)', () => {
    expect(fs.readFileSync(openApiFile, 'utf8')).toBe(renderOpenApi());
  });
  it('docs/api-decisions.md is current (run npm run decisions -w packages/api-client)', () => {
    expect(fs.readFileSync(decisionsDoc, 'utf8')).toBe(renderDecisions());
  });
  it('documents every GaussDB operation with its id', () => {
    const doc = JSON.parse(renderOpenApi()) as {
      paths: Record<string, Record<string, { operationId: string; 'x-section': string }>>;
    };
    const documented = new Set(
      Object.values(doc.paths).flatMap((p) => Object.values(p).flatMap((o) => o['x-section'].split(', '))),
    );
    for (const op of operationList) expect(documented, op.id).toContain(op.section);
  });
});
