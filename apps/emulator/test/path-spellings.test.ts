import { operationList, type OperationDescriptor } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, distributedBody, MIN, startTestEmulator, type Call, type TestEmulator } from './helpers';

/**
 * Every spelling the reference shows for a route reaches the handler of the canonical path
 * (docs/emulator.md "Routing"; docs/api-decisions.md): the descriptors' `aliases`, plus the spellings the router
 * treats as one everywhere (an optional `/gaussdb` prefix, `instance` ≡ `instances`, `pdb|pdbs|pdbc|pddb`,
 * `deployment-form|deployment_form`). And the gateway's answers for what matches no route: 404, 405 with
 * `Allow`, 400 DBS.200001 for malformed JSON, never a 500 for bad input.
 */

let t: TestEmulator;
const ids = new Map<string, string>();
const idOf = (name: string) => ids.get(name)!;

beforeAll(async () => {
  t = await startTestEmulator({ seed: 'demo' });
  const res = await t.call('GET', `/v3.1/${t.pid}/instances?limit=100`);
  for (const i of res.body.instances as { id: string; name: string }[]) ids.set(i.name, i.id);
});
afterAll(() => t.close());

/** A well-formed id no resource has: requests get past routing and validation to the handler. */
const NOBODY = 'ffffffffffffffffffffffffffffffffxx14';

function fill(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'project_id' ? t.pid : (values[name] ?? NOBODY),
  );
}

function withQuery(path: string, query: Record<string, string> = {}): string {
  const q = new URLSearchParams(query).toString();
  return q ? `${path}?${q}` : path;
}

let seq = 0;
/** Sends a request and reports which operation the emulator says served it (its request log). */
async function send(method: string, path: string, body?: unknown): Promise<Call & { operation?: string }> {
  const requestId = `spell-${++seq}`;
  const res = await t.call(method, path, {
    body: method === 'GET' ? undefined : body,
    headers: { 'x-request-id': requestId },
  });
  const log = await t.call('GET', '/__emulator/requests?limit=10');
  const entry = (log.body.requests as { request_id: string; operation?: string }[]).find(
    (r) => r.request_id === requestId,
  );
  return { ...res, operation: entry?.operation };
}

const SPELLINGS: Record<string, string> = {
  pdb: 'pdbs',
  pdbs: 'pdb',
  pdbc: 'pdbs',
  pddb: 'pdbs',
  instances: 'instance',
  instance: 'instances',
};

/** Templates some descriptor claims as its own, per method: a respelling that lands on one of them is another route. */
const claimed = new Set(
  operationList.flatMap((o) =>
    [o.path, ...o.aliases].map((p) => `${o.method} ${p.replace(/\{\w+\}/g, '{}')}`),
  ),
);

/** The router-wide respellings of a template that no other operation claims. */
function respellings(op: OperationDescriptor, template: string): string[] {
  const out = new Set<string>();
  if (!template.startsWith('/gaussdb/')) out.add(`/gaussdb${template}`);
  const segments = template.split('/');
  segments.forEach((seg, i) => {
    const variants =
      seg in SPELLINGS ? (seg.startsWith('pd') ? ['pdb', 'pdbs', 'pdbc', 'pddb'] : [SPELLINGS[seg]!]) : [];
    for (const v of variants)
      if (v !== seg) out.add([...segments.slice(0, i), v, ...segments.slice(i + 1)].join('/'));
  });
  return [...out].filter(
    (p) =>
      p !== op.path &&
      !(claimed.has(`${op.method} ${p.replace(/\{\w+\}/g, '{}')}`) && !op.aliases.includes(p)),
  );
}

const isGatewayError = (res: Call) => String(res.body.error_code ?? '').startsWith('APIGW');

