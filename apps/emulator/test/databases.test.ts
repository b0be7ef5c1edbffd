import type { GaussDbClient } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { failure, startDemoFleet, type DemoFleet } from './demo-fleet';
import { databasesCollection, dbUsersCollection, schemasCollection } from '../src/domain/databases/model';
import type { InstanceDoc } from '../src/domain/instance-model';

// 4.9.1–4.9.8 against the demo fleet, over HTTP with the real client (responses parsed by the descriptors).

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
  fleet.raw<{ error_code?: string; error_msg?: string }>(method, `/v3/${emu.projectId}${path}`, body);

const path = (name: string) => ({ instance_id: idOf(name) });
const page = { offset: 0, limit: 10 };

describe('listing databases, users and schemas (4.9.6–4.9.8)', () => {
  it('lists the demo databases with sizes as strings and pages by page number', async () => {
    const all = await client.listDatabases({ path: path('prod-core-01'), query: page });
    expect(all.total_count).toBe(2);
    expect(all.databases.map((d) => d.name)).toEqual(['core_banking', 'batch_jobs']);
    expect(all.databases[0]).toMatchObject({
      owner: 'app_core',
      character_set: 'utf8',
      collate_set: 'en_US.UTF-8',
    });
    expect(all.databases[0]!.size).toMatch(/^\d+$/);
    const second = await client.listDatabases({ path: path('prod-core-01'), query: { offset: 1, limit: 1 } });
    expect(second.databases.map((d) => d.name)).toEqual(['batch_jobs']);
    expect(second.total_count).toBe(2);
  });

  it('shows root first with its role memberships and hides the platform accounts', async () => {
    const res = await client.listDbUsers({ path: path('prod-core-01'), query: page });
    expect(res.users.map((u) => u.name)).toEqual(['root', 'app_core', 'app_batch', 'report_ro']);
    expect(res.users[0]!.attributes).toMatchObject({
      rolcreaterole: true,
      rolcreatorole: true,
      rolconnlimit: -1,
      rolcanlogin: true,
    });
    expect(res.users[0]!.memberof).toContain('gs_role_account_lock');
    expect(res.users[1]!.attributes).toMatchObject({ rolcreaterole: false, rolsuper: false });
  });

  it('an instance with no databases of its own lists none, and root only', async () => {
    expect(await client.listDatabases({ path: path('archive-2023'), query: page })).toEqual({
      databases: [],
      total_count: 0,
    });
    const users = await client.listDbUsers({ path: path('archive-2023'), query: page });
    expect(users.users.map((u) => u.name)).toEqual(['root']);
  });

  it('lists the schemas of one database and refuses an unknown database with DBS.200823', async () => {
    const res = await client.listSchemas({
      path: path('prod-core-01'),
      query: { db_name: 'core_banking', ...page },
    });
    expect(res.database_schemas).toEqual([
      { schema_name: 'accounts', owner: 'app_core' },
      { schema_name: 'payments', owner: 'app_core' },
      { schema_name: 'audit', owner: 'root' },
    ]);
    expect(
      await failure(client.listSchemas({ path: path('prod-core-01'), query: { db_name: 'nope', ...page } })),
    ).toMatchObject({ status: 400, code: 'DBS.200823' });
  });

  it('refuses to list schemas of an abnormal instance with DBS.200086', async () => {
    expect(
      await failure(client.listSchemas({ path: path('migration-test'), query: { db_name: 'x', ...page } })),
    ).toMatchObject({ status: 400, code: 'DBS.200086' });
  });

  it('answers an unknown instance with 404 DBS.200002', async () => {
    expect(
      await failure(
        client.listDatabases({ path: { instance_id: 'ffffffffffffffffffffffffffffffffin14' }, query: page }),
      ),
    ).toMatchObject({ status: 404, code: 'DBS.200002' });
  });

  it('refuses a limit above 100 with DBS.280439', async () => {
    expect(
      (await raw('GET', `/instances/${idOf('prod-core-01')}/databases?limit=101`)).body?.error_code,
    ).toBe('DBS.280439');
  });
});

