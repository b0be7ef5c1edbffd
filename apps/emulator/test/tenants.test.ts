import type { GaussDbClient } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { failure, startDemoFleet, type DemoFleet } from './demo-fleet';
import { dbUsersCollection } from '../src/domain/databases/model';
import { instancesCollection, type InstanceDoc } from '../src/domain/instance-model';
import { TENANT_JOBS } from '../src/domain/tenants/lifecycle';

// 4.10.1–4.10.15 against the demo's multi-tenant instances (prod-core-02: 3 tenants, dev-arm-01: 2 tenants).

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

const instances = () => emu.runtime.store.collection(instancesCollection);
const idOf = (name: string) => fleet.idOf(name);
const patchInstance = (name: string, change: Partial<InstanceDoc>) => fleet.patchInstance(name, change);
const raw = (method: string, path: string, body?: unknown) =>
  fleet.raw<Record<string, unknown>>(method, path, body);
const statusOf = (name: string) => instances().get(emu.projectId, idOf(name))!.status;
const path = (name: string) => ({ instance_id: idOf(name) });
const page = { offset: 0, limit: 10 };

async function tenantsOf(name: string) {
  return (await client.listTenants({ path: path(name), body: { offset: 0, limit: 100 } })).pdb_infos;
}
async function tenant(instance: string, tenantName: string) {
  return (await tenantsOf(instance)).find((t) => t.name === tenantName)!;
}
async function templateId(instance: string) {
  return (await client.listTenantParameterTemplates({ path: path(instance) })).configurations[0]!.id;
}
const jobOf = async (id: string) => (await client.getJob({ query: { id } })).job;

describe('listing tenants (4.10.5) and what a container offers (4.10.8, 4.10.9)', () => {
  it('lists the tenants of a container with their nodes, declared string fields and page-based paging', async () => {
    const res = await client.listTenants({ path: path('prod-core-02'), body: {} });
    expect(res.total_count).toBe(3);
    expect(res.pdb_infos.map((t) => t.name)).toEqual(['tenant_retail', 'tenant_logistics', 'tenant_hr']);
    const retail = res.pdb_infos[0]!;
    expect(retail).toMatchObject({
      status: 'normal',
      cpu: 2,
      mem: 8,
      disk: '60',
      is_cdb: false,
      instance_id: idOf('prod-core-02'),
    });
    expect(retail.id).toMatch(/^[0-9a-f]{32}po14$/);
    expect(retail.nodes).toHaveLength(3);
    expect(retail.nodes![0]!.component_names).toBe('cm_1;dn_6001:60011');
    const second = await client.listTenants({ path: path('prod-core-02'), body: { offset: 1, limit: 2 } });
    expect(second.pdb_infos.map((t) => t.name)).toEqual(['tenant_hr']);
    expect(second.total_count).toBe(3);
  });

  it('filters by id and by part of the name', async () => {
    const hr = await tenant('prod-core-02', 'tenant_hr');
    expect(
      (await client.listTenants({ path: path('prod-core-02'), body: { id: hr.id } })).pdb_infos.map(
        (t) => t.name,
      ),
    ).toEqual(['tenant_hr']);
    expect(
      (await client.listTenants({ path: path('prod-core-02'), body: { name: 'logis' } })).total_count,
    ).toBe(1);
  });

  it('answers DBS.06014011 for an instance that is not multi-tenant', async () => {
    expect(await failure(client.listTenants({ path: path('prod-core-01'), body: {} }))).toMatchObject({
      status: 400,
      code: 'DBS.06014011',
    });
    expect(await failure(client.listTenantFlavors({ path: path('prod-ledger-dist') }))).toMatchObject({
      code: 'DBS.06014011',
    });
  });

  it('offers cpu/mem pairs within the instance flavor and the disk left for tenants', async () => {
    const res = await client.listTenantFlavors({ path: path('prod-core-02') });
    expect(res.pdb_flavors).toContainEqual({ cpu: 1, mem: 4 });
    expect(res.pdb_flavors.every((f) => f.cpu <= 8 && f.mem <= 64)).toBe(true);
    // 240 GB volume, 24 GB kept by the container, 120 GB given to the three tenants.
    expect(res.remaining_disk).toBe(96);
  });

  it('lists the PDB parameter template of the engine version', async () => {
    const res = await client.listTenantParameterTemplates({ path: path('prod-core-02') });
    expect(res.count).toBe(1);
    expect(res.configurations[0]).toMatchObject({
      name: 'Default-Enterprise-Edition-GaussDB-8.201-CNTRL-PDB',
      user_defined: false,
      ha_mode: 'centralization_standard',
    });
    expect(res.configurations[0]!.id).toMatch(/pr14$/);
  });
});

