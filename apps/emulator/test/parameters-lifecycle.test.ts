import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../src/http/errors';
import { instanceParamsCollection } from '../src/domain/parameters/model';
import { assertCreationTemplate } from '../src/domain/parameters/templates';
import { createBody, distributedBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

// Parameters across an instance's life, from an empty project: created from a template, the template reset and
// re-applied, the instance deleted.

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

const p = (path: string) => path.replace('{p}', t.pid);

async function settle(minutes: number) {
  t.emu.clock.advance(minutes * MIN);
  await t.call('GET', p('/v3.1/{p}/configurations?limit=1'));
}

async function valuesOf(instanceId: string): Promise<Record<string, string>> {
  const res = await t.call('GET', p(`/v3.1/{p}/instances/${instanceId}/configurations`));
  expect(res.status).toBe(200);
  const params = res.body.configuration_parameters as { name: string; value: string }[];
  return Object.fromEntries(params.map((x) => [x.name, x.value]));
}

async function systemTemplate(version: string, mode: string): Promise<string> {
  const res = await t.call('GET', p('/v3.1/{p}/configurations'));
  const list = res.body.configurations as {
    id: string;
    datastore_version: string;
    ha_mode: string;
    user_defined: boolean;
  }[];
  return list.find((c) => !c.user_defined && c.datastore_version === version && c.ha_mode === mode)!.id;
}

describe('an instance created from a user template', () => {
  let templateId = '';
  let instanceId = '';

  it('an empty project still lists the nine system templates', async () => {
    const res = await t.call('GET', p('/v3.1/{p}/configurations'));
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(9);
  });

  it('starts with the values of the template it was created with', async () => {
    const created = await t.call('POST', p('/v3/{p}/configurations'), {
      body: {
        name: 'web-tier',
        parameter_values: { max_connections: '2000', session_timeout: '900' },
        datastore: { engine_version: '8.201', instance_mode: 'ha' },
      },
    });
    expect(created.status).toBe(200);
    templateId = String(created.body.id);
    const inst = await t.call('POST', p('/v3.1/{p}/instances'), {
      body: createBody({ configuration_id: templateId }),
    });
    expect(inst.status).toBe(202);
    instanceId = String((inst.body.instance as { id: string }).id);
    await settle(16);
    expect(await valuesOf(instanceId)).toMatchObject({
      max_connections: '2000',
      session_timeout: '900',
      work_mem: '65536',
    });
  });

  it('keeps those values when the template is reset, and the template cannot be deleted while in use', async () => {
    const del = await t.call('DELETE', p(`/v3/{p}/configurations/${templateId}`));
    expect(del.status).toBe(400);
    expect(del.body.error_code).toBe('DBS.212032');
    const reset = await t.call('POST', p(`/v3/{p}/configurations/${templateId}/reset`));
    expect(reset.status).toBe(200);
    expect((await valuesOf(instanceId)).max_connections).toBe('2000');
    const detail = await t.call('GET', p(`/v3/{p}/configurations/${templateId}`));
    const params = detail.body.configuration_parameters as { name: string; value: string }[];
    expect(params.find((x) => x.name === 'max_connections')!.value).toBe('5000');
  });

  it('takes the system defaults when the system template is applied, which frees the user template', async () => {
    const sys = await systemTemplate('8.201', 'centralization_standard');
    const apply = await t.call('PUT', p(`/v3/{p}/configurations/${sys}/apply`), {
      body: { instance_ids: [instanceId] },
    });
    expect(apply.status).toBe(202);
    const job = await t.call('GET', p(`/v3/{p}/jobs?id=${String(apply.body.job_id)}`));
    expect((job.body.job as { name: string }).name).toBe('ApplyGaussDBV5ParameterTemplate');
    await settle(2);
    expect(await valuesOf(instanceId)).toMatchObject({ max_connections: '5000', session_timeout: '600' });
    const history = await t.call('GET', p(`/v3/{p}/configurations/${sys}/applied-histories`));
    expect(history.body.histories).toEqual([
      expect.objectContaining({ instance_id: instanceId, apply_result: 'SUCCESS', error_code: null }),
    ]);
    expect((await t.call('DELETE', p(`/v3/{p}/configurations/${templateId}`))).status).toBe(200);
  });

  it('answers in Chinese for X-Language zh-cn', async () => {
    const res = await t.call('PUT', p(`/v3/{p}/instances/${instanceId}/configurations`), {
      body: { values: { no_such_guc: '1' } },
      headers: { 'x-language': 'zh-cn' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.212012');
    expect(res.body.error_msg).toContain('参数不存在');
  });

  it('forgets the parameters of a deleted instance', async () => {
    await t.call('PUT', p(`/v3/{p}/instances/${instanceId}/configurations`), {
      body: { values: { work_mem: '8192' } },
    });
    expect(t.emu.runtime.store.collection(instanceParamsCollection).get(t.pid, instanceId)).toBeDefined();
    const del = await t.call('DELETE', p(`/v3/{p}/instances/${instanceId}`));
    expect(del.status).toBe(202);
    await settle(5);
    expect(t.emu.runtime.store.collection(instanceParamsCollection).get(t.pid, instanceId)).toBeUndefined();
  });
});

describe('a distributed instance', () => {
  it('reads the distributed defaults and fits only distributed templates of its version', async () => {
    const inst = await t.call('POST', p('/v3.1/{p}/instances'), {
      body: distributedBody({ name: 'dist-params' }),
    });
    expect(inst.status).toBe(202);
    const id = String((inst.body.instance as { id: string }).id);
    await settle(30);
    expect(await valuesOf(id)).toMatchObject({
      max_connections: '8000',
      max_pool_size: '800',
      wal_keep_segments: '128',
    });
    const dist = await systemTemplate('8.201', 'enterprise');
    const fits = await t.call('GET', p(`/v3/{p}/configurations/${dist}/applicable-instances`));
    expect(fits.body).toEqual({
      instances: [{ instance_id: id, instance_name: 'dist-params' }],
      total_count: 1,
    });
    const central = await systemTemplate('8.201', 'centralization_standard');
    expect(
      (await t.call('GET', p(`/v3/{p}/configurations/${central}/applicable-instances`))).body.total_count,
    ).toBe(0);
  });
});

describe('the creation check offered to instance creation', () => {
  it('refuses an unknown template or one of another version or mode with DBS.200057', async () => {
    const sys = await systemTemplate('8.102', 'centralization_standard');
    const scope = { version: '8.201', mode: 'centralization_standard' as const };
    const codeOf = (id: string) => {
      try {
        assertCreationTemplate(t.emu.runtime, t.pid, id, scope);
        return 'accepted';
      } catch (e) {
        return e instanceof ApiError ? e.code : 'other';
      }
    };
    expect(codeOf(sys)).toBe('DBS.200057');
    expect(codeOf(`${'c'.repeat(32)}pr14`)).toBe('DBS.200057');
    expect(codeOf(await systemTemplate('8.201', 'centralization_standard'))).toBe('accepted');
  });
});
