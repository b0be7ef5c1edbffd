import { afterEach, describe, expect, it } from 'vitest';
import { operationList } from '@gaussdb-console/api-client';
import { canPerform, OPERATOR_DENIED, policyTable, type PolicySubject } from '../src/auth/policy';
import { authorize } from '../src/auth/require-session';
import { ROLES, type Role } from '../src/auth/roles';
import { makeApp, MUTATION, signIn, userNamed, type TestApp } from './helpers';

const op = (id: string, method: PolicySubject['method'], destructive = false): PolicySubject => ({
  id,
  method,
  destructive,
});

const listInstances = op('listInstances', 'GET');
const getBackupPolicy = op('getBackupPolicy', 'GET');
const createInstance = op('createInstance', 'POST');
const restartInstance = op('restartInstance', 'POST');
const deleteInstance = op('deleteInstance', 'DELETE', true);
const stopNodes = op('stopNodes', 'POST'); // denied to operators by name even if not flagged destructive
const someDestructive = op('deleteJob', 'DELETE', true);
const listTenants = op('listTenants', 'POST');
const createTenantDbUser = op('createTenantDbUser', 'POST');
const modifyTenantParameters = op('modifyTenantParameters', 'PUT');
const createTenant = op('createTenant', 'POST');
const deleteTenant = op('deleteTenant', 'DELETE', true);
const listTenantFlavors = op('listTenantFlavors', 'GET');

// Expected: [admin, operator, viewer, tenant]
const MATRIX: [PolicySubject, boolean, boolean, boolean, boolean][] = [
  [listInstances, true, true, true, true],
  [getBackupPolicy, true, true, true, false],
  [createInstance, true, true, false, false],
  [restartInstance, true, true, false, false],
  [deleteInstance, true, false, false, false],
  [stopNodes, true, false, false, false],
  [someDestructive, true, false, false, false],
  [listTenants, true, true, true, true],
  [createTenantDbUser, true, true, false, true],
  [modifyTenantParameters, true, true, false, true],
  [createTenant, true, true, false, false],
  [deleteTenant, true, false, false, false],
  // The owner's disk gauge: the route cuts the answer to the instance's remaining tenant disk.
  [listTenantFlavors, true, true, true, true],
];

describe('policy matrix', () => {
  it.each(MATRIX)(
    '%o: admin %s, operator %s, viewer %s, tenant %s',
    (subject, admin, operator, viewer, tenant) => {
      expect(ROLES.map((r) => canPerform(r, subject))).toEqual([admin, operator, viewer, tenant]);
    },
  );

  it('denies operators every operation of the explicit list, whatever the descriptor says', () => {
    for (const id of OPERATOR_DENIED) expect(canPerform('operator', op(id, 'POST', false)), id).toBe(false);
  });

  it('exports the table by operation id with the allowed roles', () => {
    const table = policyTable([listInstances, deleteInstance, createTenantDbUser]);
    expect(table).toEqual({
      listInstances: ['admin', 'operator', 'viewer', 'tenant'],
      deleteInstance: ['admin'],
      createTenantDbUser: ['admin', 'operator', 'tenant'],
    });
  });

  it('covers every operation of the contract, admin always allowed, viewers only reads', () => {
    const table = policyTable();
    for (const d of operationList) {
      const roles = table[d.id];
      expect(roles, d.id).toContain('admin');
      if (d.destructive) expect(roles, d.id).not.toContain('operator');
      if (roles?.includes('viewer'))
        expect(
          d.method === 'GET' ||
            ['listTenants', 'compareParameterTemplates', 'checkWeakPassword'].includes(d.id),
          d.id,
        ).toBe(true);
    }
  });
});

describe('authorize() in front of a route', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  const mount = () =>
    makeApp({
      extendApi: (api) => {
        api.post(
          '/projects/:project/instances/:instance_id/restart',
          authorize(restartInstance),
          (_req, res) => {
            res.status(202).json({ job_id: 'job-1' });
          },
        );
        api.delete('/projects/:project/instances/:instance_id', authorize(deleteInstance), (_req, res) => {
          res.status(202).json({ job_id: 'job-2' });
        });
        api.post(
          '/projects/:project/instances/:instance_id/pdbs/:pdb_id/db-user',
          authorize(createTenantDbUser),
          (_req, res) => {
            res.json({ ok: true });
          },
        );
        api.get('/policy-probe', authorize(getBackupPolicy), (_req, res) => {
          res.json({ ok: true });
        });
      },
    });

  const as = async (name: string) => signIn(t, name, userNamed(name).password);

  it('answers 401 without a session and 403 FORBIDDEN for a role the policy refuses', async () => {
    t = await mount();
    expect(
      (await t.request.post('/api/v1/projects/p/instances/i1/restart').set(MUTATION).send({})).status,
    ).toBe(401);
    const viewer = await as('vera');
    const refused = await t.request
      .post('/api/v1/projects/p/instances/i1/restart')
      .set(MUTATION)
      .set('Cookie', viewer)
      .send({});
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const operator = await as('oscar');
    expect(
      (
        await t.request
          .post('/api/v1/projects/p/instances/i1/restart')
          .set(MUTATION)
          .set('Cookie', operator)
          .send({})
      ).status,
    ).toBe(202);
    expect(
      (
        await t.request
          .delete('/api/v1/projects/p/instances/i1')
          .set('X-Console-Request', '1')
          .set('Cookie', operator)
      ).status,
    ).toBe(403);
    const admin = await as('alice');
    expect(
      (
        await t.request
          .delete('/api/v1/projects/p/instances/i1')
          .set('X-Console-Request', '1')
          .set('Cookie', admin)
      ).status,
    ).toBe(202);
  });

  it('lets a tenant user act on their own tenant only', async () => {
    t = await mount();
    const tenant = await as('tina');
    const own = await t.request
      .post('/api/v1/projects/p/instances/inst-1/pdbs/pdb-1/db-user')
      .set(MUTATION)
      .set('Cookie', tenant)
      .send({});
    expect(own.status).toBe(200);
    const other = await t.request
      .post('/api/v1/projects/p/instances/inst-1/pdbs/pdb-2/db-user')
      .set(MUTATION)
      .set('Cookie', tenant)
      .send({});
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('TENANT_SCOPE');
    const otherInstance = await t.request
      .post('/api/v1/projects/p/instances/inst-2/pdbs/pdb-1/db-user')
      .set(MUTATION)
      .set('Cookie', tenant)
      .send({});
    expect(otherInstance.status).toBe(403);
    expect((await t.request.get('/api/v1/policy-probe').set('Cookie', tenant)).status).toBe(403);
  });

  it('serves the policy table to signed-in users', async () => {
    t = await mount();
    expect((await t.request.get('/api/v1/policy')).status).toBe(401);
    const res = await t.request.get('/api/v1/policy').set('Cookie', await as('vera'));
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['admin', 'operator', 'viewer', 'tenant']);
    expect(res.body.tenant_scopes.listTenants).toBe('own-tenants-list');
    expect(res.body.tenant_scopes.listTenantFlavors).toBe('own-instance-remaining-disk');
    for (const [id, roles] of Object.entries(res.body.operations as Record<string, Role[]>))
      expect(roles, id).toContain('admin');
  });
});
