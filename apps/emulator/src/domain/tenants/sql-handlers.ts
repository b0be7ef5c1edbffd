import { registerHandler, type HandlerContext } from '../../http/handlers';
import { requireProject } from '../context';
import { assertSqlReadable, assertSqlWritable } from '../databases/guards';
import type { DbScope } from '../databases/model';
import {
  createSchemas,
  createUser,
  grantPrivileges,
  listSchemas,
  listUsers,
  pageOf,
  resetPassword,
} from '../databases/service';
import { schemaView, tenantUserView } from '../databases/views';
import { getInstanceOr404 } from '../instance-state';
import { assertTenantReady, getTenantOr404, requireMultiTenant } from './model';

/**
 * 4.10.10–4.10.15: users, schemas and privileges inside one tenant. The same SQL behaviour as 4.9.x on the
 * tenant's scope; the tenant must exist and be `normal`, and its instance must accept SQL.
 */
function tenantScope(
  ctx: Pick<HandlerContext, 'project' | 'rt'>,
  path: { instance_id: string; pdb_id: string },
  action: string,
  access: 'write' | 'grow' | 'read' | 'list',
) {
  const project = requireProject(ctx);
  const inst = getInstanceOr404(ctx.rt, project.id, path.instance_id);
  requireMultiTenant(ctx.rt, inst);
  const tenant = getTenantOr404(ctx.rt, inst, path.pdb_id);
  if (access === 'read') assertSqlReadable(inst, action);
  if (access === 'write' || access === 'grow') assertSqlWritable(inst, action, { grows: access === 'grow' });
  if (access !== 'list') assertTenantReady(tenant, action);
  const scope: DbScope = { projectId: project.id, instanceId: inst.id, pdbId: tenant.id };
  return scope;
}

registerHandler('createTenantDbUser', (ctx) => {
  const scope = tenantScope(ctx, ctx.path, 'create tenant database user', 'write');
  createUser(
    ctx.rt,
    scope,
    { name: ctx.body.name, password: ctx.body.password, loginOnly: ctx.body.is_login_only ?? false },
    ctx.rt.clock.now(),
  );
  return undefined;
});

registerHandler('createTenantSchema', (ctx) => {
  const scope = tenantScope(ctx, ctx.path, 'create tenant schema', 'grow');
  createSchemas(ctx.rt, scope, '', ctx.body.schemas, ctx.rt.clock.now());
  return undefined;
});

registerHandler('resetTenantDbUserPassword', (ctx) => {
  const scope = tenantScope(ctx, ctx.path, 'reset tenant database user password', 'write');
  resetPassword(ctx.rt, scope, ctx.body.name, ctx.body.password, ctx.rt.clock.now(), { forbidReuse: true });
  return undefined;
});

registerHandler('grantTenantDbPrivilege', (ctx) => {
  const scope = tenantScope(ctx, ctx.path, 'grant tenant database privileges', 'write');
  grantPrivileges(ctx.rt, scope, '', ctx.body.users, ctx.rt.clock.now());
  return undefined;
});

registerHandler('listTenantDbUsers', (ctx) => {
  const scope = tenantScope(ctx, ctx.path, 'list tenant database users', 'list');
  const all = listUsers(ctx.rt, scope);
  return {
    users: pageOf(all, ctx.query.offset, ctx.query.limit).map(tenantUserView),
    total_count: all.length,
  };
});

registerHandler('listTenantSchemas', (ctx) => {
  const scope = tenantScope(ctx, ctx.path, 'list tenant schemas', 'read');
  const all = listSchemas(ctx.rt, scope, '');
  return {
    database_schemas: pageOf(all, ctx.query.offset, ctx.query.limit).map(schemaView),
    total_count: all.length,
  };
});
