import type { Project } from '../auth/projects';
import { ApiError } from '../http/errors';
import type { BodyOf } from '../http/handlers';
import { JOB_DURATIONS } from '../jobs/job-model';
import type { JobDoc } from '../jobs/job-model';
import type { EmulatorRuntime } from '../runtime';
import { offeredVersion } from './engine-versions';
import { completeVersion, compareVersions, findFlavor, azStatus, LATEST_VERSION, VERSIONS } from './flavors';
import { newId } from './ids';
import type { HaMode, InstanceDoc } from './instance-model';
import { instances, registerInstanceEffect } from './instance-state';
import { buildTopology, markNodes } from './instance-topology';

/** The create body of 4.4.1 as the contract validated it (5.1.1's is a subset of it). */
export type CreateInstanceBody = BodyOf<'createInstance'>;

/** The contract's literal unions widened to their base types (an enum becomes `string`), shape kept. */
type Widened<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer E)[]
        ? Widened<E>[]
        : T extends object
          ? { [K in keyof T]: Widened<T[K]> }
          : T;

/**
 * What `planInstance` needs: the create body, with enum values widened, because internal callers (seeds,
 * restores) take them from a stored instance rather than from a validated request.
 */
export type InstancePlanInput = Widened<CreateInstanceBody>;

const bad = (code: string, detail: string, field?: string) => new ApiError(400, code, detail, field);

/**
 * Checks the rules that need the catalogue or the project (flavor, AZs, version, shards × disk) and returns the
 * new instance document in BUILD. Pure: writes nothing. Seeds use it too, so demo data obeys the same rules.
 */