describe('creating a tenant (4.10.1)', () => {
  it('runs CreateGaussDBV5Tenant: the tenant is creating, then normal with its root account', async () => {
    const body = {
      pdb_name: 'tenant_new',
      pdb_pd_in_db: 'Tenant_Root_1',
      cpu: 1,
      mem: 4,
      disk: '10',
      configuration_id: await templateId('dev-arm-01'),
    };
    const { job_id } = await client.createTenant({ path: path('dev-arm-01'), body });
    expect(await jobOf(job_id)).toMatchObject({ name: 'CreateGaussDBV5Tenant', status: 'Running' });
    expect((await tenant('dev-arm-01', 'tenant_new')).status).toBe('creating');
    expect(statusOf('dev-arm-01')).toBe('ACTIVE');
    // One tenant job at a time per instance.
    expect(
      await failure(
        client.createTenant({ path: path('dev-arm-01'), body: { ...body, pdb_name: 'tenant_other' } }),
      ),
    ).toMatchObject({ status: 409, code: 'DBS.200011' });

    emu.clock.advance(TENANT_JOBS.create.durationMs);
    expect(await jobOf(job_id)).toMatchObject({ status: 'Completed' });
    const created = await tenant('dev-arm-01', 'tenant_new');
    expect(created).toMatchObject({ status: 'normal', cpu: 1, mem: 4, disk: '10' });
    const users = await client.listTenantDbUsers({
      path: { ...path('dev-arm-01'), pdb_id: created.id },
      query: page,
    });
    expect(users.users.map((u) => u.name)).toEqual(['root']);
    expect(users.users[0]).toMatchObject({ lock_status: false });
    expect(users.users[0]!.memberof).toContain('gs_role_pldebugger');
  });

  it('refuses a flavor the instance does not offer (DBS.200054), too much disk (DBS.200023), an unknown template (DBS.200057) and a taken name (409 DBS.200826)', async () => {
    const base = {
      pdb_name: 'tenant_x',
      pdb_pd_in_db: 'Tenant_Root_1',
      cpu: 1,
      mem: 4,
      disk: '10',
      configuration_id: await templateId('prod-core-02'),
    };
    const at = path('prod-core-02');
    expect(
      await failure(client.createTenant({ path: at, body: { ...base, cpu: 3, mem: 12 } })),
    ).toMatchObject({ status: 400, code: 'DBS.200054' });
    expect(await failure(client.createTenant({ path: at, body: { ...base, disk: '97' } }))).toMatchObject({
      status: 400,
      code: 'DBS.200023',
    });
    expect(
      await failure(
        client.createTenant({
          path: at,
          body: { ...base, configuration_id: 'e27188b737f0f79a5ba70e3c0c0732adpr14' },
        }),
      ),
    ).toMatchObject({ code: 'DBS.200057' });
    expect(
      await failure(client.createTenant({ path: at, body: { ...base, pdb_name: 'tenant_hr' } })),
    ).toMatchObject({ status: 409, code: 'DBS.200826' });
  });

  it('refuses a name of the tenant template list and a root password equal to the name with the contract codes', async () => {
    const at = `/v3/${emu.projectId}/instances/${idOf('prod-core-02')}/pdb`;
    const base = {
      pdb_name: 'tenant_y',
      pdb_pd_in_db: 'Tenant_Root_1',
      cpu: 1,
      mem: 4,
      disk: '10',
      configuration_id: await templateId('prod-core-02'),
    };
    expect((await raw('POST', at, { ...base, pdb_name: 'templatem' })).body?.error_code).toBe('DBS.280631');
    expect((await raw('POST', at, { ...base, pdb_pd_in_db: 'Y_tnanet' })).body?.error_code).toBe(
      'DBS.200052',
    );
  });

  it('refuses an instance that is not a container, an abnormal one and a frozen one', async () => {
    const body = {
      pdb_name: 'tenant_z',
      pdb_pd_in_db: 'Tenant_Root_1',
      cpu: 1,
      mem: 4,
      disk: '10',
      configuration_id: await templateId('prod-core-02'),
    };
    expect(await failure(client.createTenant({ path: path('prod-core-01'), body }))).toMatchObject({
      code: 'DBS.06014011',
    });
    patchInstance('prod-core-02', { status: 'FAILED' });
    expect(await failure(client.createTenant({ path: path('prod-core-02'), body }))).toMatchObject({
      status: 400,
      code: 'DBS.200086',
    });
    patchInstance('prod-core-02', { status: 'ACTIVE', frozen: true });
    expect(await failure(client.createTenant({ path: path('prod-core-02'), body }))).toMatchObject({
      status: 400,
      code: 'DBS.280449',
    });
    patchInstance('prod-core-02', { frozen: false });
  });

  it('a creation that fails leaves the tenant createfail: it refuses work but can be deleted', async () => {
    emu.runtime.jobs.planFailure('CreateGaussDBV5Tenant', 'Failed to create the PDB on the data node.');
    const body = {
      pdb_name: 'tenant_doomed',
      pdb_pd_in_db: 'Tenant_Root_1',
      cpu: 1,
      mem: 4,
      disk: '5',
      configuration_id: await templateId('dev-arm-01'),
    };
    const { job_id } = await client.createTenant({ path: path('dev-arm-01'), body });
    emu.clock.advance(TENANT_JOBS.create.durationMs);
    expect(await jobOf(job_id)).toMatchObject({
      status: 'Failed',
      fail_reason: 'Failed to create the PDB on the data node.',
    });
    const doomed = await tenant('dev-arm-01', 'tenant_doomed');
    expect(doomed.status).toBe('createfail');
    const tp = { ...path('dev-arm-01'), pdb_id: doomed.id };
    expect(
      await failure(client.createTenantDbUser({ path: tp, body: { name: 'u1', password: 'Some_Passw0rd' } })),
    ).toMatchObject({ status: 400, code: 'DBS.200086' });
    await client.deleteTenant({ path: path('dev-arm-01'), body: { pdb_id: doomed.id } });
    emu.clock.advance(TENANT_JOBS.delete.durationMs);
    expect((await tenantsOf('dev-arm-01')).map((t) => t.name)).not.toContain('tenant_doomed');
  });
});

