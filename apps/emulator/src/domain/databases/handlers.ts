import { registerHandler } from '../../http/handlers';
import { requireProject } from '../context';
import { getInstanceOr404 } from '../instance-state';
import { assertSqlReadable, assertSqlWritable } from './guards';
import { instanceScope } from './model';
import {
  createDatabase,
  createSchemas,
  createUser,
  grantPrivileges,
  listDatabases,
  listSchemas,
  listUsers,
  pageOf,
  resetPassword,
} from './service';
import { databaseView, instanceUserView, schemaView } from './views';

/** 4.9.1–4.9.8: databases, users, schemas and privileges of an instance. Synchronous; no body on success. */

function target(
  ctx: {
    project: Parameters<typeof requireProject>[0]['project'];
    rt: Parameters<typeof getInstanceOr404>[0];
  },
  instanceId: string,
) {
  const project = requireProject(ctx);
  const inst = getInstanceOr404(ctx.rt, project.id, instanceId);
  return { inst, scope: instanceScope(project.id, inst.id) };
}

registerHandler('createDatabase', (ctx) => {
  const { inst, scope } = target(ctx, ctx.path.instance_id);
  assertSqlWritable(inst, 'create database', { grows: true });
  createDatabase(ctx.rt, scope, ctx.body, ctx.rt.clock.now());
  return undefined;
});

registerHandler('createDbUser', (ctx) => {
  const { inst, scope } = target(ctx, ctx.path.instance_id);
  assertSqlWritable(inst, 'create database user', { grows: false });
  createUser(ctx.rt, scope, { name: ctx.body.name, password: ctx.body.password }, ctx.rt.clock.now());
  return undefined;
});

registerHandler('createSchema', (ctx) => {
  const { inst, scope } = target(ctx, ctx.path.instance_id);
  assertSqlWritable(inst, 'create schema', { grows: true });
  createSchemas(ctx.rt, scope, ctx.body.db_name, ctx.body.schemas, ctx.rt.clock.now());
  return undefined;
});

registerHandler('grantDbPrivilege', (ctx) => {
  const { inst, scope } = target(ctx, ctx.path.instance_id);
  assertSqlWritable(inst, 'grant database privileges', { grows: false });
  grantPrivileges(ctx.rt, scope, ctx.body.db_name, ctx.body.users, ctx.rt.clock.now());
  return undefined;
});

registerHandler('resetDbUserPassword', (ctx) => {
  const { inst, scope } = target(ctx, ctx.path.instance_id);
  assertSqlWritable(inst, 'reset database user password', { grows: false });
  resetPassword(ctx.rt, scope, ctx.body.name, ctx.body.password, ctx.rt.clock.now(), { forbidReuse: false });
  return undefined;
});

registerHandler('listDatabases', (ctx) => {
  const { scope } = target(ctx, ctx.path.instance_id);
  const all = listDatabases(ctx.rt, scope);
  return {
    databases: pageOf(all, ctx.query.offset, ctx.query.limit).map(databaseView),
    total_count: all.length,
  };
});

registerHandler('listDbUsers', (ctx) => {
  const { scope } = target(ctx, ctx.path.instance_id);
  const all = listUsers(ctx.rt, scope);
  return {
    users: pageOf(all, ctx.query.offset, ctx.query.limit).map(instanceUserView),
    total_count: all.length,
  };
});

registerHandler('listSchemas', (ctx) => {
  const { inst, scope } = target(ctx, ctx.path.instance_id);
  assertSqlReadable(inst, 'list schemas');
  const all = listSchemas(ctx.rt, scope, ctx.query.db_name);
  return {
    database_schemas: pageOf(all, ctx.query.offset, ctx.query.limit).map(schemaView),
    total_count: all.length,
  };
});
