import { ApiError } from '../../http/errors';
import { registerHandler, type HandlerContext } from '../../http/handlers';
import { requireProject } from '../context';
import { getInstanceOr404 } from '../instance-state';
import { remainingDisk, tenantFlavors } from './capacity';
import {
  createTenant,
  deleteTenant,
  enlargeTenantDisk,
  modifyTenantParameters,
  resizeTenant,
} from './lifecycle';
import { getTenantOr404, requireMultiTenant, tenantsOf } from './model';
import { tenantTemplates } from './parameters';
import { tenantParametersView, tenantTemplateView, tenantView } from './views';

/** 4.10.1–4.10.9: tenant lifecycle, list, parameters and flavors of a multi-tenant instance. */

function container(ctx: Pick<HandlerContext, 'project' | 'rt'>, instanceId: string) {
  const project = requireProject(ctx);
  const inst = getInstanceOr404(ctx.rt, project.id, instanceId);
  requireMultiTenant(ctx.rt, inst);
  return inst;
}

registerHandler('createTenant', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  const { job } = createTenant(ctx.rt, inst, ctx.body, ctx.rt.clock.now());
  return { job_id: job.id };
});

registerHandler('deleteTenant', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  return { job_id: deleteTenant(ctx.rt, inst, getTenantOr404(ctx.rt, inst, ctx.body.pdb_id)).id };
});

/** 4.10.3/4.10.4 share PUT …/pdb (PDB-2); the router picks by body, and a body with both never gets here. */
registerHandler('resizeTenant', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  return {
    job_id: resizeTenant(
      ctx.rt,
      inst,
      getTenantOr404(ctx.rt, inst, ctx.body.pdb_id),
      ctx.body.cpu,
      ctx.body.mem,
    ).id,
  };
});

registerHandler('enlargeTenantDisk', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  return {
    job_id: enlargeTenantDisk(ctx.rt, inst, getTenantOr404(ctx.rt, inst, ctx.body.pdb_id), ctx.body.disk).id,
  };
});

/** 4.10.5: a POST list; `id` exact, `name` a substring; `offset` counts pages (D.39). */
registerHandler('listTenants', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  const { id, name, offset, limit } = ctx.body;
  const all = tenantsOf(ctx.rt, inst).filter(
    (t) => (id === undefined || t.id === id) && (name === undefined || t.name.includes(name)),
  );
  return {
    pdb_infos: all.slice(offset * limit, offset * limit + limit).map((t) => tenantView(t, inst)),
    total_count: all.length,
  };
});

registerHandler('modifyTenantParameters', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  const t = getTenantOr404(ctx.rt, inst, ctx.path.pdb_id);
  return { job_id: modifyTenantParameters(ctx.rt, inst, t, ctx.body.values).id };
});

registerHandler('getTenantParameters', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  const t = getTenantOr404(ctx.rt, inst, ctx.path.pdb_id);
  if (t.status === 'createfail')
    throw new ApiError(400, 'DBS.200086', `The tenant ${t.name} failed to be created; it has no parameters.`);
  return tenantParametersView(t, inst);
});

registerHandler('listTenantParameterTemplates', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  const list = tenantTemplates(inst).map(tenantTemplateView);
  return { configurations: list, count: list.length };
});

registerHandler('listTenantFlavors', (ctx) => {
  const inst = container(ctx, ctx.path.instance_id);
  return { pdb_flavors: tenantFlavors(inst), remaining_disk: remainingDisk(ctx.rt, inst) };
});
