import { describe, expect, it } from 'vitest';
import { bffRouteOf, fillBffPath, isExposedByBff } from '../src/bff-routes';
import { getOperation, operationList } from '../src/operations/index';

describe('BFF route table', () => {
  const exposed = operationList.filter(isExposedByBff);

  it('gives every exposed operation its own method + route', () => {
    const seen = new Map<string, string>();
    for (const op of exposed) {
      const r = bffRouteOf(op);
      const key = `${r.method} ${r.expressPath.replace(/:\w+/g, ':p')}`;
      expect(seen.get(key), `${op.id} collides with ${seen.get(key)} on ${key}`).toBeUndefined();
      seen.set(key, op.id);
    }
    expect(exposed.length).toBeGreaterThanOrEqual(100);
  });

  it('leaves version discovery and IAM to the BFF itself', () => {
    expect(
      operationList
        .filter((o) => !isExposedByBff(o))
        .map((o) => o.id)
        .sort(),
    ).toEqual(['createIamToken', 'getApiVersion', 'listApiVersions', 'listIamProjects'].sort());
  });

  it('maps the canonical API path under the project prefix', () => {
    expect(bffRouteOf(getOperation('listInstances')!).expressPath).toBe(
      '/api/v1/projects/:project/instances',
    );
    expect(bffRouteOf(getOperation('listTenantDbUsers')!).template).toBe(
      '/api/v1/projects/{project}/instances/{instance_id}/pdbs/{pdb_id}/db-users',
    );
    expect(bffRouteOf(getOperation('listInstancesV3')!).template).toBe(
      '/api/v1/projects/{project}/legacy/instances',
    );
  });

  it('percent-encodes path values and refuses a missing one', () => {
    const op = getOperation('restartInstance')!;
    expect(fillBffPath(op, 'prod eu', { instance_id: 'a/b' })).toBe(
      '/api/v1/projects/prod%20eu/instances/a%2Fb/restart',
    );
    expect(() => fillBffPath(op, 'prod', {})).toThrow(/instance_id/);
  });
});
