import { ApiError } from '../http/errors';
import { input, registerHandler, type HandlerContext } from '../http/handlers';
import { JOB_DURATIONS } from '../jobs/job-model';
import type { Filter } from '../store/collection';
import { paging, requireProject } from './context';
import { stableInt } from './ids';
import { assertQuota, planInstance, startCreate, type CreateInstanceBody } from './instance-create';
import type { ComponentDoc, InstanceDoc } from './instance-model';
import { getInstanceOr404, instances, startInstanceAction } from './instance-state';
import { createView, listView } from './instance-views';

/** 4.4.1 / 5.1.1: create. The response echoes the instance in BUILD plus the job id. */
function create(ctx: HandlerContext, variant: 'v3.1' | 'v3') {
  const project = requireProject(ctx);
  const body = input<CreateInstanceBody>(ctx.body);
  assertQuota(ctx.rt, project.id);
  const inst = planInstance(project, body, ctx.rt.clock.now());
  const job = startCreate(ctx.rt, inst);
  const out: Record<string, unknown> = { instance: createView({ ...inst, status: 'BUILD' }, variant), job_id: job.id };
  if (inst.charge_mode === 'prePaid') out.order_id = job.id.replace(/-/g, '');
  return out;
}

registerHandler('createInstance', (ctx) => create(ctx, 'v3.1'));
registerHandler('createInstanceV3', (ctx) => create(ctx, 'v3'));

interface ListQuery {
  id?: string;
  name?: string;
  type?: string;
  datastore_type?: string;
  vpc_id?: string;
  subnet_id?: string;
  tags?: string;
  charge_mode?: string;
  offset?: number;
  limit?: number;
}

/** `*abc` is a fuzzy (contains) match, anything else exact; a bare `*` is refused (4.4.4). */
function textFilter(col: string, value: string | undefined): Filter | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.startsWith('*')) {
    const rest = value.slice(1);
    if (!rest) throw new ApiError(400, 'DBS.200001', `${col}: a bare "*" is not allowed; use *text for a fuzzy match`, col);
    return { col, op: 'contains', value: rest };
  }
  return { col, op: '=', value };
}

