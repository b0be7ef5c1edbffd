import type { AddTagsRequest, CreateInstanceRequest } from '../../api/use-create-instance';

export type DeployMode = 'centralization_standard' | 'enterprise';
export type CentralSolution = 'triset' | 'double';
export type AzLayout = 'same' | 'different';

/**
 * The wizard's form values. Field names are the request's own (`volume.size`, `backup_strategy.start_time`)
 * so the contract's issue paths and the BFF's `fields[].path` land on the input they concern; inputs keep
 * text, and `toCreateBody` turns it into the request. `password_confirm`, `az_layout` and `tags` are the
 * wizard's own.
 */
export interface WizardValues {
  name: string;
  datastore: { type: 'GaussDB'; version: string };
  ha: {
    mode: DeployMode;
    consistency: 'strong';
    replication_mode: 'sync';
    consistency_protocol: 'quorum' | 'paxos';
  };
  solution: CentralSolution;
  sharding_num: string;
  coordinator_num: string;
  az_layout: AzLayout;
  /** "az1,az1,az1", "az1,az2,az3" or, for a 1-primary-1-standby instance, "az1,az2". */
  availability_zone: string;
  master_az: string;
  flavor_ref: string;
  volume: { type: string; size: string };
  vpc_id: string;
  subnet_id: string;
  security_group_id: string;
  port: string;
  password: string;
  password_confirm: string;
  backup_strategy: { start_time: string; keep_days: string };
  configuration_id: string;
  time_zone: string;
  enterprise_project_id: string;
  tags: { key: string; value: string }[];
}

/** The browser's offset when it is a whole hour in range, else China Standard Time (the service's home). */
export function defaultTimeZone(now = new Date()): string {
  const minutes = -now.getTimezoneOffset();
  if (minutes % 60 !== 0 || Math.abs(minutes) > 12 * 60) return 'UTC+08:00';
  const h = Math.abs(minutes / 60);
  return `UTC${minutes < 0 ? '-' : '+'}${String(h).padStart(2, '0')}:00`;
}

export const defaultValues = (): WizardValues => ({
  name: '',
  datastore: { type: 'GaussDB', version: '' },
  ha: {
    mode: 'centralization_standard',
    consistency: 'strong',
    replication_mode: 'sync',
    consistency_protocol: 'quorum',
  },
  solution: 'triset',
  sharding_num: '3',
  coordinator_num: '3',
  az_layout: 'same',
  availability_zone: '',
  master_az: '',
  flavor_ref: '',
  volume: { type: '', size: '' },
  vpc_id: '',
  subnet_id: '',
  security_group_id: '',
  port: '8000',
  password: '',
  password_confirm: '',
  backup_strategy: { start_time: '02:00-03:00', keep_days: '7' },
  configuration_id: '',
  time_zone: defaultTimeZone(),
  enterprise_project_id: '',
  tags: [],
});

export const isDistributed = (v: Pick<WizardValues, 'ha'>) => v.ha.mode === 'enterprise';

/** Shards the disk rule counts: one for a centralized instance. */
export function shardCount(v: Pick<WizardValues, 'ha' | 'sharding_num'>): number {
  if (!isDistributed(v)) return 1;
  const n = Number(v.sharding_num);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Digits become a number; anything else is sent as typed so the contract names the mistake. */
const integer = (s: string): number | string => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : s);
const trimmed = (s: string) => s.trim();

/** The exact 4.4.1 request body the wizard sends (and shows on the summary step). */
export function toCreateBody(v: WizardValues, region: string): CreateInstanceRequest {
  const distributed = isDistributed(v);
  const body: Record<string, unknown> = {
    name: v.name,
    datastore: { type: v.datastore.type, ...(v.datastore.version ? { version: v.datastore.version } : {}) },
    ha: {
      mode: v.ha.mode,
      consistency: v.ha.consistency,
      replication_mode: v.ha.replication_mode,
      consistency_protocol: v.ha.consistency_protocol,
    },
    flavor_ref: v.flavor_ref,
    volume: { type: v.volume.type, size: integer(v.volume.size) },
    region,
    availability_zone: v.availability_zone,
    vpc_id: trimmed(v.vpc_id),
    subnet_id: trimmed(v.subnet_id),
    password: v.password,
  };
  if (!distributed) body.solution = v.solution;
  if (distributed) {
    body.sharding_num = integer(v.sharding_num);
    body.coordinator_num = integer(v.coordinator_num);
  }
  if (!distributed && v.master_az) body.master_az = v.master_az;
  if (trimmed(v.security_group_id)) body.security_group_id = trimmed(v.security_group_id);
  if (v.port.trim()) body.port = v.port.trim();
  body.backup_strategy = {
    start_time: v.backup_strategy.start_time,
    keep_days: integer(v.backup_strategy.keep_days),
  };
  if (v.configuration_id) body.configuration_id = v.configuration_id;
  if (v.time_zone) body.time_zone = v.time_zone;
  if (v.enterprise_project_id) body.enterprise_project_id = v.enterprise_project_id;
  return body as unknown as CreateInstanceRequest;
}

/** The 4.11.4 body sent after the create, or undefined when no tag was given. */
export function toTagsBody(v: Pick<WizardValues, 'tags'>): AddTagsRequest | undefined {
  const tags = v.tags
    .filter((t) => t.key.trim() !== '' || t.value.trim() !== '')
    .map((t) => ({ key: t.key.trim(), value: t.value.trim() }));
  return tags.length ? { tags } : undefined;
}

export const STEPS = ['basics', 'placement', 'storage', 'access', 'options', 'summary'] as const;
export type StepId = (typeof STEPS)[number];

/** Which inputs each step owns: Next validates these, and a server error on one of them reopens its step. */
export const STEP_FIELDS: Record<StepId, string[]> = {
  basics: [
    'name',
    'datastore.version',
    'ha.mode',
    'solution',
    'ha.consistency_protocol',
    'sharding_num',
    'coordinator_num',
    'region',
  ],
  placement: ['availability_zone', 'master_az', 'flavor_ref'],
  storage: ['volume.type', 'volume.size', 'volume'],
  access: ['vpc_id', 'subnet_id', 'security_group_id', 'port', 'password', 'password_confirm'],
  options: [
    'backup_strategy.start_time',
    'backup_strategy.keep_days',
    'backup_strategy',
    'configuration_id',
    'time_zone',
    'enterprise_project_id',
    'tags',
  ],
  summary: [],
};

/** The step that owns a request path such as `volume.size` or `tags.0.key`. */
export function stepOfPath(path: string): StepId | undefined {
  return STEPS.find((s) => STEP_FIELDS[s].some((f) => path === f || path.startsWith(`${f}.`)));
}