export function planInstance(
  project: Project,
  body: InstancePlanInput,
  now: number,
  ids: { instance: () => string; node: () => string } = {
    instance: () => newId('in14'),
    node: () => newId('no14'),
  },
): InstanceDoc {
  const mode = body.ha.mode.toLowerCase() as HaMode;
  if (!['centralization_standard', 'enterprise', 'combined'].includes(mode))
    throw bad('DBS.280402', `ha.mode: must be enterprise, combined or centralization_standard`, 'ha.mode');
  // New instances run an offered version (EMU-12): `8.201`, also spelled `8.201.0` or `V2.0-8.201`.
  const version = offeredVersion(body.datastore.version ?? LATEST_VERSION);
  if (!version) {
    throw bad(
      'DBS.200040',
      `datastore.version: ${body.datastore.version} is not supported; supported versions: ${VERSIONS.join(', ')}`,
      'datastore.version',
    );
  }
  if (body.region !== project.region)
    throw bad(
      'DBS.200024',
      `region: must be ${project.region} (the region of project ${project.id})`,
      'region',
    );

  const flavor = findFlavor(body.flavor_ref);
  if (!flavor)
    throw bad(
      'DBS.280288',
      `flavor_ref: unknown flavor ${body.flavor_ref} (list them with GET /v3.1/{project_id}/flavors)`,
      'flavor_ref',
    );
  if (!flavor.modes.includes(mode))
    throw bad(
      'DBS.280288',
      `flavor_ref: ${body.flavor_ref} is not a flavor for ha.mode ${mode}`,
      'flavor_ref',
    );

  const centralized = mode === 'centralization_standard';
  const solution = body.solution ?? (centralized ? 'triset' : mode === 'combined' ? 'hcs2' : 'hws');
  const allowed = centralized ? ['triset', 'double'] : mode === 'combined' ? ['hcs2'] : ['hws'];
  if (!allowed.includes(solution))
    throw bad('DBS.280635', `solution: must be ${allowed.join(' or ')} for ha.mode ${mode}`, 'solution');

  const azs = body.availability_zone
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const status = azStatus(flavor, project);
  for (const az of azs) {
    if (!(az in status))
      throw bad(
        'DBS.200025',
        `availability_zone: ${az} is not an AZ of ${project.region} (${project.azs.join(', ')})`,
        'availability_zone',
      );
    if (status[az] === 'unsupported')
      throw bad(
        'DBS.200025',
        `availability_zone: flavor ${flavor.spec_code} is not offered in ${az}`,
        'availability_zone',
      );
    if (status[az] === 'sellout')
      throw bad(
        'DBS.200025',
        `availability_zone: flavor ${flavor.spec_code} is sold out in ${az}`,
        'availability_zone',
      );
  }
  const distinct = new Set(azs).size;
  if (solution === 'double') {
    if (azs.length !== 2 || distinct !== 2)
      throw bad(
        'DBS.200025',
        'availability_zone: 1 primary + 1 standby (double) needs two different AZs',
        'availability_zone',
      );
    if (compareVersions(version, '3.220') < 0)
      throw bad('DBS.280629', 'solution: double needs engine version 3.220 or later', 'solution');
    if (body.ha.consistency_protocol && body.ha.consistency_protocol.toLowerCase() !== 'paxos') {
      throw bad(
        'DBS.200001',
        'ha.consistency_protocol: 1 primary + 1 standby (double) supports only paxos',
        'ha.consistency_protocol',
      );
    }
    if (!body.master_az) throw bad('DBS.200025', 'master_az: required when solution is double', 'master_az');
  } else if (centralized || azs.length !== 1) {
    if (azs.length !== 3 || (distinct !== 1 && distinct !== 3)) {
      throw bad(
        'DBS.200025',
        'availability_zone: give three AZs, all the same or all different (e.g. az1,az1,az1)',
        'availability_zone',
      );
    }
  }
  if (body.master_az && !azs.includes(body.master_az))
    throw bad('DBS.200025', 'master_az: must be one of availability_zone', 'master_az');
  if (body.master_az && !centralized)
    throw bad('DBS.200001', 'master_az: only supported for centralized instances', 'master_az');

  const shards = centralized ? 1 : (body.sharding_num ?? 3);
  const coordinators = centralized ? 0 : (body.coordinator_num ?? 3);
  if (!centralized && (shards < 1 || shards > 256))
    throw bad('DBS.280604', 'sharding_num: must be 1–256', 'sharding_num');
  if (!centralized && (coordinators < 1 || coordinators > 2 * shards))
    throw bad('DBS.200001', 'coordinator_num: must be 1 to 2 × sharding_num', 'coordinator_num');

  if (body.volume.type !== 'ULTRAHIGH')
    throw bad('DBS.200026', 'volume.type: only ULTRAHIGH (SSD) is supported', 'volume.type');
  const size = Number(body.volume.size);
  if (!Number.isInteger(size) || size < shards * 40 || size > shards * 16384) {
    throw bad(
      'DBS.200023',
      `volume.size: must be ${shards * 40}–${shards * 16384} GB for ${shards} shard(s)`,
      'volume.size',
    );
  }
  if (size % (shards * 4) !== 0)
    throw bad(
      'DBS.280611',
      `volume.size: must be a multiple of ${shards * 4} GB (4 GB × ${shards} shard(s))`,
      'volume.size',
    );

  const chargeMode = body.charge_info?.charge_mode ?? 'postPaid';
  if (!['postPaid', 'prePaid'].includes(chargeMode))
    throw bad(
      'DBS.280365',
      'charge_info.charge_mode: must be postPaid or prePaid',
      'charge_info.charge_mode',
    );

  const id = ids.instance();
  const replicas = solution === 'double' ? 2 : 3;
  const nodes = buildTopology({
    instanceId: id,
    name: body.name,
    mode,
    solution,
    azs,
    masterAz: body.master_az ?? null,
    shards,
    coordinators,
    replicas,
    newNodeId: ids.node,
  });
  const keep = body.backup_strategy?.keep_days;
  return {
    id,
    project_id: project.id,
    name: body.name,
    status: 'BUILD',
    created_at: now,
    updated_at: null,
    mode,
    solution,
    datastore: { type: 'GaussDB', version, complete_version: completeVersion(version), hotfix_versions: '' },
    ha: {
      mode,
      consistency: body.ha.consistency.toLowerCase(),
      replication_mode: body.ha.replication_mode,
      consistency_protocol: (
        body.ha.consistency_protocol ?? (solution === 'double' ? 'paxos' : 'quorum')
      ).toLowerCase(),
    },
    replica_num: replicas,
    shard_num: shards,
    coordinator_num: coordinators,
    port: Number(body.port ?? 8000),
    flavor_ref: flavor.spec_code,
    vcpus: flavor.vcpus,
    ram: flavor.ram,
    volume: { type: body.volume.type, size },
    region: project.region,
    availability_zone: azs.join(','),
    vpc_id: body.vpc_id,
    subnet_id: body.subnet_id,
    security_group_id: body.security_group_id ?? '',
    charge_mode: chargeMode,
    time_zone: body.time_zone ?? 'UTC',
    backup_strategy: {
      start_time: body.backup_strategy?.start_time ?? '02:00-03:00',
      keep_days: keep === undefined || keep === 0 ? 7 : keep,
    },
    maintenance_window: '02:00-06:00',
    configuration_id: body.configuration_id ?? null,
    disk_encryption_id: body.disk_encryption_id ?? '',
    enterprise_project_id: body.enterprise_project_id ?? '0',
    enable_force_switch: body.enable_force_switch ?? false,
    enable_single_float_ip: body.enable_single_float_ip ?? false,
    os_type: body.os_type ?? 'Euler',
    master_az: body.master_az ?? null,
    switch_strategy: 'Reliability',
    db_user_name: 'root',
    tags: [],
    public_ips: [],
    nodes,
    frozen: false,
    stopped: false,
    pending: null,
  };
}

