// Every example the reference gives must agree with the contract: each response example parses with its
// operation's response schema; each request example validates, or is listed as rejected with the reason
// that docs/api-decisions.md records. Fixtures: test/fixtures/<section>.json, extracted by hand from the
// reference (its examples are split across pages, so they could not be extracted mechanically).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operationList } from '../src/operations/index';
import type { OperationDescriptor } from '../src/operations/define';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureDir = path.join(here, 'fixtures');
const decisions = fs.readFileSync(path.resolve(here, '../../../docs/api-decisions.md'), 'utf8');

const requestShape = z.strictObject({
  path: z.record(z.string(), z.unknown()).optional(),
  query: z.record(z.string(), z.unknown()).optional(),
  body: z.unknown().optional(),
});
const fixtureShape = z.strictObject({
  section: z.string(),
  operation: z.string(),
  referenceLines: z.string().optional(),
  request: requestShape.optional(),
  rejectedRequest: z
    .strictObject({ input: requestShape, reason: z.string().min(10), decision: z.string() })
    .optional(),
  response: z.unknown().optional(),
  responses: z.array(z.unknown()).optional(),
});
type Fixture = z.infer<typeof fixtureShape>;

const fixtures: Fixture[] = fs
  .readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => fixtureShape.parse(JSON.parse(fs.readFileSync(path.join(fixtureDir, f), 'utf8'))));

function op(f: Fixture): OperationDescriptor {
  const found = operationList.find((o) => o.id === f.operation && o.section === f.section);
  if (!found) throw new Error(`fixture ${f.section} names unknown operation ${f.operation}`);
  return found;
}

function validateRequest(o: OperationDescriptor, input: z.infer<typeof requestShape>) {
  return [
    o.pathParams.safeParse(input.path ?? {}),
    o.query.safeParse(input.query ?? {}),
    o.body.safeParse(input.body),
  ];
}

describe('reference examples', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const f of fixtures) {
    const responses = [...(f.response !== undefined ? [f.response] : []), ...(f.responses ?? [])];
    responses.forEach((resp, i) => {
      it(`${f.section} ${f.operation}: response example ${i + 1} parses`, () => {
        const r = op(f).response.safeParse(resp);
        expect(r.success ? 'ok' : JSON.stringify(r.error.issues.slice(0, 3))).toBe('ok');
      });
    });
    if (f.request) {
      const req = f.request;
      it(`${f.section} ${f.operation}: request example validates`, () => {
        const failures = validateRequest(op(f), req).filter((r) => !r.success);
        expect(failures.map((r) => JSON.stringify(r.error?.issues.slice(0, 3)))).toEqual([]);
      });
    }
    if (f.rejectedRequest) {
      const rej = f.rejectedRequest;
      it(`${f.section} ${f.operation}: request example is rejected (${rej.decision})`, () => {
        expect(validateRequest(op(f), rej.input).some((r) => !r.success)).toBe(true);
        expect(decisions).toContain(rej.decision);
      });
    }
  }
});
