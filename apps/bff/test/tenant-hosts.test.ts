// The tenants of every multi-tenant instance (GET /projects/:project/tenants), and a grant given and taken back
// through the users routes reaching the tenant routes at once.
import { consoleRoutes, tenantHosts } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, startHarness, TENANT_NAME, upstreamCallsFor, type ConsoleHarness } from './console-harness';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const idOf = (res: { headers: Headers }) => res.headers.get('x-request-id') ?? '';

describe('GET /projects/:project/tenants', () => {
  it('answers each multi-tenant instance with its tenants; a second look asks only the containers again', async () => {
    const vera = await h.as('vera');
    const first = await vera.get(consoleRoutes.tenantHosts(PROJECT));
    expect(first.status).toBe(200);
    const hosts = tenantHosts.parse(first.body);
    expect(hosts.hosts.map((x) => x.instance.name)).toEqual(['dev-arm-01', 'prod-core-02']);
    const core = hosts.hosts.find((x) => x.instance.name === 'prod-core-02');
    expect(core?.tenants.map((t) => t.name).sort()).toEqual([
      'tenant_hr',
      'tenant_logistics',
      'tenant_retail',
    ]);
    expect(core?.total_count).toBe(3);
    expect(core?.remaining_disk).toEqual(expect.any(Number));
    expect(hosts.unreadable).toEqual([]);
    const firstCalls = upstreamCallsFor(await h.admin.requests(), [idOf(first)]).filter((c) =>
      c.path.endsWith('/pdb-info'),
    );
    expect(firstCalls.length).toBe(hosts.scanned);
    expect(hosts.scanned).toBeGreaterThan(2);

    const second = await vera.get(consoleRoutes.tenantHosts(PROJECT));
    expect(tenantHosts.parse(second.body).hosts).toHaveLength(2);
    const again = upstreamCallsFor(await h.admin.requests(), [idOf(second)]).filter((c) =>
      c.path.endsWith('/pdb-info'),
    );
    expect(again).toHaveLength(2);
    expect(
      upstreamCallsFor(await h.admin.requests(), [idOf(second)]).filter((c) =>
        c.path.endsWith('/pdb-flavors'),
      ),
    ).toHaveLength(2);
  });

  it('is not for tenant owners, whose tenants come from their session', async () => {
    const tina = await h.as('tina');
    const res = await tina.get(consoleRoutes.tenantHosts(PROJECT));
    expect(res.status).toBe(403);
    expect(upstreamCallsFor(await h.admin.requests(), [idOf(res)])).toEqual([]);
  });
});

describe('tenant grants changed on the users page', () => {
  it("take effect on the owner's next call: granted, then refused with TENANT_SCOPE after the revoke, nothing sent", async () => {
    const alice = await h.as('alice');
    const tina = await h.as('tina');
    const hr = (
      await tenantHosts.parseAsync((await alice.get(consoleRoutes.tenantHosts(PROJECT))).body)
    ).hosts
      .flatMap((x) => x.tenants.map((t) => ({ instance_id: x.instance.id, pdb_id: t.id, name: t.name })))
      .find((t) => t.name === 'tenant_hr');
    expect(hr).toBeDefined();
    const grant = { instance_id: hr!.instance_id, pdb_id: hr!.pdb_id };
    const users = h.p(`/instances/${grant.instance_id}/pdbs/${grant.pdb_id}/db-users`);

    expect((await tina.get(users)).status).toBe(403);
    expect((await alice.call('POST', consoleRoutes.userTenants('tina'), grant)).status).toBe(200);
    expect((await tina.get(users)).status).toBe(200);

    expect(
      (await alice.call('DELETE', consoleRoutes.userTenant('tina', grant.instance_id, grant.pdb_id))).status,
    ).toBe(200);
    const refused = await tina.get(users);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('TENANT_SCOPE');
    expect(upstreamCallsFor(await h.admin.requests(), [idOf(refused)])).toEqual([]);
    // Their own tenant still works.
    const own = h.ids.tenants[TENANT_NAME]!;
    expect((await tina.get(h.p(`/instances/${own.instance_id}/pdbs/${own.pdb_id}/db-users`))).status).toBe(
      200,
    );
  });
});