describe('resizing and enlarging a tenant (4.10.3, 4.10.4)', () => {
  it('resizes to an offered pair through ResizeGaussDBV5TenantFlavor; the same pair is DBS.200054', async () => {
    const t = await tenant('prod-core-02', 'tenant_logistics');
    expect(
      await failure(
        client.resizeTenant({ path: path('prod-core-02'), body: { pdb_id: t.id, cpu: 4, mem: 16 } }),
      ),
    ).toMatchObject({ code: 'DBS.200054' });
    const { job_id } = await client.resizeTenant({
      path: path('prod-core-02'),
      body: { pdb_id: t.id, cpu: 8, mem: 32 },
    });
    expect((await tenant('prod-core-02', 'tenant_logistics')).status).toBe('modifying');
    expect(await jobOf(job_id)).toMatchObject({ name: 'ResizeGaussDBV5TenantFlavor' });
    emu.clock.advance(TENANT_JOBS.resize.durationMs);
    expect(await tenant('prod-core-02', 'tenant_logistics')).toMatchObject({
      status: 'normal',
      cpu: 8,
      mem: 32,
    });
  });

  it('enlarges to a new total larger than the current and within what is left (DBS.200023 otherwise)', async () => {
    const t = await tenant('prod-core-02', 'tenant_hr');
    const at = path('prod-core-02');
    expect(
      await failure(client.enlargeTenantDisk({ path: at, body: { pdb_id: t.id, disk: 20 } })),
    ).toMatchObject({ status: 400, code: 'DBS.200023' });
    expect(
      await failure(client.enlargeTenantDisk({ path: at, body: { pdb_id: t.id, disk: 117 } })),
    ).toMatchObject({ status: 400, code: 'DBS.200023' });
    // The reference's example sends the size as a string.
    const { job_id } = await client.enlargeTenantDisk({ path: at, body: { pdb_id: t.id, disk: '116' } });
    expect(await jobOf(job_id)).toMatchObject({ name: 'EnlargeGaussDBV5TenantVolume' });
    emu.clock.advance(TENANT_JOBS.enlarge.durationMs);
    expect((await tenant('prod-core-02', 'tenant_hr')).disk).toBe('116');
    expect((await client.listTenantFlavors({ path: at })).remaining_disk).toBe(0);
  });

  it('refuses a PUT …/pdb body with both cpu/mem and disk with DBS.200001', async () => {
    const t = await tenant('prod-core-02', 'tenant_hr');
    const res = await raw('PUT', `/v3/${emu.projectId}/instances/${idOf('prod-core-02')}/pdb`, {
      pdb_id: t.id,
      cpu: 1,
      mem: 8,
      disk: 200,
    });
    expect(res.status).toBe(400);
    expect(res.body?.error_code).toBe('DBS.200001');
  });

  it('answers an unknown tenant with 404 DBS.212013', async () => {
    expect(
      await failure(
        client.resizeTenant({
          path: path('prod-core-02'),
          body: { pdb_id: 'ffffffffffffffffffffffffffffffffpo14', cpu: 1, mem: 4 },
        }),
      ),
    ).toMatchObject({
      status: 404,
      code: 'DBS.212013',
    });
  });
});