describe('every spelling answers like the canonical path', () => {
  const cases = operationList.flatMap((op) =>
    [...new Set([...op.aliases, ...respellings(op, op.path)])].map((spelling) => ({
      op,
      spelling,
      label: `${op.id} ${op.method} ${spelling}`,
    })),
  );

  it('has spellings to check for every declared alias', () => {
    const declared = operationList.flatMap((op) => op.aliases.map((a) => `${op.id} ${a}`));
    expect(declared.length).toBeGreaterThanOrEqual(28);
    for (const d of declared) expect(cases.map((c) => `${c.op.id} ${c.spelling}`)).toContain(d);
  });

  // Ids nobody owns and an empty body: the canonical path and the spelling get the same answer from the same
  // validation and the same handler (a not-found, a rule's code), and neither is the gateway's.
  it.each(cases.map((c) => [c.label, c] as const))('%s', async (_label, { op, spelling }) => {
    const canonical = await send(op.method, fill(op.path), {});
    const spelled = await send(op.method, fill(spelling), {});
    expect(isGatewayError(canonical)).toBe(false);
    expect({ status: spelled.status, body: spelled.body, operation: spelled.operation }).toEqual({
      status: canonical.status,
      body: canonical.body,
      operation: canonical.operation,
    });
  });
});

