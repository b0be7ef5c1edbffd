import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './helpers';

describe('demo seed', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ seed: 'demo' });
  });
  afterAll(() => t.close());

  type Inst = {
    name: string;
    status: string;
    type: string;
    nodes: { availability_zone: string }[];
    tags: { key: string }[];
  };
  it('has at least 12 instances across modes, solutions and AZs', async () => {
    const res = await t.call('GET', `/v3.1/${t.pid}/instances`);
    const list = res.body.instances as Inst[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(new Set(list.map((i) => i.type))).toEqual(new Set(['Centralization_standard', 'Enterprise']));
    expect(list.some((i) => i.type === 'Centralization_standard' && i.nodes.length === 2)).toBe(true);
    expect(new Set(list.flatMap((i) => i.nodes.map((n) => n.availability_zone))).size).toBeGreaterThanOrEqual(
      3,
    );
    expect(list.every((i) => i.tags.length > 0)).toBe(true);
    expect(new Set(list.map((i) => i.status))).toEqual(
      expect.objectContaining(new Set(['ACTIVE', 'BUILD', 'FAILED'])),
    );
  });

  it('has a running job, a failed job and task history', async () => {
    const tasks = (await t.call('GET', `/v3/${t.pid}/tasks`)).body as {
      tasks: { status: string }[];
      total_count: number;
    };
    expect(tasks.tasks.some((x) => x.status === 'Running')).toBe(true);
    expect(tasks.tasks.some((x) => x.status === 'Failed')).toBe(true);
    expect(tasks.total_count).toBeGreaterThanOrEqual(10);
  });

  it('finishes the running demo jobs as the clock moves', async () => {
    t.emu.clock.advance(30 * 60_000);
    const tasks = (await t.call('GET', `/v3/${t.pid}/tasks?status=Running`)).body as { total_count: number };
    expect(tasks.total_count).toBe(0);
    const list = (await t.call('GET', `/v3.1/${t.pid}/instances?name=orders-new`)).body.instances as Inst[];
    expect(list[0]!.status).toBe('ACTIVE');
  });

  it('has recycle-bin entries and instances in the DR project too', async () => {
    expect(
      (await t.call('GET', `/v3/${t.pid}/recycle-instances`)).body.total_count as number,
    ).toBeGreaterThanOrEqual(2);
    const dr = t.emu.projects[1]!;
    const res = await t.call('GET', `/v3.1/${dr.id}/instances`, {
      headers: { 'x-auth-token': await t.token('region-2') },
    });
    expect(res.body.total_count as number).toBeGreaterThanOrEqual(1);
  });
});

describe('scale seed', () => {
  it('loads N instances and pages through them', async () => {
    const t = await startTestEmulator({ seed: 'scale:500' });
    try {
      const first = await t.call('GET', `/v3.1/${t.pid}/instances?limit=100&offset=400`);
      expect(first.body.total_count).toBe(500);
      expect((first.body.instances as unknown[]).length).toBe(100);
      const tagged = await t.call('GET', `/v3.1/${t.pid}/instances?tags=team%3Dteam7&limit=100`);
      expect(tagged.body.total_count).toBe(20);
    } finally {
      await t.close();
    }
  });

  it('makes one centralized instance in fifty a multi-tenant container holding a tenant', async () => {
    const t = await startTestEmulator({ seed: 'scale:120' });
    try {
      const idOf = async (name: string) =>
        (
          (await t.call('GET', `/v3.1/${t.pid}/instances?name=${name}`)).body.instances as { id: string }[]
        )[0]!.id;
      const tenants = (id: string) =>
        t.call('POST', `/v3/${t.pid}/instances/${id}/pdb-info`, { body: { offset: 0, limit: 10 } });
      for (const [name, index] of [
        ['scale-00001', 1],
        ['scale-00051', 51],
      ] as const) {
        const res = await tenants(await idOf(name));
        expect(res.status).toBe(200);
        const list = res.body.pdb_infos as {
          name: string;
          status: string;
          cpu: number;
          mem: number;
          disk: string;
        }[];
        expect(list).toEqual([
          expect.objectContaining({ name: `tenant_${index}`, status: 'normal', cpu: 1, mem: 4, disk: '20' }),
        ]);
      }
      // scale-00101 is distributed (every third shape) and scale-00052 is not one in fifty: neither hosts tenants.
      for (const name of ['scale-00101', 'scale-00052']) {
        const res = await tenants(await idOf(name));
        expect(res.status).toBe(400);
        expect(res.body.error_code).toBe('DBS.06014011');
      }
    } finally {
      await t.close();
    }
  });
});