/** The instance as it looks once its create job completed: ACTIVE, every node and component up. */
export function activated(inst: InstanceDoc, at: number): InstanceDoc {
  return { ...inst, status: 'ACTIVE', updated_at: at, nodes: markNodes(inst.nodes, 'ACTIVE'), pending: null };
}

/** Counts toward the quota: every instance of the project still listed. */
export function assertQuota(rt: EmulatorRuntime, projectId: string, adding = 1): void {
  const used = instances(rt).count({ projectId });
  if (used + adding > rt.settings.instanceQuota) {
    throw new ApiError(
      413,
      'DBS.200046',
      `The number of DB instances has reached the quota (${used} of ${rt.settings.instanceQuota} used).`,
    );
  }
}

/** Stores the new instance in BUILD and starts `CreateGaussDBV5Instance`. */
export function startCreate(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  options: { failWith?: string; jobName?: string; durationMs?: number } = {},
): JobDoc {
  const job = rt.jobs.createJob({
    projectId: inst.project_id,
    name: options.jobName ?? 'CreateGaussDBV5Instance',
    instanceId: inst.id,
    instanceName: inst.name,
    durationMs:
      options.durationMs ??
      (inst.mode === 'centralization_standard'
        ? JOB_DURATIONS.CreateGaussDBV5Instance
        : JOB_DURATIONS.CreateGaussDBV5InstanceDistributed),
    onComplete: {
      kind: 'instance.action.completed',
      args: { action: 'create', previous: 'BUILD', then: { kind: 'instances.created' } },
    },
    onFail: {
      kind: 'instance.action.failed',
      args: { action: 'create', previous: 'BUILD', then: { kind: 'instances.createFailed' } },
    },
    failWith: options.failWith,
  });
  instances(rt).put({ ...inst, pending: { action: 'create', job_id: job.id } });
  return job;
}

registerInstanceEffect('instances.created', (rt, _args, job) => {
  const col = instances(rt);
  const inst = col.get(job.project_id, job.instance_id);
  if (inst) col.put({ ...inst, nodes: markNodes(inst.nodes, 'ACTIVE') });
});

registerInstanceEffect('instances.createFailed', (rt, _args, job) => {
  const col = instances(rt);
  const inst = col.get(job.project_id, job.instance_id);
  if (inst) col.put({ ...inst, nodes: markNodes(inst.nodes, 'FAILED') });
});
