import type { HttpMethod, OperationDescriptor } from './operations/define';

/**
 * The console's own route for each operation: `/api/v1/projects/:project` + the operation's canonical
 * path without its version prefix and project id. The BFF mounts these; the web calls them; the table is
 * docs/bff-routes.md. Where two operations would land on one route (legacy v3 twins, the shared routes
 * that the API tells apart by body), the later one gets an explicit route below.
 */
const overrides: Record<string, string> = {
  createInstanceV3: '/legacy/instances',
  listInstancesV3: '/legacy/instances',
  resizeFlavorV3: '/legacy/instances/{instance_id}/flavor',
  restoreToNewInstance: '/instances/restore-to-new',
  startDatabase: '/instances/{instance_id}/database-startup',
  enlargeTenantDisk: '/instances/{instance_id}/pdb/disk',
};

/** Operations the console does not expose: version discovery, and IAM, which only the BFF itself calls. */
export function isExposedByBff(op: OperationDescriptor): boolean {
  return op.service !== 'iam' && op.area !== 'versions';
}

export const BFF_PROJECT_PREFIX = '/api/v1/projects/{project}';

/** Path template with `{param}` placeholders, relative to the project prefix. */
export function bffRelativePath(op: OperationDescriptor): string {
  const override = overrides[op.id];
  if (override) return override;
  const stripped = op.path
    .replace(/^\/gaussdb/, '')
    .replace(/^\/v3(\.1)?/, '')
    .replace(/^\/\{project_id\}/, '');
  return stripped === '' ? '/' : stripped;
}

export interface BffRoute {
  method: HttpMethod;
  /** Express 5 route pattern, e.g. `/api/v1/projects/:project/instances/:instance_id`. */
  expressPath: string;
  /** Template, e.g. `/api/v1/projects/{project}/instances/{instance_id}`. */
  template: string;
}

export function bffRouteOf(op: OperationDescriptor): BffRoute {
  const template = BFF_PROJECT_PREFIX + bffRelativePath(op);
  return { method: op.method, template, expressPath: template.replace(/\{(\w+)\}/g, ':$1') };
}

/** Fills a route template; every value is percent-encoded. */
export function fillBffPath(
  op: OperationDescriptor,
  project: string,
  pathParams: Record<string, unknown> = {},
): string {
  return bffRouteOf(op).template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = name === 'project' ? project : pathParams[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`missing path parameter ${name} for ${op.id}`);
    return encodeURIComponent(String(value));
  });
}