describe('creating databases (4.9.1)', () => {
  it('creates a database owned by root with the defaults, then refuses the same name with 409 DBS.200826', async () => {
    expect(
      await client.createDatabase({ path: path('prod-core-01'), body: { name: 'analytics' } }),
    ).toBeUndefined();
    const res = await client.listDatabases({ path: path('prod-core-01'), query: page });
    expect(res.databases.find((d) => d.name === 'analytics')).toMatchObject({
      owner: 'root',
      character_set: 'utf8',
      collate_set: 'C',
    });
    expect(
      await failure(client.createDatabase({ path: path('prod-core-01'), body: { name: 'analytics' } })),
    ).toMatchObject({ status: 409, code: 'DBS.200826' });
  });

  it('refuses an owner that does not exist with DBS.200824', async () => {
    expect(
      await failure(
        client.createDatabase({ path: path('prod-core-01'), body: { name: 'orphan', owner: 'ghost' } }),
      ),
    ).toMatchObject({ status: 400, code: 'DBS.200824' });
  });

  it('refuses a reserved name, a bad template and a system owner with the contract codes', async () => {
    const at = `/instances/${idOf('prod-core-01')}/database`;
    expect((await raw('POST', at, { name: 'template1' })).body?.error_code).toBe('DBS.280631');
    expect((await raw('POST', at, { name: 'ok_name', template: 'template1' })).body?.error_code).toBe(
      'DBS.280653',
    );
    expect((await raw('POST', at, { name: 'ok_name', owner: 'rdsAdmin' })).body?.error_code).toBe(
      'DBS.200062',
    );
  });
});

describe('creating users and resetting passwords (4.9.2, 4.9.5)', () => {
  it('creates a user who can then own a database; the same name again is 409 DBS.200827', async () => {
    await client.createDbUser({
      path: path('prod-core-01'),
      body: { name: 'etl_user', password: 'Etl_Passw0rd' },
    });
    await client.createDatabase({
      path: path('prod-core-01'),
      body: { name: 'staging_area', owner: 'etl_user' },
    });
    expect(
      await failure(
        client.createDbUser({
          path: path('prod-core-01'),
          body: { name: 'etl_user', password: 'Etl_Passw0rd2' },
        }),
      ),
    ).toMatchObject({ status: 409, code: 'DBS.200827' });
  });

  it('refuses a built-in account spelt in another case with 409 DBS.200828', async () => {
    expect(
      await failure(
        client.createDbUser({
          path: path('prod-core-01'),
          body: { name: 'ROOT', password: 'Some_Passw0rd' },
        }),
      ),
    ).toMatchObject({ status: 409, code: 'DBS.200828' });
    expect(
      await failure(
        client.createDbUser({
          path: path('prod-core-01'),
          body: { name: 'rdsadmin', password: 'Some_Passw0rd' },
        }),
      ),
    ).toMatchObject({ status: 409, code: 'DBS.200828' });
  });

  it('refuses root, a weak password and a password equal to the name with the contract codes', async () => {
    const at = `/instances/${idOf('prod-core-01')}/db-user`;
    expect((await raw('POST', at, { name: 'root', password: 'Some_Passw0rd' })).body?.error_code).toBe(
      'DBS.200062',
    );
    expect((await raw('POST', at, { name: 'bob_x', password: 'short' })).body?.error_code).toBe('DBS.200029');
    expect((await raw('POST', at, { name: 'Abc_12345', password: 'Abc_12345' })).body?.error_code).toBe(
      'DBS.200029',
    );
  });

  it('resets root and an existing user; an unknown user is DBS.200824', async () => {
    await client.resetDbUserPassword({
      path: path('prod-core-01'),
      body: { name: 'root', password: 'New_Root_Pw1' },
    });
    await client.resetDbUserPassword({
      path: path('prod-core-01'),
      body: { name: 'app_core', password: 'New_Core_Pw1' },
    });
    expect(
      await failure(
        client.resetDbUserPassword({
          path: path('prod-core-01'),
          body: { name: 'ghost', password: 'New_Ghost_Pw1' },
        }),
      ),
    ).toMatchObject({ status: 400, code: 'DBS.200824' });
    const users = await client.listDbUsers({ path: path('prod-core-01'), query: { offset: 0, limit: 100 } });
    expect(users.users.filter((u) => u.name === 'root')).toHaveLength(1);
  });
});

