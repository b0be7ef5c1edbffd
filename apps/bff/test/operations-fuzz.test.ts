// Property-based fuzzing of the operation routes against the real emulator: random routes from the contract's
// table with random path values, queries and bodies (mostly malformed). The console never answers 5xx on its
// own account, and whatever the contract rejects is answered 4xx without a single upstream call.
import {
  fillBffPath,
  isExposedByBff,
  operationList,
  type OperationDescriptor,
} from '@gaussdb-console/api-client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROJECT,
  sampleInputs,
  startHarness,
  upstreamCallsFor,
  type ConsoleClient,
  type ConsoleHarness,
  type SampleInput,
} from './console-harness';

const RUNS = 1000;
const exposed = operationList.filter(isExposedByBff);

let h: ConsoleHarness;
let alice: ConsoleClient;
let samples: Record<string, SampleInput>;
beforeAll(async () => {
  h = await startHarness();
  alice = await h.as('alice');
  samples = sampleInputs(h.ids);
});
afterAll(async () => {
  await h?.close();
});

const keysOf = (schema: unknown): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
};

/** Printable text without `.`/`..` segments (a URL would resolve them into another route). */
const text = (max: number) => fc.string({ maxLength: max }).filter((s) => s !== '.' && s !== '..');
const oddValue = fc.oneof(
  text(40),
  fc.integer().map(String),
  fc.constantFrom(
    '',
    '-1',
    '0',
    '1e9',
    'NaN',
    'null',
    '%',
    ' ',
    "'; drop table x; --",
    'x'.repeat(300),
    '<script>',
    'true',
    '[]',
    '{}',
    '🙂',
  ),
);

interface Case {
  /** Operation id (the descriptor itself would flood a counterexample). */
  id: string;
  path: Record<string, string>;
  query: Record<string, string>;
  /** A JSON value to send, or raw text (malformed JSON) when `raw` is set. */
  body: unknown;
  raw?: string;
}

/** A sample input bent out of shape: a field dropped, a field of the wrong type, an unknown field. */
function mutatedBody(sample: unknown): fc.Arbitrary<unknown> {
  if (!sample || typeof sample !== 'object' || Array.isArray(sample)) return fc.jsonValue({ maxDepth: 3 });
  const keys = Object.keys(sample);
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddValue);
  return fc.oneof(
    fc
      .constantFrom(...keys)
      .map((k) => Object.fromEntries(Object.entries(sample).filter(([key]) => key !== k))),
    fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => ({ ...sample, [k]: v })),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), value).map(([k, v]) => ({ ...sample, [k]: v })),
  );
}

const byId = new Map(exposed.map((op) => [op.id, op]));
const opOf = (c: Case) => byId.get(c.id) as OperationDescriptor;

const caseArb: fc.Arbitrary<Case> = fc.constantFrom(...exposed).chain((op) => {
  const sample = samples[op.id] ?? {};
  const pathKeys = keysOf(op.pathParams);
  const queryKeys = [...keysOf(op.query), 'limit', 'offset'];
  const path = fc.record(
    Object.fromEntries(
      pathKeys.map((k) => [
        k,
        fc.oneof(
          fc.constant(sample.path?.[k] ?? 'x'),
          text(80).filter((s) => s.length > 0),
          oddValue.filter((s) => s.length > 0 && s !== '.' && s !== '..'),
        ),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc.oneof(
    fc.constant(sample.query ?? {}),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...queryKeys), fc.string({ minLength: 1, maxLength: 10 })),
      oddValue,
      { maxKeys: 4 },
    ),
  );
  const body = fc.oneof(
    { weight: 3, arbitrary: mutatedBody(sample.body).map((b) => ({ body: b })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((b) => ({ body: b })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{', '{"name":', '[1,', 'nul', '{"a":1}}', '\u0000')
        .map((raw) => ({ body: undefined, raw })),
    },
    { weight: 1, arbitrary: fc.constant({ body: sample.body }) },
  );
  return fc
    .record({ path, query, body })
    .map(({ path: p, query: q, body: b }) => ({ id: op.id, path: p, query: q, ...b }));
});

/** What the contract says of this input, judged as the BFF sees it (path values decoded, query values as text). */
function contractRejects(c: Case): boolean {
  const op = opOf(c);
  if (c.raw !== undefined && op.method !== 'GET') return true; // not JSON at all
  if (!op.pathParams.safeParse(c.path).success) return true;
  if (!op.query.safeParse(c.query).success) return true;
  if (op.method === 'GET') return false;
  // What is sent: the value as JSON, {} when there is none (as the SPA does).
  const body = c.body === undefined ? {} : (JSON.parse(JSON.stringify(c.body)) as unknown);
  // The JSON parser is strict: a bare string, number, boolean or null is refused before any route.
  if (typeof body !== 'object' || body === null) return true;
  const empty = !Array.isArray(body) && Object.keys(body).length === 0;
  // The BFF forwards nothing for an operation without a body, or an empty {} where the body is optional.
  if (op.body.safeParse(undefined).success && (empty || !op.body.safeParse({}).success)) return false;
  return !op.body.safeParse(body).success;
}

let n = 0;
// A thousand requests, each audited: allow for a busy machine (the limit is a safety net, not a measure).
describe('operation routes under fuzzing', { timeout: 120_000 }, () => {
  it(`answer ${RUNS} random malformed requests without a 5xx of their own, and send nothing upstream for what the contract rejects`, async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const op = opOf(c);
        n++;
        const qs = new URLSearchParams(c.query).toString();
        const url = fillBffPath(op, PROJECT, c.path) + (qs ? `?${qs}` : '');
        const body =
          op.method === 'GET' ? undefined : (c.raw ?? JSON.stringify(c.body === undefined ? {} : c.body));
        const res = await alice.call(op.method, url, body);
        const requestId = res.headers.get('x-request-id') ?? '';
        // Requests are sequential: an upstream call of this one would be among the emulator's latest.
        const upstream = upstreamCallsFor(await h.admin.requests(30), [requestId]);
        const label = `${op.id} ${op.method} ${url} ${String(body).slice(0, 200)} → ${res.status} ${res.text.slice(0, 300)}`;
        if (res.status >= 500) {
          // Only the upstream's own 5xx may pass through (a valid call the emulator failed).
          expect(
            upstream.some((r) => r.status >= 500),
            label,
          ).toBe(true);
        }
        if (contractRejects(c)) {
          rejected++;
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          expect(res.status, label).toBeLessThan(500);
          expect(upstream, label).toEqual([]);
        }
        if (res.body.error?.code === 'VALIDATION_FAILED') {
          expect(upstream, label).toEqual([]);
          expect(res.body.error.fields?.length ?? 0, label).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
    // Most of what the generator makes is malformed; a run that hardly is would prove little.
    expect(rejected).toBeGreaterThan(RUNS / 2);
    expect(n).toBeGreaterThanOrEqual(RUNS);
  });
});