describe('declared aliases serve real requests (demo data)', () => {
  const backupOf = async (instance: string, name: string) => {
    const res = await t.call('GET', `/v3.1/${t.pid}/backups?instance_id=${idOf(instance)}&limit=100`);
    return (res.body.backups as { id: string; name: string }[]).find((b) => b.name === name)!.id;
  };
  const tenantOf = async (instance: string, name: string) => {
    const res = await t.call('POST', `/v3/${t.pid}/instances/${idOf(instance)}/pdb-info`, {
      body: { limit: 100 },
    });
    return (res.body.pdb_infos as { id: string; name: string }[]).find((p) => p.name === name)!.id;
  };
  const spellingsOf = (id: string) => {
    const op = operationList.find((o) => o.id === id)!;
    return { op, all: [op.path, ...op.aliases] };
  };

  async function expectSameRead(
    id: string,
    values: Record<string, string>,
    query: Record<string, string> = {},
  ) {
    const { op, all } = spellingsOf(id);
    const answers = [];
    for (const template of all) answers.push(await send('GET', withQuery(fill(template, values), query)));
    for (const a of answers)
      expect({ status: a.status, operation: a.operation }).toEqual({
        status: op.successStatus,
        operation: id,
      });
    for (const a of answers.slice(1)) expect(a.body).toEqual(answers[0]!.body);
  }

  async function expectEachWrite(
    id: string,
    input: (i: number) => { values: Record<string, string>; query?: Record<string, string>; body?: unknown },
  ) {
    const { op, all } = spellingsOf(id);
    for (const [i, template] of all.entries()) {
      const { values, query, body } = input(i);
      const res = await send(op.method, withQuery(fill(template, values), query), body);
      expect({
        spelling: template,
        status: res.status,
        operation: res.operation,
        code: res.body.error_code,
      }).toEqual({ spelling: template, status: op.successStatus, operation: id, code: undefined });
      // Tenant jobs and replica switches end before the next spelling is sent.
      t.emu.clock.advance(30 * MIN);
    }
  }

  it('deployment_form (4.4.12)', () => expectSameRead('getDeploymentForm', {}, { solution: 'triset' }));

  it('/v3/enterprise-projects without a project id (4.4.23): the token names the project', () =>
    expectSameRead('listEnterpriseProjects', {}));

  it('/gaussdb/…/backup-files and …/backup-files/{backup_id} (4.7.5)', async () => {
    const backup_id = await backupOf('prod-core-01', 'before-release-2026-01');
    await expectSameRead('getBackupDownloadLinks', { backup_id }, { backup_id });
  });

  it('pdb, pdbc and pddb for a tenant (4.10.7, 4.10.12, 4.10.13)', async () => {
    const values = {
      instance_id: idOf('prod-core-02'),
      pdb_id: await tenantOf('prod-core-02', 'tenant_logistics'),
    };
    await expectSameRead('getTenantParameters', values);
    await expectSameRead('listTenantDbUsers', values, { offset: '0', limit: '10' });
    await expectSameRead('listTenantSchemas', values, { offset: '0', limit: '10' });
  });

  it('pdb, pdbc and pddb for tenant writes (4.10.6, 4.10.10, 4.10.11, 4.10.14, 4.10.15)', async () => {
    const values = {
      instance_id: idOf('prod-core-02'),
      pdb_id: await tenantOf('prod-core-02', 'tenant_logistics'),
    };
    await expectEachWrite('modifyTenantParameters', (i) => ({
      values,
      body: { values: { 'dn:session_timeout': String(300 + i) } },
    }));
    await expectEachWrite('createTenantDbUser', (i) => ({
      values,
      body: { name: `spell_user_${i}`, password: 'Spell_Passw0rd1' },
    }));
    // logi_admin owns tenant_logistics (seed-data/demo-databases-tenants-tags.ts).
    await expectEachWrite('createTenantSchema', (i) => ({
      values,
      body: { schemas: [{ name: `spell_schema_${i}`, owner: 'logi_admin' }] },
    }));
    await expectEachWrite('resetTenantDbUserPassword', (i) => ({
      values,
      body: { name: `spell_user_${i}`, password: `Spell_Passw0rd${i + 2}` },
    }));
    await expectEachWrite('grantTenantDbPrivilege', (i) => ({
      values,
      body: { users: [{ name: `spell_user_${i}`, readonly: true, schema_name: `spell_schema_${i}` }] },
    }));
  });

  it('/tag?key= and /tags?key= delete a tag (4.11.5)', async () => {
    const instance_id = idOf('archive-2023');
    const added = await send('POST', `/v3/${t.pid}/instances/${instance_id}/tags`, {
      tags: [
        { key: 'spell0', value: 'a' },
        { key: 'spell1', value: 'b' },
      ],
    });
    expect(added.status).toBe(200);
    await expectEachWrite('deleteInstanceTag', (i) => ({
      values: { instance_id },
      query: { key: `spell${i}` },
    }));
    const left = await t.call('GET', `/v3/${t.pid}/instances/${instance_id}/tags`);
    expect((left.body.tags as { key: string }[]).map((tag) => tag.key)).not.toContain('spell1');
  });

  it('/gaussdb/v3.1/…/db-upgrade (4.6.2)', async () => {
    const made: string[] = [];
    for (const name of ['spell-upg-0', 'spell-upg-1']) {
      const res = await t.call('POST', `/v3.1/${t.pid}/instances`, {
        body: createBody({ name, datastore: { type: 'GaussDB', version: '8.102' } }),
      });
      made.push((res.body.instance as { id: string }).id);
    }
    t.emu.clock.advance(30 * MIN);
    await expectEachWrite('upgradeInstance', (i) => ({
      values: { instance_id: made[i]! },
      body: { upgrade_type: 'inplace', target_version: 'V2.0-8.201.0' },
    }));
  });

  it('/instance/ for the replica-form switches (4.4.24, 4.4.25), each spelling in turn', async () => {
    // Distributed independent deployments only (L3489, L3565).
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, {
      body: distributedBody({ name: 'spell-replicas' }),
    });
    const instance_id = (res.body.instance as { id: string }).id;
    t.emu.clock.advance(30 * MIN);
    const listed = await t.call('GET', `/v3.1/${t.pid}/instances?id=${instance_id}`);
    const standbyAz = (
      listed.body.instances as { nodes: { role: string; availability_zone: string }[] }[]
    )[0]!.nodes.find((n) => n.role === 'slave')!.availability_zone;
    const logger = spellingsOf('switchToLoggerReplica');
    const standby = spellingsOf('switchToStandbyReplica');
    for (const [i, loggerTemplate] of logger.all.entries()) {
      const toLogger = await send('POST', fill(loggerTemplate, { instance_id }), {
        availability_zone: standbyAz,
      });
      expect({ status: toLogger.status, operation: toLogger.operation }).toEqual({
        status: 202,
        operation: 'switchToLoggerReplica',
      });
      t.emu.clock.advance(30 * MIN);
      const toStandby = await send('POST', fill(standby.all[i]!, { instance_id }), {});
      expect({ status: toStandby.status, operation: toStandby.operation }).toEqual({
        status: 202,
        operation: 'switchToStandbyReplica',
      });
      t.emu.clock.advance(30 * MIN);
    }
  });
});