describe('tenant parameters (4.10.6, 4.10.7)', () => {
  it('shows dn: parameters with string restart flags and the tenant own values', async () => {
    const t = await tenant('prod-core-02', 'tenant_retail');
    const res = await client.getTenantParameters({ path: { ...path('prod-core-02'), pdb_id: t.id } });
    expect(res.datastore_version).toBe('V2.0-8.201');
    expect(res.created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(res.configuration_parameters.every((p) => p.name.startsWith('dn:'))).toBe(true);
    expect(res.configuration_parameters.find((p) => p.name === 'dn:session_timeout')).toMatchObject({
      value: '1200',
      restart_required: 'false',
      value_range: '0-86400',
    });
    expect(res.configuration_parameters.find((p) => p.name === 'dn:track_activity_query_size')).toMatchObject(
      { restart_required: 'true' },
    );
  });

  it('applies new values when ModifyGaussDBV5TenantParameters completes', async () => {
    const t = await tenant('prod-core-02', 'tenant_retail');
    const tp = { ...path('prod-core-02'), pdb_id: t.id };
    const { job_id } = await client.modifyTenantParameters({
      path: tp,
      body: { values: { 'dn:session_timeout': '300', 'dn:a_format_dev_version': 's4' } },
    });
    expect(await jobOf(job_id)).toMatchObject({ name: 'ModifyGaussDBV5TenantParameters', status: 'Running' });
    const before = await client.getTenantParameters({ path: tp });
    expect(before.configuration_parameters.find((p) => p.name === 'dn:session_timeout')!.value).toBe('1200');
    emu.clock.advance(TENANT_JOBS.parameters.durationMs);
    const after = await client.getTenantParameters({ path: tp });
    expect(after.configuration_parameters.find((p) => p.name === 'dn:session_timeout')!.value).toBe('300');
    expect(after.configuration_parameters.find((p) => p.name === 'dn:a_format_dev_version')!.value).toBe(
      's4',
    );
  });

  it('refuses an unknown parameter (DBS.212012), a name without its prefix and a value out of range (DBS.212017)', async () => {
    const t = await tenant('prod-core-02', 'tenant_retail');
    const tp = { ...path('prod-core-02'), pdb_id: t.id };
    expect(
      await failure(
        client.modifyTenantParameters({ path: tp, body: { values: { 'dn:no_such_thing': '1' } } }),
      ),
    ).toMatchObject({ code: 'DBS.212012' });
    expect(
      await failure(client.modifyTenantParameters({ path: tp, body: { values: { session_timeout: '1' } } })),
    ).toMatchObject({ code: 'DBS.212017' });
    const err = await failure(
      client.modifyTenantParameters({ path: tp, body: { values: { 'dn:session_timeout': '90000' } } }),
    );
    expect(err).toMatchObject({ code: 'DBS.212017' });
    expect(err.msg).toContain('0-86400');
  });
});

describe('tenant users, schemas and privileges (4.10.10–4.10.15)', () => {
  it('creates users (login-only ones cannot create roles) and refuses a taken name with 409 DBS.200827', async () => {
    const t = await tenant('prod-core-02', 'tenant_logistics');
    const tp = { ...path('prod-core-02'), pdb_id: t.id };
    await client.createTenantDbUser({
      path: tp,
      body: { name: 'logi_app', password: 'Logi_Passw0rd', is_login_only: true },
    });
    await client.createTenantDbUser({ path: tp, body: { name: 'logi_ops', password: 'Logi_Passw0rd' } });
    const users = await client.listTenantDbUsers({ path: tp, query: page });
    expect(users.users.map((u) => u.name)).toEqual(['root', 'logi_admin', 'logi_app', 'logi_ops']);
    expect(users.users.find((u) => u.name === 'logi_app')!.attributes).toMatchObject({
      rolcreaterole: false,
      rolcanlogin: true,
    });
    expect(users.users.find((u) => u.name === 'logi_ops')!.attributes).toMatchObject({ rolcreatorole: true });
    expect(
      await failure(
        client.createTenantDbUser({ path: tp, body: { name: 'logi_app', password: 'Logi_Passw0rd2' } }),
      ),
    ).toMatchObject({ status: 409, code: 'DBS.200827' });
  });

  it('keeps users of different tenants apart', async () => {
    const retail = await tenant('prod-core-02', 'tenant_retail');
    const users = await client.listTenantDbUsers({
      path: { ...path('prod-core-02'), pdb_id: retail.id },
      query: page,
    });
    expect(users.users.map((u) => u.name)).not.toContain('logi_app');
  });

  it('creates schemas owned by tenant users; an unknown owner is DBS.200824 and a platform account 409 DBS.200828', async () => {
    const t = await tenant('prod-core-02', 'tenant_logistics');
    const tp = { ...path('prod-core-02'), pdb_id: t.id };
    await client.createTenantSchema({
      path: tp,
      body: { schemas: [{ name: 'tracking', owner: 'logi_ops' }] },
    });
    const schemas = await client.listTenantSchemas({ path: tp, query: page });
    expect(schemas.database_schemas).toEqual([
      { schema_name: 'shipments', owner: 'logi_admin' },
      { schema_name: 'tracking', owner: 'logi_ops' },
    ]);
    expect(
      await failure(
        client.createTenantSchema({ path: tp, body: { schemas: [{ name: 'other', owner: 'ghost' }] } }),
      ),
    ).toMatchObject({ code: 'DBS.200824' });
    expect(
      await failure(
        client.createTenantSchema({ path: tp, body: { schemas: [{ name: 'other', owner: 'rdsAdmin' }] } }),
      ),
    ).toMatchObject({ status: 409, code: 'DBS.200828' });
    expect(
      await failure(
        client.createTenantSchema({ path: tp, body: { schemas: [{ name: 'tracking', owner: 'root' }] } }),
      ),
    ).toMatchObject({ code: 'DBS.280651' });
  });

  it('grants on existing schemas and refuses unknown users or schemas', async () => {
    const t = await tenant('prod-core-02', 'tenant_logistics');
    const tp = { ...path('prod-core-02'), pdb_id: t.id };
    await client.grantTenantDbPrivilege({
      path: tp,
      body: { users: [{ name: 'logi_app', readonly: true, schema_name: 'tracking' }] },
    });
    expect(
      await failure(
        client.grantTenantDbPrivilege({
          path: tp,
          body: { users: [{ name: 'ghost', readonly: true, schema_name: 'tracking' }] },
        }),
      ),
    ).toMatchObject({ code: 'DBS.200824' });
    expect(
      await failure(
        client.grantTenantDbPrivilege({
          path: tp,
          body: { users: [{ name: 'logi_app', readonly: true, schema_name: 'nope' }] },
        }),
      ),
    ).toMatchObject({ code: 'DBS.280632' });
  });

  it('resets a password, but not to the current one (DBS.200475)', async () => {
    const t = await tenant('prod-core-02', 'tenant_logistics');
    const tp = { ...path('prod-core-02'), pdb_id: t.id };
    await client.resetTenantDbUserPassword({
      path: tp,
      body: { name: 'logi_ops', password: 'Logi_Passw0rd9' },
    });
    expect(
      await failure(
        client.resetTenantDbUserPassword({
          path: tp,
          body: { name: 'logi_ops', password: 'Logi_Passw0rd9' },
        }),
      ),
    ).toMatchObject({ status: 400, code: 'DBS.200475' });
    await client.resetTenantDbUserPassword({ path: tp, body: { name: 'root', password: 'Root_Passw0rd9' } });
    expect(
      await failure(
        client.resetTenantDbUserPassword({ path: tp, body: { name: 'ghost', password: 'Ghost_Passw0rd9' } }),
      ),
    ).toMatchObject({ code: 'DBS.200824' });
  });

  it('accepts every spelling of the tenant path segment and answers an unknown tenant with 404 DBS.212013', async () => {
    const t = await tenant('prod-core-02', 'tenant_logistics');
    for (const seg of ['pdbs', 'pdbc', 'pddb', 'pdb']) {
      const res = await raw(
        'GET',
        `/v3/${emu.projectId}/instances/${idOf('prod-core-02')}/${seg}/${t.id}/db-users?offset=0&limit=10`,
      );
      expect(res.status).toBe(200);
    }
    const missing = await raw(
      'GET',
      `/v3/${emu.projectId}/instances/${idOf('prod-core-02')}/pdbc/ffffffffffffffffffffffffffffffffpo14/schemas`,
    );
    expect(missing).toMatchObject({ status: 404, body: { error_code: 'DBS.212013' } });
  });
});

describe('deleting a tenant (4.10.2)', () => {
  it('runs DeleteGaussDBV5Tenant and drops the tenant with its users and schemas', async () => {
    const t = await tenant('prod-core-02', 'tenant_logistics');
    const { job_id } = await client.deleteTenant({ path: path('prod-core-02'), body: { pdb_id: t.id } });
    expect((await tenant('prod-core-02', 'tenant_logistics')).status).toBe('deleting');
    expect(
      await failure(
        client.createTenantDbUser({
          path: { ...path('prod-core-02'), pdb_id: t.id },
          body: { name: 'late', password: 'Late_Passw0rd' },
        }),
      ),
    ).toMatchObject({
      status: 409,
      code: 'DBS.200011',
    });
    emu.clock.advance(TENANT_JOBS.delete.durationMs);
    expect(await jobOf(job_id)).toMatchObject({ name: 'DeleteGaussDBV5Tenant', status: 'Completed' });
    expect((await tenantsOf('prod-core-02')).map((x) => x.name)).not.toContain('tenant_logistics');
    const left = emu.runtime.store
      .collection(dbUsersCollection)
      .all({ where: [{ col: 'instance_id', op: '=', value: idOf('prod-core-02') }] });
    expect(left.filter((u) => u.pdb_id === t.id)).toEqual([]);
  });
});
