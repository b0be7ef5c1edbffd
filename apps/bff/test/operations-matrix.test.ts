// The route × role matrix, generated from the contract (operationList, bffRouteOf) and the policy
// (policyTable): every route the console exposes, called by every role against the real emulator.
import {
  bffRouteOf,
  fillBffPath,
  isExposedByBff,
  operationList,
  type OperationDescriptor,
} from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyTable, tenantScopeOf } from '../src/auth/policy';
import { ROLES, type Role } from '../src/auth/roles';
import {
  PROJECT,
  sampleInputs,
  startHarness,
  upstreamCallsFor,
  type ConsoleHarness,
  type SampleInput,
} from './console-harness';

const USER_OF: Record<Role, string> = { admin: 'alice', operator: 'oscar', viewer: 'vera', tenant: 'tina' };
/** Weakest first, so an admin's destructive call never changes what a weaker role's call meets. */
const ORDER: readonly Role[] = ['tenant', 'viewer', 'operator', 'admin'];

const exposed = operationList.filter(isExposedByBff);
const policy = policyTable();

let h: ConsoleHarness;
let samples: Record<string, SampleInput>;
beforeAll(async () => {
  h = await startHarness();
  samples = sampleInputs(h.ids);
});
afterAll(async () => {
  await h?.close();
});

function urlOf(op: OperationDescriptor, input: SampleInput): string {
  const qs = new URLSearchParams(input.query ?? {}).toString();
  return fillBffPath(op, PROJECT, input.path ?? {}) + (qs ? `?${qs}` : '');
}

describe('route × role matrix', () => {
  it('covers every exposed operation with a sample input the contract accepts', () => {
    for (const op of exposed) {
      const input = samples[op.id];
      expect(input, op.id).toBeDefined();
      expect(op.pathParams.safeParse(input?.path ?? {}).success, `${op.id} path`).toBe(true);
      expect(op.query.safeParse(input?.query ?? {}).success, `${op.id} query`).toBe(true);
      expect(
        op.body.safeParse(JSON.parse(JSON.stringify(input?.body ?? null)) ?? undefined).success,
        `${op.id} body`,
      ).toBe(true);
    }
    expect(exposed.length).toBeGreaterThan(90);
    expect(new Set(ROLES)).toEqual(new Set(ORDER));
  });

  it.each(exposed.map((op) => [op.id, bffRouteOf(op).method, bffRouteOf(op).template, op] as const))(
    '%s (%s %s): allowed roles reach the upstream, the others get 403 and nothing is sent',
    async (id, _method, _template, op) => {
      const input = samples[id] as SampleInput;
      const allowed = policy[id] ?? [];
      await h.admin.clearRequests();
      const sent: { role: Role; requestId: string; status: number; code?: string }[] = [];
      for (const role of ORDER) {
        const client = await h.as(USER_OF[role]);
        // Like the SPA: bodiless mutations send {} (the CSRF check wants JSON).
        const body = op.method === 'GET' ? undefined : (input.body ?? {});
        const res = await client.call(op.method, urlOf(op, input), body);
        const requestId = res.headers.get('x-request-id') ?? '';
        sent.push({ role, requestId, status: res.status, code: res.body.error?.code });
      }
      const records = upstreamCallsFor(
        await h.admin.requests(),
        sent.map((s) => s.requestId),
      );
      const reached = new Set(records.map((r) => r.request_id));
      // The emulator ran this operation (or the twin it shares an upstream route with), not a neighbour's.
      const twins = new Set([
        id,
        ...operationList.filter((o) => o.method === op.method && o.path === op.path).map((o) => o.id),
      ]);
      for (const r of records)
        if (r.operation) expect(twins, `${id} ran as ${r.operation}`).toContain(r.operation);
      for (const s of sent) {
        const label = `${id} as ${s.role}: ${s.status} ${s.code ?? ''}`;
        if (allowed.includes(s.role)) {
          expect([401, 403], label).not.toContain(s.status);
          expect(s.code, label).not.toBe('VALIDATION_FAILED');
          expect(reached.has(s.requestId), `${label} never reached the emulator`).toBe(true);
        } else {
          // Samples aim tenant calls at the tenant's own PDB: a refusal here is the role's, not the scope's.
          expect(s.status, label).toBe(403);
          expect(s.code, label).toBe('FORBIDDEN');
          expect(reached.has(s.requestId), `${label} reached the emulator`).toBe(false);
        }
      }
    },
  );

  // Every scope that names an instance (all but the instance list, which the route filters).
  const scoped = exposed.filter((op) =>
    ['own-tenant', 'own-tenants-list', 'own-instance-remaining-disk'].includes(tenantScopeOf(op.id) ?? ''),
  );
  it.each(scoped.map((op) => [op.id, tenantScopeOf(op.id), op] as const))(
    '%s (%s): aimed at another tenant, the tenant user gets 403 TENANT_SCOPE and nothing is sent',
    async (id, _scope, op) => {
      const input = samples[id] as SampleInput;
      const other = h.ids.tenants.dev_team_a as { instance_id: string; pdb_id: string };
      const path = {
        ...input.path,
        instance_id: other.instance_id,
        ...(input.path?.pdb_id ? { pdb_id: other.pdb_id } : {}),
      };
      const res = await (
        await h.as('tina')
      ).call(op.method, urlOf(op, { ...input, path }), op.method === 'GET' ? undefined : (input.body ?? {}));
      const requestId = res.headers.get('x-request-id') ?? '';
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('TENANT_SCOPE');
      expect(upstreamCallsFor(await h.admin.requests(), [requestId])).toEqual([]);
    },
  );

  it('answers 401 on every route without a session', async () => {
    const statuses = new Set<number>();
    for (const op of exposed) {
      const input = samples[op.id] as SampleInput;
      const res = await fetch(`${h.url}${urlOf(op, input)}`, {
        method: op.method,
        headers: { 'Content-Type': 'application/json', 'X-Console-Request': '1' },
        ...(op.method === 'GET' ? {} : { body: JSON.stringify(input.body ?? {}) }),
      });
      statuses.add(res.status);
      expect(res.status, op.id).toBe(401);
    }
    expect([...statuses]).toEqual([401]);
  });
});