describe('what matches no route', () => {
  it('answers 404 with an error code for an unknown path', async () => {
    for (const path of [
      `/v3/${t.pid}/no-such-thing`,
      `/v3/${t.pid}/instances/${NOBODY}/no-such-action`,
      '/v9/anything/at/all',
      `/gaussdb/v3/${t.pid}/nothing`,
    ]) {
      const res = await t.call('GET', path);
      expect({ path, status: res.status, code: res.body.error_code }).toEqual({
        path,
        status: 404,
        code: 'APIGW.0101',
      });
      expect(res.body.error_msg).toEqual(expect.any(String));
    }
  });

  it('answers 405 with Allow listing the methods the path has', async () => {
    const cases: [string, string, string[]][] = [
      ['PATCH', `/v3.1/${t.pid}/instances`, ['GET', 'POST']],
      ['DELETE', `/v3/${t.pid}/instances/${NOBODY}/restart`, ['POST']],
      ['POST', `/v3/${t.pid}/instances/${NOBODY}/pdbs/${NOBODY}/schemas`, ['GET']],
      ['GET', `/v3/${t.pid}/instances/${NOBODY}/pdb`, ['POST', 'DELETE', 'PUT']],
    ];
    for (const [method, path, allowed] of cases) {
      const res = await t.call(method, path, { body: method === 'GET' ? undefined : {} });
      expect(res.status).toBe(405);
      expect(res.body.error_code).toBe('APIGW.0101');
      expect(res.headers.get('allow')!.split(', ').sort()).toEqual([...allowed].sort());
    }
  });

  it('answers 400 DBS.200001 for malformed JSON on every route that takes a body', async () => {
    for (const op of operationList.filter((o) => o.method !== 'GET' && o.service !== 'iam')) {
      const res = await t.call(op.method, fill(op.path), { rawBody: '{"name": ' });
      expect({ op: op.id, status: res.status, code: res.body.error_code }).toEqual({
        op: op.id,
        status: 400,
        code: 'DBS.200001',
      });
    }
  });
});

describe('bad input is never a 500', () => {
  const garbage: [string, string | undefined][] = [
    ['an array', '[1,2,3]'],
    ['a string', '"hello"'],
    ['null', 'null'],
    [
      'wrong types everywhere',
      JSON.stringify({
        name: 42,
        instance_id: [],
        node_ids: 'x',
        values: 7,
        tags: { a: 1 },
        backup_policy: 'no',
        pdb_id: {},
        users: [null],
        shards: [{}],
      }),
    ],
    ['a deep object', JSON.stringify(JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`))],
    [
      'huge numbers',
      JSON.stringify({ volume: { size: 1e308 }, cpu: -1e308, limit: 1e20, offset: -5, disk: 'NaN' }),
    ],
    ['no body', undefined],
  ];
  const oddPaths = ['%00', '..', 'x'.repeat(300), '%E4%B8%AD%E6%96%87', '%ZZ', "'; DROP TABLE instances;--"];

  it('answers every route with < 500 whatever the body', async () => {
    const seen: string[] = [];
    for (const op of operationList) {
      for (const [label, rawBody] of garbage) {
        const res = await t.call(
          op.method,
          withQuery(fill(op.path), { limit: 'abc', offset: '-1', id: '', junk: '%' }),
          { rawBody: op.method === 'GET' ? undefined : rawBody },
        );
        if (res.status >= 500) seen.push(`${op.id} ${label}: ${res.status} ${res.body.error_code}`);
        expect(res.body.error_code).toEqual(expect.any(String));
      }
    }
    expect(seen).toEqual([]);
  });

  it('answers odd path segments with < 500', async () => {
    const seen: string[] = [];
    for (const op of operationList.filter((o) => /\{(?!project_id)\w+\}/.test(o.path))) {
      for (const odd of oddPaths) {
        const path = op.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === 'project_id' ? t.pid : odd));
        const res = await t.call(op.method, path, { body: op.method === 'GET' ? undefined : {} });
        if (res.status >= 500) seen.push(`${op.id} ${odd}: ${res.status} ${res.body.error_code}`);
      }
    }
    expect(seen).toEqual([]);
  });
});