/** Filters of the instance list; every one maps to an indexed column. */
export function instanceFilters(q: ListQuery): Filter[] {
  const where: (Filter | undefined)[] = [
    textFilter('id', q.id),
    textFilter('name', q.name),
    q.type ? { col: 'type', op: '=', value: q.type } : undefined,
    q.datastore_type ? { col: 'datastore_type', op: '=', value: q.datastore_type.toLowerCase() } : undefined,
    q.vpc_id ? { col: 'vpc_id', op: '=', value: q.vpc_id } : undefined,
    q.subnet_id ? { col: 'subnet_id', op: '=', value: q.subnet_id } : undefined,
    q.charge_mode ? { col: 'charge_mode', op: '=', value: q.charge_mode } : undefined,
  ];
  for (const pair of (q.tags ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    // `k=v`: an instance with exactly that tag; `k`: one with the key, whatever its value (indexed set `tag`).
    where.push(eq < 0 ? { col: 'tag', op: 'hasPrefix', value: `${pair}=` } : { col: 'tag', op: 'has', value: `${pair.slice(0, eq)}=${pair.slice(eq + 1)}` });
  }
  return where.filter((f): f is Filter => !!f);
}

function list(ctx: HandlerContext, variant: 'v3.1' | 'v3') {
  const project = requireProject(ctx);
  const q = input<ListQuery>(ctx.query);
  const { offset, limit } = paging(q, 100);
  const page = instances(ctx.rt).find({
    projectId: project.id,
    where: instanceFilters(q),
    orderBy: [{ col: 'created_at', desc: true }],
    offset,
    limit,
  });
  return { instances: page.items.map((i) => listView(i, variant)), total_count: page.total };
}

registerHandler('listInstances', (ctx) => list(ctx, 'v3.1'));
registerHandler('listInstancesV3', (ctx) => list(ctx, 'v3'));

/** 4.4.3: the delete job ends by moving the instance to the recycle bin. */
registerHandler('deleteInstance', (ctx) => {
  const project = requireProject(ctx);
  const { instance_id } = input<{ instance_id: string }>(ctx.path);
  const inst = getInstanceOr404(ctx.rt, project.id, instance_id);
  const job = startInstanceAction(ctx.rt, inst, 'delete', {
    jobName: 'DeleteGaussDBV5Instance',
    durationMs: JOB_DURATIONS.DeleteGaussDBV5Instance,
    onComplete: { kind: 'instances.movedToRecycleBin' },
  });
  return { job_id: job.id };
});

registerHandler('getProjectQuotas', (ctx) => {
  const project = requireProject(ctx);
  const used = instances(ctx.rt).count({ projectId: project.id });
  return { quotas: { resources: [{ type: 'instance', used, quota: ctx.rt.settings.instanceQuota }] } };
});

const FORMS: Record<string, { initial_node_num: number | null; shard_num: number; replica_num: number }> = {
  triset: { initial_node_num: 3, shard_num: 1, replica_num: 3 },
  double: { initial_node_num: null, shard_num: 1, replica_num: 2 },
  hws: { initial_node_num: null, shard_num: 3, replica_num: 3 },
  hcs2: { initial_node_num: null, shard_num: 3, replica_num: 3 },
};

/** 4.4.12: the shape of a solution, or of an existing instance. */
registerHandler('getDeploymentForm', (ctx) => {
  const project = requireProject(ctx);
  const q = input<{ instance_id?: string; solution?: string }>(ctx.query);
  if (q.instance_id) {
    const inst = getInstanceOr404(ctx.rt, project.id, q.instance_id);
    const form = FORMS[inst.solution] ?? FORMS.triset!;
    return { ...form, solution: inst.solution, shard_num: inst.shard_num, replica_num: inst.replica_num };
  }
  if (!q.solution) throw new ApiError(400, 'DBS.200001', 'give at least one of solution or instance_id');
  const form = FORMS[q.solution];
  if (!form) throw new ApiError(400, 'DBS.280635', `solution: must be one of ${Object.keys(FORMS).join(', ')}`, 'solution');
  return { ...form, solution: q.solution };
});

const nodeStatus = (s: string) => (s === 'ACTIVE' ? 'normal' : s === 'BUILD' ? 'creating' : s === 'STOPPED' ? 'stopped' : 'abnormal');

/** 4.4.9: nodes with their components, filtered by component type and AZ as the reference describes. */
registerHandler('listComponents', (ctx) => {
  const project = requireProject(ctx);
  const { instance_id } = input<{ instance_id: string }>(ctx.path);
  const q = input<{ component_type?: string; availability_zone_id?: string; offset?: number; limit?: number }>(ctx.query);
  const inst = getInstanceOr404(ctx.rt, project.id, instance_id);
  const type = (q.component_type ?? 'ALL').toUpperCase();
  const az = q.availability_zone_id && q.availability_zone_id.toUpperCase() !== 'ALL' ? q.availability_zone_id : undefined;
  const all = inst.nodes.flatMap((n) => n.components.map((c) => ({ node: n, c })));
  const primaryAz = (t: string) => all.find((x) => x.c.type === t && x.c.role === 'master')?.node.availability_zone;
  const shardsInAz = new Set(all.filter((x) => x.c.type === 'DN' && x.c.role === 'master' && x.node.availability_zone === az).map((x) => x.c.distributed_id));
  const keep = (node: InstanceDoc['nodes'][number], c: ComponentDoc) => {
    if (type !== 'ALL' && c.type !== type) return false;
    if (!az) return true;
    if (c.type === 'DN') return shardsInAz.has(c.distributed_id);
    if (c.type === 'CN') return node.availability_zone === az;
    return primaryAz(c.type) === az;
  };
  const nodes = inst.nodes
    .map((n) => ({ n, comps: n.components.filter((c) => keep(n, c)) }))
    .filter((x) => x.comps.length > 0)
    .map(({ n, comps }) => ({
      id: n.id,
      name: n.name,
      availability_zone_id: n.availability_zone,
      description: n.availability_zone,
      status: nodeStatus(n.status),
      components: comps.map((c) => ({ id: c.id, role: c.role, status: c.status, distributed_id: c.distributed_id, type: c.type, detail: '' })),
    }));
  const { offset, limit } = paging(q, 100);
  return { nodes: nodes.slice(offset, offset + limit), total_count: nodes.length };
});

/** 4.3.1: strings, as the reference sends them. Usage is a stable figure between 8 % and 60 % of the disk. */
registerHandler('getVolumeUsage', (ctx) => {
  const project = requireProject(ctx);
  const { instance_id } = input<{ instance_id: string }>(ctx.path);
  const inst = getInstanceOr404(ctx.rt, project.id, instance_id);
  const share = inst.status === 'STORAGE FULL' ? 1 : (8 + stableInt(inst.id, 53)) / 100;
  const used = Math.round(inst.volume.size * share);
  return { used: String(used), total: `${inst.volume.size}.0` };
});

