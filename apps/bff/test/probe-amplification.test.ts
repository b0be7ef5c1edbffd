// Probe amplification: unauthenticated readiness probes and signed-in calls must not turn into an upstream
// (or IAM) call each. Counts are what the emulator itself saw; time is a manual clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/http/clock';
import { CredentialBackoff, UpstreamCredentialBackoffError } from '../src/upstream/credential-backoff';
import { GaussDbApiError } from '@gaussdb-console/api-client';
import { startHarness, type ConsoleHarness, type RequestRecord } from './console-harness';

let h: ConsoleHarness;
const clock = new ManualClock(Date.now());
beforeAll(async () => {
  h = await startHarness({ clock });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.admin.clearFaults();
  await h.admin.clearRequests();
});

const byOperation = (records: RequestRecord[], operation: string) =>
  records.filter((r) => r.operation === operation);

/** `n` requests, 50 at a time. */
async function many(n: number, send: () => Promise<Response | { status: number }>): Promise<number[]> {
  const statuses: number[] = [];
  for (let done = 0; done < n; done += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, n - done) }, send));
    statuses.push(...batch.map((r) => r.status));
  }
  return statuses;
}

const readyz = () => fetch(`${h.url}/readyz`);

describe('readiness probes', () => {
  it('answer 300 probes with one upstream check per interval', async () => {
    clock.advance(60_000); // nothing cached from an earlier test
    const statuses = await many(300, readyz);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(byOperation(await h.admin.requests(), 'getProjectQuotas')).toHaveLength(1);
    const body = (await (await readyz()).json()) as { checked_at: string };
    expect(body.checked_at).toBe(new Date(clock.now()).toISOString());
    clock.advance(5_000);
    await many(50, readyz);
    expect(byOperation(await h.admin.requests(), 'getProjectQuotas')).toHaveLength(2);
  });
});

describe('a refused upstream credential', () => {
  it('is tried once per backoff period, however many probes and calls arrive, with the reason in /readyz and the log', async () => {
    // IAM refuses the console's password from now on, and the token the BFF holds is revoked.
    await h.admin.revokeAll();
    await h.admin.fault({
      route: 'createIamToken',
      status: 401,
      error_code: 'APIGW.0301',
      error_msg: 'The username or password is wrong.',
    });
    const alice = await h.as('alice');
    clock.advance(60_000);

    const probes = await many(300, readyz);
    expect(new Set(probes)).toEqual(new Set([503]));
    expect(byOperation(await h.admin.requests(), 'createIamToken')).toHaveLength(1);
    const ready = (await (await readyz()).json()) as {
      checks: { name: string; ok: boolean; error?: string }[];
    };
    const upstreamCheck = ready.checks.find((c) => c.name === 'upstream');
    expect(upstreamCheck?.error).toMatch(
      /^IAM refused the console credential \(HTTP 401, APIGW\.0301\); next attempt in 1 s$/,
    );

    // Signed-in calls on every kind of route wait for the same backoff: nothing leaves the BFF.
    const calls = await many(300, () => alice.get(h.p('/project-quotas')));
    expect(new Set(calls)).toEqual(new Set([502]));
    const one = await alice.get(h.p('/instances?limit=1'));
    expect(one.body.error?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(one.headers.get('retry-after')).toBe('1');
    // In all: the first probe's call with the revoked token, and its one renewal attempt at IAM.
    expect(
      (await h.admin.requests()).map((r) => [
        r.operation ?? r.path.split('?')[0]?.split('/').at(-1),
        r.status,
      ]),
    ).toEqual([
      ['project-quotas', 403],
      ['createIamToken', 401],
    ]);

    // The next attempt is due after 1 s; refused again, the wait doubles.
    clock.advance(1_000);
    expect((await alice.get(h.p('/project-quotas'))).status).toBe(502);
    await many(100, () => alice.get(h.p('/project-quotas')));
    expect(byOperation(await h.admin.requests(), 'createIamToken')).toHaveLength(2);
    expect((await alice.get(h.p('/project-quotas'))).headers.get('retry-after')).toBe('2');

    const logged = h.logs.lines
      .map((l) => JSON.parse(l) as { level: number; msg: string; reason?: string; refusalsInARow?: number })
      .filter((l) => l.reason);
    expect(logged.map((l) => [l.level, l.reason, l.refusalsInARow])).toEqual([
      [50, 'IAM refused the console credential (HTTP 401, APIGW.0301)', 1],
      [50, 'IAM refused the console credential (HTTP 401, APIGW.0301)', 2],
    ]);
    expect(logged[1]?.msg).toMatch(/next attempt in 2 s$/);

    // Fixed credential: the next due attempt succeeds and everything works again.
    await h.admin.clearFaults();
    clock.advance(2_000);
    expect((await alice.get(h.p('/project-quotas'))).status).toBe(200);
    clock.advance(5_000);
    expect((await readyz()).status).toBe(200);
    expect(h.logs.text).toContain('the upstream accepts the console credential again');
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/bff_upstream_credential_refusals_total 2/);
  });
});

describe('credential backoff', () => {
  const refusal = new GaussDbApiError({
    status: 401,
    errorCode: 'APIGW.0301',
    errorMsg: 'no',
    requestId: undefined,
    operationId: 'createIamToken',
  });

  it('doubles the wait with each refusal in a row up to its cap, and an accepted call resets it', () => {
    const c = new ManualClock();
    const backoff = new CredentialBackoff(() => c.now(), { baseMs: 1_000, maxMs: 8_000 });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const state = backoff.refused(refusal);
      waits.push((state?.retryAt ?? 0) - c.now());
      expect(() => backoff.check()).toThrow(UpstreamCredentialBackoffError);
      // Refusals seen by callers that shared the same attempt count once.
      expect(backoff.refused(refusal)).toBeUndefined();
      c.advance(waits.at(-1) ?? 0);
      expect(() => backoff.check()).not.toThrow();
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(backoff.accepted()).toBe(true);
    expect(backoff.refused(refusal)?.retryAt).toBe(c.now() + 1_000);
  });
});
