import { ApiError } from '../../http/errors';
import type { EffectRef, JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import { SERVER_CODES } from '../databases/codes';
import { createUser, dropScope } from '../databases/service';
import { newId } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { registerInstanceEffect, startInstanceAction } from '../instance-state';
import { assertDiskEnlargement, assertDiskFits, assertFlavorOffered } from './capacity';
import { assertTenantReady, requireMultiTenant, tenants, tenantsOf, type TenantDoc } from './model';
import { assertTemplateOf, checkParameterValues } from './parameters';
import type { BodyOf } from '../../http/handlers';

/**
 * Tenant create/delete/resize/disk/parameter changes (4.10.1–4.10.4, 4.10.6). Each runs as a job of its
 * instance through the instance state machine (action `tenant`: the instance must be ACTIVE, not frozen and
 * not busy; it stays ACTIVE but takes no other operation until the job ends). The tenant shows its own status
 * meanwhile, and the job's completion applies the change (or undoes the reservation when it fails).
 */
export const TENANT_JOBS = {
  create: { name: 'CreateGaussDBV5Tenant', durationMs: 5 * 60_000 },
  delete: { name: 'DeleteGaussDBV5Tenant', durationMs: 2 * 60_000 },
  resize: { name: 'ResizeGaussDBV5TenantFlavor', durationMs: 4 * 60_000 },
  enlarge: { name: 'EnlargeGaussDBV5TenantVolume', durationMs: 2 * 60_000 },
  parameters: { name: 'ModifyGaussDBV5TenantParameters', durationMs: 60_000 },
} as const;

type TenantAction = keyof typeof TENANT_JOBS;

function startTenantJob(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  action: TenantAction,
  pdbId: string,
  args: Record<string, unknown> = {},
): JobDoc {
  const spec = TENANT_JOBS[action];
  const ref = (outcome: 'done' | 'failed'): EffectRef => ({
    kind: `tenants.${action}.${outcome}`,
    args: { pdb_id: pdbId, ...args },
  });
  return startInstanceAction(rt, inst, 'tenant', {
    jobName: spec.name,
    durationMs: spec.durationMs,
    onComplete: ref('done'),
    onFail: ref('failed'),
  });
}

/** Smallest logical id not in use: 1 is the container's own, tenants start at 2 (range 1–4095). */
function nextOid(rt: EmulatorRuntime, inst: InstanceDoc): number {
  const used = new Set(tenantsOf(rt, inst).map((t) => t.oid));
  for (let oid = 2; oid <= 4095; oid++) if (!used.has(oid)) return oid;
  throw new ApiError(400, 'DBS.200001', 'The instance already holds the maximum number of tenants (4094).');
}

/** 4.10.1's body as the contract validated it (seeds build the same shape). */
export type NewTenant = BodyOf<'createTenant'>;

/**
 * The checks of 4.10.1 and the new tenant document (status `creating`); writes nothing. Seeds use it too, so
 * demo tenants obey the same rules.
 */
export function planTenant(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  body: NewTenant,
  now: number,
  id: string = newId('po14'),
): TenantDoc {
  requireMultiTenant(rt, inst);
  if (inst.stopped)
    throw new ApiError(400, 'DBS.200086', 'The DB instance is stopped; create tenant is not allowed.');
  if (tenantsOf(rt, inst).some((t) => t.name === body.pdb_name)) {
    throw new ApiError(
      409,
      SERVER_CODES.databaseExists,
      `pdb_name: a tenant named "${body.pdb_name}" already exists in this instance`,
      'pdb_name',
    );
  }
  assertFlavorOffered(inst, body.cpu, body.mem);
  const disk = Number(body.disk);
  assertDiskFits(rt, inst, disk);
  assertTemplateOf(inst, body.configuration_id);
  return {
    id,
    project_id: inst.project_id,
    instance_id: inst.id,
    name: body.pdb_name,
    status: 'creating',
    cpu: body.cpu,
    mem: body.mem,
    disk,
    oid: nextOid(rt, inst),
    config_id: body.configuration_id,
    encoding: body.encoding ?? 'UTF8',
    lc_collate: body.lc_collate ?? 'C',
    lc_ctype: body.lc_ctype ?? 'C',
    parameters: {},
    created_at: now,
    updated_at: now,
    pending: null,
  };
}

/** Stores a planned tenant with its root account (the password of `pdb_pd_in_db`). */
export function storeTenant(rt: EmulatorRuntime, tenant: TenantDoc, rootPassword: string): TenantDoc {
  tenants(rt).put(tenant);
  createUser(
    rt,
    { projectId: tenant.project_id, instanceId: tenant.instance_id, pdbId: tenant.id },
    { name: 'root', password: rootPassword, builtin: true },
    tenant.created_at,
  );
  return tenant;
}

/** 4.10.1: checks, stores the tenant `creating` with its root account, and starts CreateGaussDBV5Tenant. */
export function createTenant(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  body: NewTenant,
  now: number,
): { tenant: TenantDoc; job: JobDoc } {
  const planned = planTenant(rt, inst, body, now);
  const job = startTenantJob(rt, inst, 'create', planned.id);
  const tenant = storeTenant(
    rt,
    { ...planned, pending: { action: 'create', job_id: job.id } },
    body.pdb_pd_in_db,
  );
  return { tenant, job };
}

function markPending(
  rt: EmulatorRuntime,
  t: TenantDoc,
  status: TenantDoc['status'],
  action: NonNullable<TenantDoc['pending']>['action'],
  job: JobDoc,
): void {
  tenants(rt).put({ ...t, status, pending: { action, job_id: job.id } });
}

/** 4.10.2: a normal tenant, or one whose creation failed. */
export function deleteTenant(rt: EmulatorRuntime, inst: InstanceDoc, t: TenantDoc): JobDoc {
  requireMultiTenant(rt, inst);
  if (t.status !== 'createfail') assertTenantReady(t, 'delete tenant');
  const job = startTenantJob(rt, inst, 'delete', t.id, { previous: t.status });
  markPending(rt, t, 'deleting', 'delete', job);
  return job;
}

/** 4.10.3: a pair listTenantFlavors offers, different from the current one. */
export function resizeTenant(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  t: TenantDoc,
  cpu: number,
  mem: number,
): JobDoc {
  requireMultiTenant(rt, inst);
  assertTenantReady(t, 'resize tenant');
  assertFlavorOffered(inst, cpu, mem);
  if (cpu === t.cpu && mem === t.mem) {
    throw new ApiError(
      400,
      'DBS.200054',
      `cpu/mem: the tenant already has ${cpu} vCPUs and ${mem} GB`,
      'cpu',
    );
  }
  const job = startTenantJob(rt, inst, 'resize', t.id, { cpu, mem });
  markPending(rt, t, 'modifying', 'resize', job);
  return job;
}

/**
 * 4.10.4: the new total disk (PDB-5). Applied when the job completes; no other tenant job can start on the
 * instance meanwhile, so the free space checked here is still free then.
 */
export function enlargeTenantDisk(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  t: TenantDoc,
  disk: number,
): JobDoc {
  requireMultiTenant(rt, inst);
  assertTenantReady(t, 'enlarge tenant disk');
  assertDiskEnlargement(rt, inst, t, disk);
  const job = startTenantJob(rt, inst, 'enlarge', t.id, { disk, previous_disk: t.disk });
  markPending(rt, t, 'modifying', 'enlarge', job);
  return job;
}

/** 4.10.6: values are checked now and applied when the job completes. */
export function modifyTenantParameters(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  t: TenantDoc,
  values: Record<string, string>,
): JobDoc {
  requireMultiTenant(rt, inst);
  assertTenantReady(t, 'modify tenant parameters');
  checkParameterValues(values);
  const job = startTenantJob(rt, inst, 'parameters', t.id, { values });
  markPending(rt, t, 'modifying', 'parameters', job);
  return job;
}

// ---- job outcomes (run after the instance's own status change) -------------------------------------------

function onTenant(
  kind: string,
  fn: (rt: EmulatorRuntime, t: TenantDoc, args: Record<string, unknown>, job: JobDoc) => void,
): void {
  registerInstanceEffect(kind, (rt, args, job) => {
    const t = tenants(rt).get(job.project_id, String(args.pdb_id));
    if (t) fn(rt, t, args, job);
  });
}

const settle = (rt: EmulatorRuntime, t: TenantDoc, job: JobDoc, change: Partial<TenantDoc>) =>
  tenants(rt).put({ ...t, status: 'normal', pending: null, updated_at: job.due_at, ...change });

onTenant('tenants.create.done', (rt, t, _args, job) => settle(rt, t, job, {}));
onTenant('tenants.create.failed', (rt, t, _args, job) =>
  tenants(rt).put({ ...t, status: 'createfail', pending: null, updated_at: job.due_at }),
);

onTenant('tenants.delete.done', (rt, t) => {
  dropScope(rt, t.project_id, t.instance_id, t.id);
  tenants(rt).delete(t.project_id, t.id);
});
onTenant('tenants.delete.failed', (rt, t, args, job) =>
  tenants(rt).put({
    ...t,
    status: args.previous === 'createfail' ? 'createfail' : 'normal',
    pending: null,
    updated_at: job.due_at,
  }),
);

onTenant('tenants.resize.done', (rt, t, args, job) =>
  settle(rt, t, job, { cpu: Number(args.cpu), mem: Number(args.mem) }),
);
onTenant('tenants.resize.failed', (rt, t, _args, job) => settle(rt, t, job, {}));

onTenant('tenants.enlarge.done', (rt, t, args, job) => settle(rt, t, job, { disk: Number(args.disk) }));
onTenant('tenants.enlarge.failed', (rt, t, _args, job) => settle(rt, t, job, {}));

onTenant('tenants.parameters.done', (rt, t, args, job) =>
  settle(rt, t, job, { parameters: { ...t.parameters, ...(args.values as Record<string, string>) } }),
);
onTenant('tenants.parameters.failed', (rt, t, _args, job) => settle(rt, t, job, {}));
