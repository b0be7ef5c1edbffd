import { predefinedTagValues, type GaussDbClient } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { failure, startDemoFleet, type DemoFleet } from './demo-fleet';
import type { InstanceDoc } from '../src/domain/instance-model';

// 4.11.1–4.11.5 against the demo fleet; tags live on the instance, so the 4.4.4 `tags` filter sees every change.

let fleet: DemoFleet;
let emu: RunningEmulator;
let client: GaussDbClient;

beforeAll(async () => {
  fleet = await startDemoFleet();
  ({ emu, client } = fleet);
});

afterAll(async () => {
  await emu.close();
});

const idOf = (name: string) => fleet.idOf(name);
const patchInstance = (name: string, change: Partial<InstanceDoc>) => fleet.patchInstance(name, change);
const raw = (method: string, path: string, body?: unknown) =>
  fleet.raw<Record<string, unknown>>(method, `/v3/${emu.projectId}${path}`, body);
const path = (name: string) => ({ instance_id: idOf(name) });

const namesTagged = async (filter: string) =>
  (await client.listInstances({ query: { tags: filter, limit: 100 } })).instances.map((i) => i.name);

describe('reading tags (4.11.1–4.11.3)', () => {
  it('lists an instance tags with each value as a one-element array', async () => {
    const res = await client.listInstanceTags({ path: path('prod-core-01') });
    expect(res.tags).toEqual([
      { key: 'env', value: ['prod'] },
      { key: 'team', value: ['core'] },
      { key: 'app', value: ['core-banking'] },
      { key: 'owner', value: ['carol'] },
    ]);
    expect(res.total_count).toBe(4);
  });

  it('aggregates the project tags: every key once, its distinct values sorted', async () => {
    const res = await client.listProjectTags();
    const env = res.tags.find((t) => t.key === 'env')!;
    expect(env.value).toEqual([...new Set(env.value)].sort());
    expect(env.value).toEqual(expect.arrayContaining(['prod', 'staging', 'dev']));
    // Tags of the other project stay out.
    expect(env.value).not.toContain('dr');
  });

  it('lists the predefined tags with their values', async () => {
    const res = await client.listPredefinedTags();
    const env = res.tags.find((t) => t.key === 'env')!;
    expect(predefinedTagValues(env)).toContain('prod');
  });

  it('answers an unknown instance with 404 DBS.200002', async () => {
    expect(
      await failure(
        client.listInstanceTags({ path: { instance_id: 'ffffffffffffffffffffffffffffffffin14' } }),
      ),
    ).toMatchObject({ status: 404, code: 'DBS.200002' });
  });
});

describe('adding tags (4.11.4)', () => {
  it('adds tags that the instance list filter then finds', async () => {
    const res = await client.addInstanceTags({
      path: path('archive-2023'),
      body: {
        tags: [
          { key: 'retention', value: '7y' },
          { key: 'cost_center', value: 'CC-1001' },
        ],
      },
    });
    expect(res).toEqual({ instance_id: idOf('archive-2023'), instance_name: 'archive-2023' });
    expect(await namesTagged('retention=7y')).toEqual(['archive-2023']);
    expect(await namesTagged('cost_center=CC-1001,env=archive')).toEqual(['archive-2023']);
  });

  it('trims keys and values and accepts an empty value', async () => {
    await client.addInstanceTags({
      path: path('dev-sandbox-01'),
      body: { tags: [{ key: '  sandbox ', value: '' }] },
    });
    const tags = (await client.listInstanceTags({ path: path('dev-sandbox-01') })).tags;
    expect(tags).toContainEqual({ key: 'sandbox', value: [''] });
  });

  it('refuses a key the instance already has with DBS.200098 and adds nothing', async () => {
    const err = await failure(
      client.addInstanceTags({
        path: path('prod-core-01'),
        body: {
          tags: [
            { key: 'brand_new', value: 'x' },
            { key: 'env', value: 'test' },
          ],
        },
      }),
    );
    expect(err).toMatchObject({ status: 400, code: 'DBS.200098' });
    const keys = (await client.listInstanceTags({ path: path('prod-core-01') })).tags.map((t) => t.key);
    expect(keys).not.toContain('brand_new');
  });

  it('refuses more than 20 tags on one instance with DBS.200087', async () => {
    const have = (await client.listInstanceTags({ path: path('analytics-dw') })).total_count ?? 0;
    const fill = Array.from({ length: 20 - have }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    await client.addInstanceTags({ path: path('analytics-dw'), body: { tags: fill } });
    expect((await client.listInstanceTags({ path: path('analytics-dw') })).total_count).toBe(20);
    expect(
      await failure(
        client.addInstanceTags({
          path: path('analytics-dw'),
          body: { tags: [{ key: 'one_more', value: 'v' }] },
        }),
      ),
    ).toMatchObject({ status: 400, code: 'DBS.200087' });
  });

  it('refuses a key given twice in one request (DBS.280272) and a bad character (DBS.200001) with the contract codes', async () => {
    const at = `/instances/${idOf('prod-core-01')}/tags`;
    expect(
      (
        await raw('POST', at, {
          tags: [
            { key: 'a', value: '1' },
            { key: 'a', value: '2' },
          ],
        })
      ).body?.error_code,
    ).toBe('DBS.280272');
    expect((await raw('POST', at, { tags: [{ key: 'a b', value: '1' }] })).body?.error_code).toBe(
      'DBS.200001',
    );
  });

  it('refuses changes on a frozen instance with DBS.280449', async () => {
    patchInstance('crm-db', { frozen: true });
    try {
      expect(
        await failure(
          client.addInstanceTags({ path: path('crm-db'), body: { tags: [{ key: 'x', value: 'y' }] } }),
        ),
      ).toMatchObject({ status: 400, code: 'DBS.280449' });
    } finally {
      patchInstance('crm-db', { frozen: false });
    }
  });
});

describe('deleting a tag (4.11.5)', () => {
  it('removes the key so that the list filter no longer finds the instance', async () => {
    expect(await namesTagged('owner=bob')).toContain('dev-arm-01');
    const res = await client.deleteInstanceTag({ path: path('dev-arm-01'), query: { key: 'owner' } });
    expect(res).toEqual({ result: 'succeed', instance_id: idOf('dev-arm-01'), instance_name: 'dev-arm-01' });
    expect(await namesTagged('owner=bob')).not.toContain('dev-arm-01');
  });

  it('answers a key the instance does not have with 404 DBS.212013', async () => {
    expect(
      await failure(client.deleteInstanceTag({ path: path('dev-arm-01'), query: { key: 'owner' } })),
    ).toMatchObject({ status: 404, code: 'DBS.212013' });
  });

  it('accepts the plural /tags?key= spelling too', async () => {
    const res = await raw('DELETE', `/instances/${idOf('staging-app')}/tags?key=app`);
    expect(res).toMatchObject({ status: 200, body: { result: 'succeed' } });
    expect(
      (await client.listInstanceTags({ path: path('staging-app') })).tags.map((t) => t.key),
    ).not.toContain('app');
  });
});
