import { DAY, MINUTE } from '../clock/clock';
import { seededId } from '../domain/ids';
import { activated, planInstance, type CreateInstanceBody } from '../domain/instance-create';
import { instancesCollection, type InstanceDoc } from '../domain/instance-model';
import type { EmulatorRuntime } from '../runtime';
import { loadScaleTenants } from './scale-tenants';

const SHAPES: readonly Omit<CreateInstanceBody, 'name' | 'region' | 'vpc_id' | 'subnet_id' | 'password'>[] = [
  {
    datastore: { type: 'GaussDB', version: '8.201' },
    ha: { mode: 'centralization_standard', consistency: 'strong', replication_mode: 'sync' },
    solution: 'triset',
    flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
    availability_zone: 'az1xahz,az2xahz,az3xahz',
    volume: { type: 'ULTRAHIGH', size: 200 },
  },
  {
    datastore: { type: 'GaussDB', version: '8.102' },
    ha: { mode: 'centralization_standard', consistency: 'strong', replication_mode: 'sync' },
    solution: 'triset',
    flavor_ref: 'gaussdb.opengauss.ee.c3.2xlarge.x864.ha',
    availability_zone: 'az2xahz,az2xahz,az2xahz',
    volume: { type: 'ULTRAHIGH', size: 100 },
  },
  {
    datastore: { type: 'GaussDB', version: '8.201' },
    ha: { mode: 'enterprise', consistency: 'strong', replication_mode: 'sync' },
    flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in',
    availability_zone: 'az1xahz,az2xahz,az3xahz',
    volume: { type: 'ULTRAHIGH', size: 480 },
    sharding_num: 3,
    coordinator_num: 3,
  },
];

/**
 * `--seed scale:N`: N ACTIVE instances in the main project, inserted in one transaction (benchmarks, paging
 * tests). Built by the same `planInstance` as real creates; varied names, VPCs, tags and ages; one centralized
 * instance in fifty is a multi-tenant container with a tenant (scale-tenants.ts).
 */
export function loadScale(rt: EmulatorRuntime, count: number, now: number): void {
  const project = rt.projects.find((p) => p.role === 'main')!;
  const docs: InstanceDoc[] = [];
  for (let i = 0; i < count; i++) {
    const shape = SHAPES[i % SHAPES.length]!;
    const name = `scale-${String(i).padStart(5, '0')}`;
    let n = 0;
    const ids = {
      instance: () => seededId(`scale:${i}`, 'in14'),
      node: () => seededId(`scale:${i}:${n++}`, 'no14'),
    };
    const createdAt = now - (count - i) * 7 * MINUTE - DAY;
    const inst = planInstance(
      project,
      {
        ...shape,
        name,
        region: project.region,
        vpc_id: `vpc-${i % 10}`,
        subnet_id: `subnet-${i % 20}`,
        port: '8000',
        password: 'Scale@seed2026x',
      },
      createdAt,
      ids,
    );
    inst.tags = [
      { key: 'env', value: ['prod', 'staging', 'dev'][i % 3]! },
      { key: 'team', value: `team${i % 25}` },
    ];
    docs.push(activated(inst, createdAt + 15 * MINUTE));
  }
  rt.store.collection(instancesCollection).putMany(docs);
  loadScaleTenants(
    rt,
    docs.map((doc, index) => ({ index, doc })),
  );
}
