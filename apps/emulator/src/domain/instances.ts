import { ApiError } from '../http/errors';
import type { Operations } from '@gaussdb-console/api-client';
import { registerHandler, type HandlerContext, type QueryOf, type ResponseOf } from '../http/handlers';
import { JOB_DURATIONS } from '../jobs/job-model';
import type { Filter } from '../store/collection';
import { paging, requireProject } from './context';
import { assertQuota, planInstance, startCreate, type CreateInstanceBody } from './instance-create';
import type { ComponentDoc, InstanceDoc } from './instance-model';
import { getInstanceOr404, instances, startInstanceAction } from './instance-state';
import { createView, listView } from './instance-views';

/** 4.4.1 / 5.1.1: create. The response echoes the instance in BUILD plus the job id. */
function create(
  ctx: Pick<HandlerContext, 'project' | 'rt'>,
  body: CreateInstanceBody,
  variant: 'v3.1' | 'v3',
): ResponseOf<Operations['createInstance']> {
  const project = requireProject(ctx);
  assertQuota(ctx.rt, project.id);
  const inst = planInstance(project, body, ctx.rt.clock.now());
  const job = startCreate(ctx.rt, inst);
  const instance = createView({ ...inst, status: 'BUILD' }, variant);
  return inst.charge_mode === 'prePaid'
    ? { instance, job_id: job.id, order_id: job.id.replace(/-/g, '') }
    : { instance, job_id: job.id };
}

registerHandler('createInstance', (ctx) => create(ctx, ctx.body, 'v3.1'));
registerHandler('createInstanceV3', (ctx) => create(ctx, ctx.body, 'v3'));

/** The filters of 4.4.4 (5.1.2 takes the same ones). */
type ListQuery = QueryOf<'listInstances'>;

/** `*abc` is a fuzzy (contains) match, anything else exact; a bare `*` is refused (4.4.4). */
function textFilter(col: string, value: string | undefined): Filter | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.startsWith('*')) {
    const rest = value.slice(1);
    if (!rest)
      throw new ApiError(
        400,
        'DBS.200001',
        `${col}: a bare "*" is not allowed; use *text for a fuzzy match`,
        col,
      );
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
  for (const pair of (q.tags ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    // `k=v`: an instance with exactly that tag; `k`: one with the key, whatever its value (indexed set `tag`).
    where.push(
      eq < 0
        ? { col: 'tag', op: 'hasPrefix', value: `${pair}=` }
        : { col: 'tag', op: 'has', value: `${pair.slice(0, eq)}=${pair.slice(eq + 1)}` },
    );
  }
  return where.filter((f): f is Filter => !!f);
}

function list(ctx: Pick<HandlerContext, 'project' | 'rt'>, q: ListQuery, variant: 'v3.1' | 'v3') {
  const project = requireProject(ctx);
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

registerHandler('listInstances', (ctx) => list(ctx, ctx.query, 'v3.1'));
registerHandler('listInstancesV3', (ctx) => list(ctx, ctx.query, 'v3'));

/** 4.4.3: the delete job ends by moving the instance to the recycle bin. */
registerHandler('deleteInstance', (ctx) => {
  const project = requireProject(ctx);
  const { instance_id } = ctx.path;
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
  const q = ctx.query;
  if (q.instance_id) {
    const inst = getInstanceOr404(ctx.rt, project.id, q.instance_id);
    const form = FORMS[inst.solution] ?? FORMS.triset!;
    return { ...form, solution: inst.solution, shard_num: inst.shard_num, replica_num: inst.replica_num };
  }
  if (!q.solution) throw new ApiError(400, 'DBS.200001', 'give at least one of solution or instance_id');
  const form = FORMS[q.solution];
  if (!form)
    throw new ApiError(
      400,
      'DBS.280635',
      `solution: must be one of ${Object.keys(FORMS).join(', ')}`,
      'solution',
    );
  return { ...form, solution: q.solution };
});

const nodeStatus = (s: string) =>
  s === 'ACTIVE' ? 'normal' : s === 'BUILD' ? 'creating' : s === 'STOPPED' ? 'stopped' : 'abnormal';

/** 4.4.9: nodes with their components, filtered by component type and AZ as the reference describes. */
registerHandler('listComponents', (ctx) => {
  const project = requireProject(ctx);
  const { instance_id } = ctx.path;
  const q = ctx.query;
  const inst = getInstanceOr404(ctx.rt, project.id, instance_id);
  const type = (q.component_type ?? 'ALL').toUpperCase();
  const az =
    q.availability_zone_id && q.availability_zone_id.toUpperCase() !== 'ALL'
      ? q.availability_zone_id
      : undefined;
  const all = inst.nodes.flatMap((n) => n.components.map((c) => ({ node: n, c })));
  const primaryAz = (t: string) =>
    all.find((x) => x.c.type === t && x.c.role === 'master')?.node.availability_zone;
  const shardsInAz = new Set(
    all
      .filter((x) => x.c.type === 'DN' && x.c.role === 'master' && x.node.availability_zone === az)
      .map((x) => x.c.distributed_id),
  );
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
      components: comps.map((c) => ({
        id: c.id,
        role: c.role,
        status: c.status,
        distributed_id: c.distributed_id,
        type: c.type,
        detail: '',
      })),
    }));
  const { offset, limit } = paging(q, 100);
  return { nodes: nodes.slice(offset, offset + limit), total_count: nodes.length };
});
