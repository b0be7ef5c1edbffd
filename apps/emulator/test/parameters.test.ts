import {
  createGaussDbClient,
  GaussDbApiError,
  operations,
  type GaussDbClient,
} from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUC_CATALOG } from '../src/domain/parameters/catalog-data';
import { APPLY_JOB_NAME } from '../src/domain/parameters/apply';
import { instancePendingRestart } from '../src/domain/parameters/instance-parameters';
import { instancesCollection, type InstanceDoc } from '../src/domain/instance-model';
import { startEmulator, type RunningEmulator } from '../src/index';

// 4.5.1–4.5.14 against the demo fleet, over HTTP with the real client (responses parsed by the descriptors).

const MIN = 60_000;
let emu: RunningEmulator;
let client: GaussDbClient;
let token: string;

beforeAll(async () => {
  emu = await startEmulator({
    memory: true,
    seed: 'demo',
    clock: 'manual',
    startTime: Date.UTC(2025, 0, 15, 8),
    validateResponses: true,
    admin: false,
    log: { error: () => undefined },
  });
  const { iam } = emu.credentials;
  token = emu.runtime.auth.issueToken({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: iam.user, password: iam.password, domain: { name: iam.domain } } },
      },
      scope: { project: { id: emu.projectId } },
    },
  }).token;
  client = createGaussDbClient({
    endpoint: emu.url,
    projectId: emu.projectId,
    auth: { type: 'token', token },
  });
});

afterAll(async () => {
  await emu.close();
});

const instances = () => emu.runtime.store.collection(instancesCollection);
const inst = (name: string): InstanceDoc =>
  instances()
    .all({ projectId: emu.projectId })
    .find((i) => i.name === name)!;
const idOf = (name: string) => inst(name).id;