describe('schemas and privileges (4.9.3, 4.9.4)', () => {
  it('creates several schemas in one call', async () => {
    await client.createSchema({
      path: path('prod-core-01'),
      body: {
        db_name: 'batch_jobs',
        schemas: [
          { name: 'queue', owner: 'app_batch' },
          { name: 'history', owner: 'root' },
        ],
      },
    });
    const res = await client.listSchemas({
      path: path('prod-core-01'),
      query: { db_name: 'batch_jobs', ...page },
    });
    expect(res.database_schemas.map((s) => s.schema_name)).toEqual(['scheduler', 'queue', 'history']);
  });

  it('creates none of the schemas when one already exists (DBS.280651)', async () => {
    const err = await failure(
      client.createSchema({
        path: path('prod-core-01'),
        body: {
          db_name: 'batch_jobs',
          schemas: [
            { name: 'fresh', owner: 'root' },
            { name: 'queue', owner: 'root' },
          ],
        },
      }),
    );
    expect(err).toMatchObject({ status: 400, code: 'DBS.280651' });
    expect(err.msg).toContain('"queue"');
    const res = await client.listSchemas({
      path: path('prod-core-01'),
      query: { db_name: 'batch_jobs', ...page },
    });
    expect(res.database_schemas.map((s) => s.schema_name)).not.toContain('fresh');
  });

  it('refuses an unknown database (DBS.200823) or owner (DBS.200824)', async () => {
    expect(
      await failure(
        client.createSchema({
          path: path('prod-core-01'),
          body: { db_name: 'nope', schemas: [{ name: 's1', owner: 'root' }] },
        }),
      ),
    ).toMatchObject({ code: 'DBS.200823' });
    expect(
      await failure(
        client.createSchema({
          path: path('prod-core-01'),
          body: { db_name: 'batch_jobs', schemas: [{ name: 's1', owner: 'ghost' }] },
        }),
      ),
    ).toMatchObject({ code: 'DBS.200824' });
  });

  it('refuses public as a schema name and more than 20 schemas with the contract codes', async () => {
    const at = `/instances/${idOf('prod-core-01')}/schema`;
    expect(
      (await raw('POST', at, { db_name: 'batch_jobs', schemas: [{ name: 'public', owner: 'root' }] })).body
        ?.error_code,
    ).toBe('DBS.280632');
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `s${i}`, owner: 'root' }));
    expect((await raw('POST', at, { db_name: 'batch_jobs', schemas: many })).body?.error_code).toBe(
      'DBS.200001',
    );
  });

  it('grants existing users on existing schemas, and names what is missing', async () => {
    await client.grantDbPrivilege({
      path: path('prod-core-01'),
      body: { db_name: 'core_banking', users: [{ name: 'app_batch', readonly: true, schema_name: 'audit' }] },
    });
    expect(
      await failure(
        client.grantDbPrivilege({
          path: path('prod-core-01'),
          body: { db_name: 'core_banking', users: [{ name: 'ghost', readonly: true, schema_name: 'audit' }] },
        }),
      ),
    ).toMatchObject({
      code: 'DBS.200824',
    });
    expect(
      await failure(
        client.grantDbPrivilege({
          path: path('prod-core-01'),
          body: {
            db_name: 'core_banking',
            users: [{ name: 'app_batch', readonly: true, schema_name: 'nope' }],
          },
        }),
      ),
    ).toMatchObject({
      code: 'DBS.280632',
    });
    expect(
      await failure(
        client.grantDbPrivilege({
          path: path('prod-core-01'),
          body: { db_name: 'nope', users: [{ name: 'app_batch', readonly: true, schema_name: 'audit' }] },
        }),
      ),
    ).toMatchObject({
      code: 'DBS.200823',
    });
  });
});

describe('instance state guards (4.9.1–4.9.5)', () => {
  it('refuses an instance still being created or abnormal with DBS.200086', async () => {
    expect(
      await failure(client.createDatabase({ path: path('orders-new'), body: { name: 'x1' } })),
    ).toMatchObject({ status: 400, code: 'DBS.200086' });
    expect(
      await failure(
        client.createDbUser({
          path: path('migration-test'),
          body: { name: 'x1', password: 'Some_Passw0rd' },
        }),
      ),
    ).toMatchObject({ status: 400, code: 'DBS.200086' });
  });

  it('refuses an instance busy with another operation with 409 DBS.200011', async () => {
    expect(
      await failure(client.createDatabase({ path: path('reporting-01'), body: { name: 'x1' } })),
    ).toMatchObject({ status: 409, code: 'DBS.200011' });
  });

  it('refuses new databases on a full disk (409 DBS.200316) but still resets passwords there', async () => {
    expect(
      await failure(client.createDatabase({ path: path('crm-db'), body: { name: 'x1' } })),
    ).toMatchObject({ status: 409, code: 'DBS.200316' });
    await client.resetDbUserPassword({
      path: path('crm-db'),
      body: { name: 'crm_app', password: 'Crm_Passw0rd9' },
    });
  });

  it('refuses a frozen instance with DBS.280449', async () => {
    patchInstance('archive-2023', { frozen: true });
    try {
      expect(
        await failure(
          client.createDbUser({
            path: path('archive-2023'),
            body: { name: 'x1', password: 'Some_Passw0rd' },
          }),
        ),
      ).toMatchObject({ status: 400, code: 'DBS.280449' });
    } finally {
      patchInstance('archive-2023', { frozen: false });
    }
  });
});

describe('when the instance goes away', () => {
  it('drops its databases, users and schemas once the delete job completes', async () => {
    const id = idOf('staging-app');
    const where = [{ col: 'instance_id', op: '=', value: id }] as const;
    const { store } = emu.runtime;
    const count = () =>
      store.collection(databasesCollection).count({ where }) +
      store.collection(dbUsersCollection).count({ where }) +
      store.collection(schemasCollection).count({ where });
    expect(count()).toBeGreaterThan(0);
    await client.deleteInstance({ path: { instance_id: id } });
    emu.clock.advance(5 * 60_000);
    expect(count()).toBe(0);
  });
});
