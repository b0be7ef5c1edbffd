// The composite reads the pages need (dashboard; instances by tag) against the real emulator: what they
// count matches the operations they are made of, they page through the upstream, and the policy holds.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bffRoutesDoc, renderBffRoutes } from '../scripts/bff-routes';
import { startHarness, upstreamCallsFor, type ConsoleHarness, type Reply } from './console-harness';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Dashboard {
  project: string;
  generated_at: string;
  instances: { total: number; by_status: Record<string, number>; by_mode: Record<string, number> };
  tasks: {
    running: {
      id: string;
      name: string;
      status: string;
      progress: number | null;
      instance: { id: string | null; name: string | null };
    }[];
    running_count: number;
    failed_last_24h: number;
    recent_failures: {
      id: string;
      name: string;
      fail_reason: string | null;
      instance: { name: string | null };
    }[];
  };
  quota: { type: string; used: number; quota: number }[];
  truncated: boolean;
}

const countBy = (rows: { [k: string]: unknown }[], key: string) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[String(r[key])] = (out[String(r[key])] ?? 0) + 1;
  return out;
};

/** The console's own id of a request: the one it forwards upstream. */
const idOf = (reply: Reply): string => reply.headers.get('x-request-id') ?? '';

describe('GET /projects/:project/dashboard', () => {
  it('counts the instances by status and by mode, lists the running tasks and the quota, as the operations report them', async () => {
    const viewer = await h.as('vera');
    const res = await viewer.get(h.p('/dashboard'));
    const id = idOf(res);
    expect(res.status).toBe(200);
    const d = res.body as unknown as Dashboard;

    const list = await viewer.get(h.p('/instances?limit=100'));
    const instances = list.body.instances as { id: string; status: string; type: string }[];
    expect(d.project).toBe('prod');
    expect(d.instances.total).toBe(instances.length);
    expect(d.instances.by_status).toEqual(countBy(instances, 'status'));
    expect(d.instances.by_mode).toEqual(countBy(instances, 'type'));
    expect(Object.keys(d.instances.by_mode).sort()).toEqual(['Centralization_standard', 'Enterprise']);
    expect(d.instances.by_status['STORAGE FULL']).toBe(1);

    const tasks = await viewer.get(h.p('/tasks?status=Running&limit=100'));
    const running = tasks.body.tasks as { job_id: string }[];
    expect(d.tasks.running.map((t) => t.id).sort()).toEqual(running.map((t) => t.job_id).sort());
    expect(d.tasks.running_count).toBe(running.length);
    expect(d.tasks.running.map((t) => t.instance.name).sort()).toEqual(['orders-new', 'reporting-01']);
    for (const t of d.tasks.running) expect(t.progress).toBeGreaterThanOrEqual(0);
    // The demo's failures (a create two days ago, a resize three days ago) are older than a day.
    expect(d.tasks.failed_last_24h).toBe(0);
    expect(d.quota).toContainEqual({ type: 'instance', used: expect.any(Number) as number, quota: 50 });
    expect(d.truncated).toBe(false);

    // Made of listInstances, listTasks (running and failed) and getProjectQuotas, with this request's id.
    const calls = upstreamCallsFor(await h.admin.requests(), [id]);
    expect(calls.map((c) => c.operation).sort()).toEqual([
      'getProjectQuotas',
      'listInstances',
      'listTasks',
      'listTasks',
    ]);
  });

  it('counts a task that failed in the last 24 hours, with its reason', async () => {
    const operator = await h.as('oscar');
    const target = h.ids.instances['staging-app'] as string;
    await h.admin.fault({
      failJob: 'RestartGaussDBV5Instance',
      error_msg: 'Injected: a node did not come back.',
    });
    const started = await operator.call('POST', h.p(`/instances/${target}/restart`), {});
    expect(started.status).toBe(202);
    await h.admin.advance(4 * 60_000);
    const d = (await operator.get(h.p('/dashboard'))).body as unknown as Dashboard;
    expect(d.tasks.failed_last_24h).toBe(1);
    expect(d.tasks.recent_failures[0]).toMatchObject({
      id: started.body.job_id,
      name: 'RestartGaussDBV5Instance',
      fail_reason: 'Injected: a node did not come back.',
      instance: { name: 'staging-app' },
    });
  });

  it('is for viewers and up: tenants get 403, strangers 401, an unknown project 404', async () => {
    for (const name of ['alice', 'oscar', 'vera'])
      expect((await (await h.as(name)).get(h.p('/dashboard'))).status, name).toBe(200);
    const tenant = await (await h.as('tina')).get(h.p('/dashboard'));
    expect(tenant.status).toBe(403);
    expect(tenant.body.error?.code).toBe('FORBIDDEN');
    expect((await fetch(`${h.url}${h.p('/dashboard')}`)).status).toBe(401);
    const unknown = await (await h.as('vera')).get('/api/v1/projects/nowhere/dashboard');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('PROJECT_NOT_FOUND');
  });

  it('passes an upstream refusal on with its status and DBS code', async () => {
    await h.admin.fault({
      route: 'getProjectQuotas',
      status: 400,
      error_code: 'DBS.280001',
      error_msg: 'Quota service refused.',
      count: 1,
    });
    const res = await (await h.as('vera')).get(h.p('/dashboard'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      status: 400,
      code: 'DBS.280001',
      message: 'Quota service refused.',
    });
  });
});