/** A request the client would refuse before sending: sent raw, to see the emulator's own answer. */
async function raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${emu.url}${path.replace('{p}', emu.projectId)}`, {
    method,
    headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & {
      error_code?: string;
      error_msg?: string;
    },
  };
}

async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; code: string | undefined; msg: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GaussDbApiError) return { status: e.status, code: e.errorCode, msg: e.errorMsg };
    throw e;
  }
  throw new Error('expected the call to fail');
}

async function templateId(name: string): Promise<string> {
  const all = await client.listParameterTemplates({ query: { offset: 0, limit: 100 } });
  const t = all.configurations.find((c) => c.name === name);
  if (!t) throw new Error(`no template ${name}`);
  return t.id;
}

async function paramsOf(name: string): Promise<Record<string, string>> {
  const res = await client.getInstanceParameters({ path: { instance_id: idOf(name) } });
  return Object.fromEntries(res.configuration_parameters.map((p) => [p.name, p.value ?? '']));
}

const systemId = async (version: string, mode: string) => {
  const all = await client.listParameterTemplates({ query: { offset: 0, limit: 100 } });
  return all.configurations.find(
    (c) => !c.user_defined && c.datastore_version === version && c.ha_mode === mode,
  )!.id;
};

describe('the parameter catalogue', () => {
  it('holds at least 40 real GUC parameters, each described in English and Chinese', () => {
    expect(GUC_CATALOG.length).toBeGreaterThanOrEqual(40);
    for (const g of GUC_CATALOG) {
      expect(g.description.en.length).toBeGreaterThan(10);
      expect(g.description.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    const names = GUC_CATALOG.map((g) => g.name);
    for (const n of [
      'max_connections',
      'shared_buffers',
      'work_mem',
      'session_timeout',
      'audit_system_object',
      'synchronous_commit',
      'most_available_sync',
      'behavior_compat_options',
      'timezone',
    ]) {
      expect(names).toContain(n);
    }
  });
});

describe('listing and reading templates (4.5.1, 4.5.6)', () => {
  it('lists a read-only system template per engine version and mode, then the user templates, with `count`', async () => {
    const res = await client.listParameterTemplates({ query: { offset: 0, limit: 100 } });
    const system = res.configurations.filter((c) => c.user_defined === false);
    expect(system).toHaveLength(9);
    expect(new Set(system.map((s) => `${s.datastore_version}/${s.ha_mode}`)).size).toBe(9);
    expect(res.configurations.filter((c) => c.user_defined).map((c) => c.name)).toEqual([
      'legacy-8102-baseline',
      'oltp-high-concurrency',
      'reporting-large-memory',
      'audit-strict',
    ]);
    expect(res.count).toBe(13);
    expect(res.configurations[0]).toMatchObject({ datastore_name: 'GaussDB' });
    expect(res.configurations[0]!.id).toMatch(/^[0-9a-f]{32}pr14$/);
    expect(res.configurations[0]!.created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('pages across the system and user templates', async () => {
    const res = await client.listParameterTemplates({ query: { offset: 8, limit: 3 } });
    expect(res.configurations.map((c) => c.user_defined)).toEqual([false, true, true]);
    expect(res.count).toBe(13);
  });

  it('shows a system template with every parameter, its range, type and whether it needs a restart', async () => {
    const t = await client.getParameterTemplate({
      path: { config_id: await systemId('8.201', 'centralization_standard') },
    });
    expect(t.instance_mode).toBe('ha');
    expect(t.engine_version).toBe('8.201');
    expect(t.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    const byName = new Map((t.configuration_parameters ?? []).map((p) => [p.name, p]));
    expect(byName.size).toBeGreaterThanOrEqual(40);
    expect(byName.get('max_connections')).toMatchObject({
      value: '5000',
      need_restart: true,
      value_range: '10-262143',
      data_type: 'integer',
      readonly: false,
    });
    expect(byName.get('session_timeout')).toMatchObject({
      value: '600',
      need_restart: false,
      value_range: '0-86400',
    });
    expect(byName.get('synchronous_commit')).toMatchObject({
      data_type: 'string',
      value_range: '|on|off|local|remote_write|remote_receive|remote_apply',
    });
    expect(byName.get('audit_enabled')).toMatchObject({ data_type: 'boolean', value: 'on' });
    expect(byName.get('ssl')).toMatchObject({ readonly: true });
    expect(byName.get('session_timeout')!.description).toMatch(/idle/);
    expect(byName.has('max_pool_size')).toBe(false);
  });

  it('gives each version and mode its own defaults and ranges', async () => {
    const old = await client.getParameterTemplate({
      path: { config_id: await systemId('3.223', 'centralization_standard') },
    });
    const oldParams = new Map((old.configuration_parameters ?? []).map((p) => [p.name, p]));
    expect(oldParams.get('audit_system_object')!.value_range).toBe('0-134217727');
    expect(oldParams.get('enable_thread_pool')!.value).toBe('off');
    expect(oldParams.has('a_format_dev_version')).toBe(false);
    const dist = await client.getParameterTemplate({
      path: { config_id: await systemId('8.201', 'enterprise') },
    });
    const distParams = new Map((dist.configuration_parameters ?? []).map((p) => [p.name, p]));
    expect(distParams.get('max_connections')!.value).toBe('8000');
    expect(distParams.get('max_pool_size')).toMatchObject({ need_restart: true });
    expect(dist.instance_mode).toBe('independent');
  });

  it('describes parameters in Chinese for X-Language zh-cn', async () => {
    const t = await client.getParameterTemplate(
      { path: { config_id: await systemId('8.201', 'centralization_standard') } },
      { language: 'zh-cn' },
    );
    const p = (t.configuration_parameters ?? []).find((x) => x.name === 'session_timeout')!;
    expect(p.description).toContain('单位：s');
  });

  it('describes the system templates in Chinese for X-Language zh-cn, and keeps a user template’s own words', async () => {
    const zh = await client.listParameterTemplates(
      { query: { offset: 0, limit: 100 } },
      { language: 'zh-cn' },
    );
    const id = await systemId('8.201', 'centralization_standard');
    expect(zh.configurations.find((c) => c.id === id)!.description).toBe(
      '企业版 GaussDB 8.201 集中式（主备版）默认参数模板',
    );
    expect(zh.configurations.find((c) => c.name === 'audit-strict')!.description).toMatch(/^Audit every DDL/);
    const detail = await client.getParameterTemplate({ path: { config_id: id } }, { language: 'zh-cn' });
    expect(detail.description).toBe('企业版 GaussDB 8.201 集中式（主备版）默认参数模板');
    const en = await client.getParameterTemplate({ path: { config_id: id } });
    expect(en.description).toBe(
      'Default parameter template for Enterprise Edition GaussDB 8.201 Centralized (primary/standby)',
    );
  });

  it('answers an unknown template with 404 DBS.212001', async () => {
    const f = await failure(client.getParameterTemplate({ path: { config_id: `${'0'.repeat(32)}pr14` } }));
    expect(f).toMatchObject({ status: 404, code: 'DBS.212001' });
  });
});

describe('instance parameters (4.5.2, 4.5.3)', () => {
  it('starts from the applied template and the changes made on the instance', async () => {
    const res = await client.getInstanceParameters({ path: { instance_id: idOf('prod-core-01') } });
    expect(res).toMatchObject({ datastore_version: '8.201', datastore_name: 'GaussDB' });
    expect(res.updated).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const p = Object.fromEntries(res.configuration_parameters.map((x) => [x.name, x]));
    expect(p.max_connections).toMatchObject({ value: '10000', restart_required: true, type: 'integer' });
    expect(p.session_timeout!.value).toBe('3600');
    expect(p.audit_enabled!.value).toBe('on');
  });

  it('an instance nobody changed reads its version’s system defaults', async () => {
    const p = await paramsOf('archive-2023');
    expect(p.max_connections).toBe('5000');
    expect(p.a_format_dev_version).toBe('s2');
  });

  it('changes a reloadable parameter without a restart', async () => {
    const res = await client.modifyInstanceParameters({
      path: { instance_id: idOf('archive-2023') },
      body: { values: { failed_login_attempts: '4' } },
    });
    expect(res).toEqual({ restart_required: false });
    expect((await paramsOf('archive-2023')).failed_login_attempts).toBe('4');
    expect(instancePendingRestart(emu.runtime, emu.projectId, idOf('archive-2023'))).toBeNull();
  });

  it('reports restart_required for a POSTMASTER parameter and keeps the instance pending until it restarts', async () => {
    const id = idOf('archive-2023');
    const res = await client.modifyInstanceParameters({
      path: { instance_id: id },
      body: { values: { track_activity_query_size: '2048', max_replication_slots: 25 } },
    });
    expect(res).toEqual({ restart_required: true });
    const p = await paramsOf('archive-2023');
    expect(p).toMatchObject({ track_activity_query_size: '2048', max_replication_slots: '25' });
    expect(instancePendingRestart(emu.runtime, emu.projectId, id)?.names.sort()).toEqual([
      'max_replication_slots',
      'track_activity_query_size',
    ]);
    const job = await client.restartInstance({ path: { instance_id: id } });
    expect(job.job_id).toBeTruthy();
    emu.clock.advance(10 * MIN);
    await client.listParameterTemplates({ query: { limit: 1 } });
    expect(instancePendingRestart(emu.runtime, emu.projectId, id)).toBeNull();
  });

  it('normalises booleans and enumerations', async () => {
    await client.modifyInstanceParameters({
      path: { instance_id: idOf('archive-2023') },
      body: { values: { most_available_sync: 'true', log_statement: 'DDL' } },
    });
    expect(await paramsOf('archive-2023')).toMatchObject({ most_available_sync: 'on', log_statement: 'ddl' });
  });

  it.each([
    [{ no_such_parameter: '1' }, 'DBS.212012'],
    [{ session_timeout: '86401' }, 'DBS.280271'],
    [{ session_timeout: '10min' }, 'DBS.280271'],
    [{ audit_enabled: 'maybe' }, 'DBS.280271'],
    [{ synchronous_commit: 'sometimes' }, 'DBS.280271'],
    [{ behavior_compat_options: 'display_leading_zero,nonsense' }, 'DBS.280271'],
    [{ password_lock_time: 'x' }, 'DBS.280271'],
    [{ ssl: 'off' }, 'DBS.212003'],
    [{ max_pool_size: '100' }, 'DBS.212012'],
  ])('refuses %j with %s', async (values, code) => {
    const f = await failure(
      client.modifyInstanceParameters({ path: { instance_id: idOf('archive-2023') }, body: { values } }),
    );
    expect(f).toMatchObject({ status: 400, code });
  });

  it('changes nothing when one value of several is wrong', async () => {
    const before = await paramsOf('archive-2023');
    const f = await failure(
      client.modifyInstanceParameters({
        path: { instance_id: idOf('archive-2023') },
        body: { values: { work_mem: '8192', session_timeout: '-5' } },
      }),
    );
    expect(f.code).toBe('DBS.280271');
    expect(f.msg).toContain('session_timeout');
    expect((await paramsOf('archive-2023')).work_mem).toBe(before.work_mem);
  });

  it('refuses an empty map and a malformed key through the contract with DBS.212017', async () => {
    expect(
      (await raw('PUT', `/v3/{p}/instances/${idOf('archive-2023')}/configurations`, { values: {} })).body
        .error_code,
    ).toBe('DBS.212017');
    expect(
      (
        await raw('PUT', `/v3/{p}/instances/${idOf('archive-2023')}/configurations`, {
          values: { '1bad': 'x' },
        })
      ).body.error_code,
    ).toBe('DBS.212017');
  });

  it('refuses changes while another operation runs (409 DBS.212033) and on a failed instance (DBS.200086)', async () => {
    const busy = await failure(
      client.modifyInstanceParameters({
        path: { instance_id: idOf('orders-new') },
        body: { values: { enable_stream_operator: 'off' } },
      }),
    );
    expect(busy).toMatchObject({ status: 409, code: 'DBS.212033' });
    const failed = await failure(
      client.modifyInstanceParameters({
        path: { instance_id: idOf('migration-test') },
        body: { values: { session_timeout: '60' } },
      }),
    );
    expect(failed).toMatchObject({ status: 400, code: 'DBS.200086' });
  });

  it('answers an unknown instance with 404 DBS.200002', async () => {
    const f = await failure(client.getInstanceParameters({ path: { instance_id: `${'a'.repeat(32)}in14` } }));
    expect(f).toMatchObject({ status: 404, code: 'DBS.200002' });
  });

  it('the demo leaves dev-sandbox-01 waiting for a restart', () => {
    expect(instancePendingRestart(emu.runtime, emu.projectId, idOf('dev-sandbox-01'))?.names).toEqual(
      expect.arrayContaining(['shared_buffers', 'enable_thread_pool']),
    );
  });
});

describe('creating, copying and naming templates (4.5.4, 4.5.7, 4.5.11)', () => {
  it('creates a template with its own values and finds its name afterwards (case-sensitive)', async () => {
    expect((await client.checkParameterTemplateName({ query: { name: 'batch-night' } })).exist).toBe(false);
    const created = await client.createParameterTemplate({
      body: {
        name: 'batch-night',
        description: 'Nightly batch',
        parameter_values: { work_mem: 262144, autovacuum: 'off' },
        datastore: { engine_version: '8.201', instance_mode: 'ha' },
      },
    });
    expect(created.id).toMatch(/^[0-9a-f]{32}pr14$/);
    expect(created).toMatchObject({ name: 'batch-night' });
    expect(created.created_at).toMatch(/\+0000$/);
    expect((await client.checkParameterTemplateName({ query: { name: 'batch-night' } })).exist).toBe(true);
    expect((await client.checkParameterTemplateName({ query: { name: 'Batch-Night' } })).exist).toBe(false);
    const t = await client.getParameterTemplate({ path: { config_id: created.id } });
    const v = Object.fromEntries((t.configuration_parameters ?? []).map((p) => [p.name, p.value]));
    expect(v).toMatchObject({ work_mem: '262144', autovacuum: 'off', session_timeout: '600' });
  });

  it('cuts a description over 256 characters on create', async () => {
    const created = await client.createParameterTemplate({
      body: {
        name: 'long-desc',
        description: 'd'.repeat(300),
        datastore: { engine_version: '8.201', instance_mode: 'ha' },
      },
    });
    const t = await client.getParameterTemplate({ path: { config_id: created.id } });
    expect(t.description).toHaveLength(256);
  });

  it('refuses a taken name (user or system) with DBS.212030', async () => {
    const f = await failure(
      client.createParameterTemplate({
        body: { name: 'audit-strict', datastore: { engine_version: '8.201', instance_mode: 'ha' } },
      }),
    );
    expect(f).toMatchObject({ status: 400, code: 'DBS.212030' });
    const system = await client.getParameterTemplate({
      path: { config_id: await systemId('8.201', 'combined') },
    });
    const g = await failure(
      client.createParameterTemplate({
        body: { name: system.name, datastore: { engine_version: '8.201', instance_mode: 'ha' } },
      }),
    );
    expect(g.code).toBe('DBS.212030');
    expect((await client.checkParameterTemplateName({ query: { name: system.name } })).exist).toBe(true);
  });

  it('refuses an engine version that is not offered (DBS.280236), a mode other than ha (DBS.280402) and bad values', async () => {
    expect(
      (
        await failure(
          client.createParameterTemplate({
            body: { name: 'v9', datastore: { engine_version: '9.999', instance_mode: 'ha' } },
          }),
        )
      ).code,
    ).toBe('DBS.280236');
    expect(
      (
        await raw('POST', '/v3/{p}/configurations', {
          name: 'm',
          datastore: { engine_version: '8.201', instance_mode: 'single' },
        })
      ).body.error_code,
    ).toBe('DBS.280402');
    expect(
      (
        await failure(
          client.createParameterTemplate({
            body: {
              name: 'bad-1',
              parameter_values: { max_connections: '5' },
              datastore: { engine_version: '8.201', instance_mode: 'ha' },
            },
          }),
        )
      ).code,
    ).toBe('DBS.280271');
    expect(
      (
        await failure(
          client.createParameterTemplate({
            body: {
              name: 'bad-2',
              parameter_values: { max_pool_size: '5' },
              datastore: { engine_version: '8.201', instance_mode: 'ha' },
            },
          }),
        )
      ).code,
    ).toBe('DBS.212012');
    expect((await client.checkParameterTemplateName({ query: { name: 'bad-1' } })).exist).toBe(false);
  });

  it('refuses a bad name and a description with forbidden characters with DBS.212017', async () => {
    expect(
      (
        await raw('POST', '/v3/{p}/configurations', {
          name: 'has space',
          datastore: { engine_version: '8.201', instance_mode: 'ha' },
        })
      ).body.error_code,
    ).toBe('DBS.212017');
    expect(
      (
        await raw('POST', '/v3/{p}/configurations', {
          name: 'ok',
          description: 'a<b',
          datastore: { engine_version: '8.201', instance_mode: 'ha' },
        })
      ).body.error_code,
    ).toBe('DBS.212017');
    expect((await raw('GET', '/v3/{p}/configurations/name-validation?name=bad%20name')).body.error_code).toBe(
      'DBS.212017',
    );
  });

  it('copies a system template into a user template of the same version and mode', async () => {
    const source = await systemId('8.201', 'enterprise');
    const copy = await client.copyParameterTemplate({
      path: { config_id: source },
      body: { name: 'dw-copy', description: 'from the system default' },
    });
    expect(copy.config_id).toMatch(/pr14$/);
    const list = await client.listParameterTemplates({ query: { offset: 0, limit: 100 } });
    expect(list.configurations.find((c) => c.id === copy.config_id)).toMatchObject({
      name: 'dw-copy',
      user_defined: true,
      ha_mode: 'enterprise',
      datastore_version: '8.201',
    });
    const diff = await client.compareParameterTemplates({
      body: { source_id: source, target_id: copy.config_id },
    });
    expect(diff.differences).toEqual([]);
  });

  it('copies a user template with its values', async () => {
    const copy = await client.copyParameterTemplate({
      path: { config_id: await templateId('audit-strict') },
      body: { name: 'audit-strict-2' },
    });
    const diff = await client.compareParameterTemplates({
      body: { source_id: await templateId('audit-strict'), target_id: copy.config_id },
    });
    expect(diff.differences).toEqual([]);
  });

  it('refuses a copy description over 256 characters (DBS.212017), a taken name (DBS.212030) and an unknown source (404 DBS.212001)', async () => {
    const src = await templateId('audit-strict');
    expect(
      (await raw('POST', `/v3/{p}/configurations/${src}/copy`, { name: 'x1', description: 'd'.repeat(257) }))
        .body.error_code,
    ).toBe('DBS.212017');
    expect(
      (
        await failure(
          client.copyParameterTemplate({ path: { config_id: src }, body: { name: 'audit-strict' } }),
        )
      ).code,
    ).toBe('DBS.212030');
    expect(
      await failure(
        client.copyParameterTemplate({ path: { config_id: `${'1'.repeat(32)}pr14` }, body: { name: 'x2' } }),
      ),
    ).toMatchObject({ status: 404, code: 'DBS.212001' });
  });
});

describe('comparing, resetting and deleting templates (4.5.5, 4.5.8, 4.5.9, 4.5.14)', () => {
  it('lists the differences of two templates', async () => {
    const res = await client.compareParameterTemplates({
      body: {
        source_id: await systemId('8.201', 'centralization_standard'),
        target_id: await templateId('oltp-high-concurrency'),
      },
    });
    const d = Object.fromEntries(res.differences.map((x) => [x.name, x]));
    expect(d.max_connections).toEqual({
      name: 'max_connections',
      source_value: '5000',
      target_value: '10000',
    });
    expect(d.session_timeout).toMatchObject({ source_value: '600', target_value: '1800' });
    expect(d.autovacuum).toBeUndefined();
  });

  it('shows a parameter only one side has with only that side', async () => {
    const res = await client.compareParameterTemplates({
      body: {
        source_id: await systemId('8.201', 'centralization_standard'),
        target_id: await systemId('8.201', 'enterprise'),
      },
    });
    expect(res.differences.find((x) => x.name === 'max_pool_size')).toEqual({
      name: 'max_pool_size',
      target_value: '800',
    });
  });

  it('refuses an unknown template in a comparison with 404 DBS.212001', async () => {
    const f = await failure(
      client.compareParameterTemplates({
        body: { source_id: await templateId('audit-strict'), target_id: `${'2'.repeat(32)}pr14` },
      }),
    );
    expect(f).toMatchObject({ status: 404, code: 'DBS.212001' });
  });

  it('resets a user template to the defaults and records each change for 4.5.14', async () => {
    const id = await templateId('batch-night');
    expect(await client.resetParameterTemplate({ path: { config_id: id } })).toBeUndefined();
    const diff = await client.compareParameterTemplates({
      body: { source_id: await systemId('8.201', 'centralization_standard'), target_id: id },
    });
    expect(diff.differences).toEqual([]);
    const h = await client.listTemplateModifyHistory({
      path: { config_id: id },
      query: { offset: 0, limit: 10 },
    });
    expect(h.total_count).toBe(2);
    expect(h.histories.find((x) => x.parameter_name === 'work_mem')).toMatchObject({
      old_value: '262144',
      new_value: '65536',
      update_result: 'SUCCESS',
    });
    expect(h.histories[0]!.updated_at).toMatch(/\+0000$/);
  });

  it('shows the demo template’s reset in its history', async () => {
    const h = await client.listTemplateModifyHistory({
      path: { config_id: await templateId('legacy-8102-baseline') },
      query: { offset: 0, limit: 2 },
    });
    expect(h.total_count).toBe(4);
    expect(h.histories).toHaveLength(2);
  });

  it('refuses to reset or delete a system template with DBS.212003', async () => {
    const sys = await systemId('8.102', 'centralization_standard');
    expect(await failure(client.resetParameterTemplate({ path: { config_id: sys } }))).toMatchObject({
      status: 400,
      code: 'DBS.212003',
    });
    expect(await failure(client.deleteParameterTemplate({ path: { config_id: sys } }))).toMatchObject({
      status: 400,
      code: 'DBS.212003',
    });
  });

  it('refuses to delete a template that is applied to an instance with DBS.212032', async () => {
    const f = await failure(
      client.deleteParameterTemplate({ path: { config_id: await templateId('oltp-high-concurrency') } }),
    );
    expect(f).toMatchObject({ status: 400, code: 'DBS.212032' });
    expect(f.msg).toContain('prod-core-01');
  });

  it('deletes an unused user template', async () => {
    const id = await templateId('long-desc');
    expect(await client.deleteParameterTemplate({ path: { config_id: id } })).toBeUndefined();
    expect(await failure(client.getParameterTemplate({ path: { config_id: id } }))).toMatchObject({
      status: 404,
      code: 'DBS.212001',
    });
    expect(await failure(client.deleteParameterTemplate({ path: { config_id: id } }))).toMatchObject({
      status: 404,
      code: 'DBS.212001',
    });
  });
});

describe('applying templates (4.5.10, 4.5.12, 4.5.13)', () => {
  it('lists the instances of the same engine version and mode that can take the template', async () => {
    const res = await client.listApplicableInstances({
      path: { config_id: await templateId('audit-strict') },
      query: { offset: 0, limit: 100 },
    });
    const names = res.instances.map((i) => i.instance_name);
    expect(names).toEqual(expect.arrayContaining(['prod-core-01', 'prod-core-02', 'dev-arm-01', 'crm-db']));
    expect(names).not.toContain('staging-app'); // 8.102
    expect(names).not.toContain('prod-ledger-dist'); // distributed
    expect(names).not.toContain('migration-test'); // FAILED
    expect(res.total_count).toBe(res.instances.length);
    const page = await client.listApplicableInstances({
      path: { config_id: await templateId('audit-strict') },
      query: { offset: 1, limit: 1 },
    });
    expect(page.instances).toHaveLength(1);
    expect(page.total_count).toBe(res.total_count);
  });

  it('shows the demo applications, the failed one with its error code', async () => {
    const h = await client.listTemplateApplyHistory({
      path: { config_id: await templateId('oltp-high-concurrency') },
      query: { offset: 0, limit: 10 },
    });
    expect(h.total_count).toBe(3);
    expect(h.histories[0]).toMatchObject({
      instance_name: 'dev-arm-01',
      apply_result: 'FAILED',
      error_code: 'DBS.212011',
    });
    expect(
      h.histories
        .filter((x) => x.apply_result === 'SUCCESS')
        .map((x) => x.instance_name)
        .sort(),
    ).toEqual(['prod-core-01', 'prod-core-02']);
  });

  it('applies a template in a job: MODIFYING and APPLYING while it runs, the values and SUCCESS after', async () => {
    const id = await templateId('audit-strict');
    await client.modifyInstanceParameters({
      path: { instance_id: idOf('dev-arm-01') },
      body: { values: { failed_login_attempts: '9' } },
    });
    const accepted = await client.applyParameterTemplate({
      path: { config_id: id },
      body: { instance_ids: [idOf('dev-arm-01'), idOf('prod-core-02')] },
    });
    expect(accepted.job_id).toBeTruthy();
    const job = emu.runtime.jobs.get(emu.projectId, accepted.job_id!)!;
    expect(job).toMatchObject({ name: APPLY_JOB_NAME, status: 'Running' });
    expect(operations.applyParameterTemplate.job?.names).toContain(job.name);
    expect(inst('dev-arm-01').status).toBe('MODIFYING');
    expect(inst('prod-core-02').status).toBe('MODIFYING');
    const during = await client.listTemplateApplyHistory({
      path: { config_id: id },
      query: { offset: 0, limit: 10 },
    });
    expect(during.histories.filter((x) => x.apply_result === 'APPLYING')).toHaveLength(2);

    const busy = await failure(
      client.modifyInstanceParameters({
        path: { instance_id: idOf('dev-arm-01') },
        body: { values: { session_timeout: '60' } },
      }),
    );
    expect(busy).toMatchObject({ status: 409, code: 'DBS.212033' });
    expect(await failure(client.resetParameterTemplate({ path: { config_id: id } }))).toMatchObject({
      code: 'DBS.212010',
    });

    emu.clock.advance(5 * MIN);
    await client.listParameterTemplates({ query: { limit: 1 } });
    expect(emu.runtime.jobs.get(emu.projectId, job.id)!.status).toBe('Completed');
    expect(inst('dev-arm-01').status).toBe('ACTIVE');
    const after = await client.listTemplateApplyHistory({
      path: { config_id: id },
      query: { offset: 0, limit: 10 },
    });
    expect(after.histories.filter((x) => x.apply_result === 'SUCCESS').map((x) => x.instance_name)).toEqual(
      expect.arrayContaining(['dev-arm-01', 'prod-core-02']),
    );
    const p = await paramsOf('dev-arm-01');
    expect(p).toMatchObject({ failed_login_attempts: '3', audit_dml_state: '1', max_connections: '5000' });
    // oltp-high-concurrency no longer governs prod-core-02; it still governs prod-core-01.
    expect((await paramsOf('prod-core-02')).max_connections).toBe('5000');
  });

  it('records FAILED for every instance when the job fails and gives the instance back', async () => {
    emu.runtime.jobs.planFailure(APPLY_JOB_NAME, 'Failed to reload the parameters.');
    const id = await templateId('audit-strict-2');
    const before = await paramsOf('crm-db');
    const accepted = await client.applyParameterTemplate({
      path: { config_id: id },
      body: { instance_ids: [idOf('prod-core-02')] },
    });
    emu.clock.advance(5 * MIN);
    await client.listParameterTemplates({ query: { limit: 1 } });
    expect(emu.runtime.jobs.get(emu.projectId, accepted.job_id!)!.status).toBe('Failed');
    const h = await client.listTemplateApplyHistory({
      path: { config_id: id },
      query: { offset: 0, limit: 10 },
    });
    expect(h.histories).toEqual([
      expect.objectContaining({
        instance_name: 'prod-core-02',
        apply_result: 'FAILED',
        error_code: 'DBS.212011',
      }),
    ]);
    expect(inst('prod-core-02').status).toBe('ACTIVE');
    expect(await paramsOf('crm-db')).toEqual(before);
  });

  it('refuses an instance of another version or mode with 409 DBS.280406, and a busy one with 409 DBS.200011', async () => {
    const id = await templateId('audit-strict');
    expect(
      await failure(
        client.applyParameterTemplate({
          path: { config_id: id },
          body: { instance_ids: [idOf('staging-app')] },
        }),
      ),
    ).toMatchObject({ status: 409, code: 'DBS.280406' });
    await client.restartInstance({ path: { instance_id: idOf('prod-core-01') } });
    expect(
      await failure(
        client.applyParameterTemplate({
          path: { config_id: id },
          body: { instance_ids: [idOf('dev-arm-01'), idOf('prod-core-01')] },
        }),
      ),
    ).toMatchObject({ status: 409, code: 'DBS.200011' });
    expect(
      await failure(
        client.applyParameterTemplate({
          path: { config_id: id },
          body: { instance_ids: [`${'b'.repeat(32)}in14`] },
        }),
      ),
    ).toMatchObject({ status: 404, code: 'DBS.200002' });
    // Nothing was started for the instance that passed the checks.
    expect(inst('dev-arm-01').status).toBe('ACTIVE');
    emu.clock.advance(10 * MIN);
    await client.listParameterTemplates({ query: { limit: 1 } });
    expect(inst('prod-core-01').status).toBe('ACTIVE');
  });

  it('refuses an empty or repeated instance list through the contract with DBS.200001', async () => {
    const id = await templateId('audit-strict');
    expect(
      (await raw('PUT', `/v3/{p}/configurations/${id}/apply`, { instance_ids: [] })).body.error_code,
    ).toBe('DBS.200001');
    const one = idOf('prod-core-01');
    expect(
      (await raw('PUT', `/v3/{p}/configurations/${id}/apply`, { instance_ids: [one, one] })).body.error_code,
    ).toBe('DBS.200001');
  });

  it('refuses to delete a template while it is being applied with DBS.212010', async () => {
    const id = await templateId('audit-strict-2');
    await client.applyParameterTemplate({
      path: { config_id: id },
      body: { instance_ids: [idOf('dev-arm-01')] },
    });
    expect(await failure(client.deleteParameterTemplate({ path: { config_id: id } }))).toMatchObject({
      code: 'DBS.212010',
    });
    emu.clock.advance(5 * MIN);
    expect(await failure(client.deleteParameterTemplate({ path: { config_id: id } }))).toMatchObject({
      code: 'DBS.212032',
    });
  });
});
