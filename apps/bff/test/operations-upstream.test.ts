// The upstream layer through the real routes: one re-authentication after a refused token, retried reads,
// mutations sent exactly once, invalid input stopped before the upstream, coalesced reads and
// read-after-write. Every count is what the emulator itself saw.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/http/clock';
import {
  startHarness,
  upstreamCallsFor,
  type ConsoleHarness,
  type Reply,
  type RequestRecord,
} from './console-harness';

let h: ConsoleHarness;
/** The BFF's clock: the credential backoff after a refused credential waits on it. */
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

/** The console's own id of a request (a client's X-Request-Id is never used or forwarded). */
const idOf = (reply: Reply): string => reply.headers.get('x-request-id') ?? '';
const byOperation = (records: RequestRecord[], operation: string) =>
  records.filter((r) => r.operation === operation);

/** Waits until the emulator has taken every injected fault (a held request is then in flight there). */
async function untilFaultsConsumed(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const res = (await (await fetch(`${h.emu.url}/__emulator/faults`)).json()) as { faults: unknown[] };
    if (res.faults.length === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the emulator never received the held request');
}

describe('upstream authentication', () => {
  it('renews a revoked token once: the next call succeeds and IAM is asked exactly once', async () => {
    const alice = await h.as('alice');
    expect((await alice.get(h.p('/project-quotas'))).status).toBe(200); // the BFF holds a token now
    await h.admin.revokeAll();
    await h.admin.clearRequests();

    const res = await alice.get(h.p('/instances?limit=1'));
    expect(res.status).toBe(200);
    // Several calls at once after the refusal still share one renewal.
    const more = await Promise.all([
      alice.get(h.p('/project-quotas')),
      alice.get(h.p('/recycle-policy')),
      alice.get(h.p('/tags')),
    ]);
    expect(more.map((r) => r.status)).toEqual([200, 200, 200]);

    const records = await h.admin.requests();
    expect(byOperation(records, 'createIamToken')).toHaveLength(1);
    const refused = records.filter((r) => r.status === 403);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.error_code).toBe('DBS.280056');
    const live = (await h.admin.tokens()).filter((t) => !t.revoked && !h.harnessTokens.has(t.token));
    expect(live).toHaveLength(1);
  });

  it('answers 502 UPSTREAM_AUTH_FAILED, never a 401 that would sign the user out, when the credential stays refused', async () => {
    const alice = await h.as('alice');
    await h.admin.revokeAll();
    await h.admin.fault({
      route: 'createIamToken',
      status: 401,
      error_code: 'APIGW.0301',
      error_msg: 'The username or password is wrong.',
      count: 1,
    });
    const refused = await alice.get(h.p('/project-quotas'));
    expect(refused.status).toBe(502);
    expect(refused.body.error?.code).toBe('UPSTREAM_AUTH_FAILED');
    // The console session is intact; once the backoff's first second has passed the next call gets a token again.
    expect((await alice.get('/api/v1/session')).status).toBe(200);
    expect((await alice.get(h.p('/project-quotas'))).status).toBe(502);
    clock.advance(1_000);
    expect((await alice.get(h.p('/project-quotas'))).status).toBe(200);

    await h.admin.fault({
      method: 'GET',
      route: 'getRecyclePolicy',
      status: 403,
      error_code: 'DBS.280056',
      error_msg: 'Invalid token.',
      count: 2,
    });
    const stale = await alice.get(h.p('/recycle-policy'));
    expect(stale.status).toBe(502);
    expect(stale.body.error?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(byOperation(await h.admin.requests(), 'getRecyclePolicy')).toHaveLength(2);
    // A token refused right after its renewal also backs the console off for a second.
    expect((await alice.get(h.p('/recycle-policy'))).headers.get('retry-after')).toBe('1');
    clock.advance(1_000);
    expect((await alice.get(h.p('/recycle-policy'))).status).toBe(200);
  });
});

describe('upstream faults', () => {
  it('retries a read through two injected 503s and answers with the data', async () => {
    const alice = await h.as('alice');
    const core = h.ids.instances['prod-core-01'] as string;
    await h.admin.fault({ method: 'GET', route: '/v3/*/instances/*/components', status: 503, count: 2 });
    const res = await alice.get(h.p(`/instances/${core}/components`));
    const id = idOf(res);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.nodes)).toBe(true);
    const attempts = upstreamCallsFor(await h.admin.requests(), [id]);
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 200]);
  });

  it('sends a mutation that got a 503 exactly once and hands the error to the caller', async () => {
    const operator = await h.as('oscar');
    const target = h.ids.instances['staging-app'] as string;
    await h.admin.fault({
      method: 'POST',
      route: 'restartInstance',
      status: 503,
      error_code: 'DBS.200005',
      error_msg: 'Service busy, try later.',
    });
    const res = await operator.call('POST', h.p(`/instances/${target}/restart`), {});
    const id = idOf(res);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: { status: 503, code: 'DBS.200005', message: 'Service busy, try later.', requestId: id },
    });
    const records = await h.admin.requests();
    expect(byOperation(records, 'restartInstance')).toHaveLength(1);
    expect(upstreamCallsFor(records, [id])).toHaveLength(1);

    // The audit trail names the operation, the target and the upstream code.
    const audit = await (await h.as('alice')).get(`/api/v1/audit?operation=restartInstance&limit=5`);
    const entry = (
      audit.body.entries as {
        user: string;
        target: Record<string, string>;
        error_code: string | null;
        status: number;
      }[]
    )[0];
    expect(entry).toMatchObject({
      user: 'oscar',
      target: { instance_id: target },
      error_code: 'DBS.200005',
      status: 503,
    });
  });

  it('gives an upstream refusal its status and DBS code, and a dropped connection a 502 of our own', async () => {
    const alice = await h.as('alice');
    const missing = await alice.get(h.p(`/instances/${'f'.repeat(32)}in14/components`));
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.status).toBeLessThan(500);
    expect(missing.body.error?.code).toMatch(/^DBS\.\d+$/);
    expect(missing.body.error?.requestId).toBe(missing.headers.get('x-request-id'));

    await h.admin.fault({ route: 'getRecyclePolicy', reset: true });
    const dropped = await alice.get(h.p('/recycle-policy'));
    expect(dropped.status).toBe(502);
    expect(dropped.body.error?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('request ids upstream', () => {
  it('sends the console’s own request id upstream and records it in the audit, never the client’s', async () => {
    const operator = await h.as('oscar');
    const target = h.ids.instances['staging-app'] as string;
    const chosen = `client-chosen-${Date.now()}`;
    const read = await operator.get(h.p(`/instances/${target}/tags`), { 'X-Request-Id': chosen });
    const added = await operator.call(
      'POST',
      h.p(`/instances/${target}/tags`),
      { tags: [{ key: 'rid', value: 'check' }] },
      { 'X-Request-Id': chosen },
    );
    expect(read.status).toBe(200);
    expect(added.status).toBeLessThan(300);
    expect([idOf(read), idOf(added)]).not.toContain(chosen);
    const records = await h.admin.requests();
    expect(upstreamCallsFor(records, [chosen])).toEqual([]);
    expect(upstreamCallsFor(records, [idOf(read)])).toHaveLength(1);
    expect(upstreamCallsFor(records, [idOf(added)])).toHaveLength(1);
    const audit = await (await h.as('alice')).get('/api/v1/audit?operation=addInstanceTags&limit=1');
    const entry = (audit.body.entries as { request_id: string }[])[0];
    expect(entry?.request_id).toBe(idOf(added));
  });
});

describe('input validation', () => {
  it('refuses a rename to "1bad" with the field named, and sends nothing upstream', async () => {
    const operator = await h.as('oscar');
    const target = h.ids.instances['staging-app'] as string;
    const res = await operator.call('PUT', h.p(`/instances/${target}/name`), { name: '1bad' });
    const id = idOf(res);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    expect(res.body.error?.fields?.map((f) => f.path)).toContain('body.name');
    expect(res.body.error?.message).toMatch(/name/);
    const records = await h.admin.requests();
    expect(upstreamCallsFor(records, [id])).toEqual([]);
    expect(byOperation(records, 'renameInstance')).toEqual([]);
  });

  it('names the failing path, query or body field and never calls the upstream', async () => {
    const alice = await h.as('alice');
    const cases: [string, string, unknown, string][] = [
      ['GET', '/instances?limit=abc', undefined, 'query.limit'],
      ['GET', '/instances?limit=1000', undefined, 'query.limit'],
      ['GET', '/instances/bad%20id/components', undefined, 'path.instance_id'],
      ['POST', '/instances', { name: 'x' }, 'body'],
      ['PUT', `/instances/${h.ids.instances['staging-app']}/name`, { name: 'ok-name', extra: 1 }, 'body'],
      ['POST', '/backups', { instance_id: h.ids.instances['prod-core-01'], name: 'b' }, 'body.name'],
    ];
    const ids: string[] = [];
    for (const [method, rel, body, field] of cases) {
      const res = await alice.call(method, h.p(rel), body);
      ids.push(idOf(res));
      expect(res.status, rel).toBe(400);
      expect(res.body.error?.code, rel).toBe('VALIDATION_FAILED');
      expect(
        res.body.error?.fields?.some((f) => f.path.startsWith(field)),
        `${rel}: ${JSON.stringify(res.body.error?.fields)}`,
      ).toBe(true);
    }
    expect(upstreamCallsFor(await h.admin.requests(), ids)).toEqual([]);
  });
});

describe('coalescing and read-after-write', () => {
  it('serves eight identical concurrent reads with one upstream call', async () => {
    const viewer = await h.as('vera');
    const alice = await h.as('alice');
    // The first call is held at the emulator; the others are sent once it is in flight there.
    await h.admin.fault({ route: 'getInstanceStatistics', latencyMs: 500, count: 1 });
    const first = alice.get(h.p('/instances-statistics'));
    await untilFaultsConsumed();
    const rest = await Promise.all(
      Array.from({ length: 7 }, (_, i) => (i % 2 ? viewer : alice).get(h.p('/instances-statistics'))),
    );
    const replies = [await first, ...rest];
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect(byOperation(await h.admin.requests(), 'getInstanceStatistics')).toHaveLength(1);
  });

  it('does not merge reads that differ in their query', async () => {
    const alice = await h.as('alice');
    await h.admin.fault({ route: 'listInstances', latencyMs: 200, count: 1 });
    const [a, b] = await Promise.all([
      alice.get(h.p('/instances?limit=1')),
      alice.get(h.p('/instances?limit=2')),
    ]);
    expect((a.body.instances as unknown[]).length).toBe(1);
    expect((b.body.instances as unknown[]).length).toBe(2);
    expect(byOperation(await h.admin.requests(), 'listInstances')).toHaveLength(2);
  });

  it('answers a read issued after a mutation from a call of its own, with the mutation in it', async () => {
    const operator = await h.as('oscar');
    const target = h.ids.instances['dev-sandbox-01'] as string;
    // A slow read of the same thing is in flight at the emulator when the mutation goes out.
    await h.admin.fault({ route: 'listInstanceTags', latencyMs: 400, count: 1 });
    const before = operator.get(h.p(`/instances/${target}/tags`));
    await untilFaultsConsumed();
    const added = await operator.call('POST', h.p(`/instances/${target}/tags`), {
      tags: [{ key: 'freshness', value: 'after' }],
    });
    expect(added.status).toBeLessThan(300);
    const after = await operator.get(h.p(`/instances/${target}/tags`));
    const afterId = idOf(after);
    expect((await before).status).toBe(200);
    expect(after.status).toBe(200);
    expect(after.body.tags).toContainEqual({ key: 'freshness', value: ['after'] });
    const records = await h.admin.requests();
    const own = upstreamCallsFor(records, [afterId]);
    expect(own).toHaveLength(1);
    expect(records.indexOf(own[0] as RequestRecord)).toBeGreaterThan(
      records.findIndex((r) => r.operation === 'addInstanceTags'),
    );
  });

  it('shows a rename once its job has run, and never the old name after that', async () => {
    const operator = await h.as('oscar');
    const target = h.ids.instances['dev-sandbox-01'] as string;
    const renamed = await operator.call('PUT', h.p(`/instances/${target}/name`), {
      name: 'dev-sandbox-renamed',
    });
    expect(renamed.status).toBe(202);
    await h.admin.advance(60_000);
    const after = await operator.get(h.p(`/instances?id=${target}`));
    expect((after.body.instances as { name: string }[]).map((i) => i.name)).toEqual(['dev-sandbox-renamed']);
  });

  it('shows a restart’s REBOOTING status to the next read', async () => {
    const operator = await h.as('oscar');
    const target = h.ids.instances['crm-db'] as string;
    const core = h.ids.instances['prod-core-01'] as string;
    const restart = await operator.call('POST', h.p(`/instances/${core}/restart`), {});
    expect(restart.status).toBe(202);
    expect(typeof restart.body.job_id).toBe('string');
    const list = await operator.get(h.p(`/instances?id=${core}`));
    expect((list.body.instances as { status: string }[])[0]?.status).toBe('REBOOTING');
    // Untouched instances keep their status.
    const other = await operator.get(h.p(`/instances?id=${target}`));
    expect((other.body.instances as { status: string }[])[0]?.status).toBe('STORAGE FULL');
  });
});