describe('GET /projects/:project/tags/:key/:value/instances', () => {
  const names = async (key: string, value: string) => {
    const res = await (
      await h.as('vera')
    ).get(h.p(`/tags/${encodeURIComponent(key)}/${encodeURIComponent(value)}/instances`));
    expect(res.status, `${key}=${value}: ${res.text.slice(0, 200)}`).toBe(200);
    expect(res.body.total_count).toBe((res.body.instances as unknown[]).length);
    return (res.body.instances as { name: string }[]).map((i) => i.name).sort();
  };

  it('finds the instances of the project carrying the tag, and only those', async () => {
    expect(await names('team', 'core')).toEqual(['prod-core-01', 'prod-core-02']);
    expect(await names('app', 'saas-platform')).toEqual(['dev-arm-01', 'prod-core-02']);
    expect(await names('cost_center', 'CC-3003')).toEqual(['dev-arm-01']);
    expect(await names('team', 'nobody')).toEqual([]);
  });

  it('refuses a key or value outside the tag rules, naming it, before any upstream call', async () => {
    const vera = await h.as('vera');
    const cases: [string, string, string][] = [
      ['env=prod,team', 'core', 'path.key'],
      ['team', 'core,env=dev', 'path.value'],
      ['k'.repeat(37), 'v', 'path.key'],
      ['team', 'v'.repeat(44), 'path.value'],
    ];
    const ids: string[] = [];
    for (const [key, value, field] of cases) {
      const res = await vera.get(
        h.p(`/tags/${encodeURIComponent(key)}/${encodeURIComponent(value)}/instances`),
      );
      ids.push(idOf(res));
      expect(res.status, key).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_FAILED');
      expect(res.body.error?.fields?.map((f) => f.path)).toEqual([field]);
    }
    expect(upstreamCallsFor(await h.admin.requests(), ids)).toEqual([]);
  });

  it('is refused to tenant users', async () => {
    const res = await (await h.as('tina')).get(h.p('/tags/app/saas-platform/instances'));
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('FORBIDDEN');
  });
});

describe('composite reads over more than one upstream page', () => {
  it('pages through 330 instances for the dashboard and 110 tagged ones for the tag route', async () => {
    // A fleet larger than the upstream's 100-row pages; the BFF's token survives the reseed.
    const reset = await fetch(`${h.emu.url}/__emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 'scale:330' }),
    });
    expect(reset.status).toBe(200);
    const vera = await h.as('vera');

    const dash = await vera.get(h.p('/dashboard'));
    const dashId = idOf(dash);
    const d = dash.body as unknown as Dashboard;
    expect(d.instances.total).toBe(330);
    expect(d.instances.by_status).toEqual({ ACTIVE: 330 });
    expect(d.instances.by_mode).toEqual({ Centralization_standard: 220, Enterprise: 110 });
    const dashCalls = upstreamCallsFor(await h.admin.requests(), [dashId]).filter(
      (c) => c.operation === 'listInstances',
    );
    expect(dashCalls).toHaveLength(4);

    const res = await vera.get(h.p('/tags/env/prod/instances'));
    const tagId = idOf(res);
    expect(res.status).toBe(200);
    const found = res.body.instances as { name: string; tags?: { key: string; value: string }[] }[];
    expect(found).toHaveLength(110);
    expect(res.body.total_count).toBe(110);
    expect(new Set(found.map((i) => i.name)).size).toBe(110);
    expect(found.every((i) => Number(i.name.slice(6)) % 3 === 0)).toBe(true);
    const tagCalls = upstreamCallsFor(await h.admin.requests(), [tagId]);
    expect(tagCalls.map((c) => c.operation)).toEqual(['listInstances', 'listInstances']);
    expect(tagCalls.every((c) => c.path.includes('tags=env%3Dprod'))).toBe(true);
  });
});

describe('docs/bff-routes.md', () => {
  it('is what `npm run routes -w apps/bff` writes, naming the composite routes', () => {
    const doc = fs.readFileSync(bffRoutesDoc, 'utf8');
    expect(doc).toBe(renderBffRoutes());
    expect(doc).toContain('/api/v1/projects/{project}/dashboard');
    expect(doc).toContain('/api/v1/projects/{project}/tags/{key}/{value}/instances');
    expect(doc).toContain('POST /api/v1/users/{name}/unlock');
  });
});
