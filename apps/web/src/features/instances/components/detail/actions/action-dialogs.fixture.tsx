import type { ComponentNode, Instance } from '@gaussdb-console/api-client/browser';
import type { ComponentType } from 'react';
import { vi } from 'vitest';
import { fakeBff, type Answer, type FakeBffOptions } from '../../../../../test/fake-bff';
import { renderWithBff } from '../../../../../test/render';
import type { ActionDialogProps } from './action-types';

export { refusal, type Answer } from '../../../../../test/fake-bff';

/** The console's fake BFF answering these operations (each answer checked against the contract). */
export function fakeOps(answers: FakeBffOptions['answers'], options: Omit<FakeBffOptions, 'answers'> = {}) {
  const bff = fakeBff({ ...options, answers });
  return { ...bff, sentTo: bff.callsTo };
}

/** An action dialog, open, on the instance's page, with spies for the job it hands over and for closing. */
export function renderDialog(
  Dialog: ComponentType<ActionDialogProps>,
  instance: Instance,
  bff: ReturnType<typeof fakeOps>,
) {
  const onJob = vi.fn();
  const onOpenChange = vi.fn();
  const utils = renderWithBff(
    <Dialog project="demo" instance={instance} open onOpenChange={onOpenChange} onJob={onJob} />,
    bff,
    {
      route: `/p/demo/instances/${instance.id}`,
      path: '/p/:project/instances/:instanceId',
    },
  );
  return { ...utils, onJob, onOpenChange };
}

const ID = '6f1e2d3c4b5a69788796a5b4c3d2e1f0in14';
export const centralized: Instance = {
  id: ID,
  name: 'gauss-prod-01',
  status: 'ACTIVE',
  type: 'Centralization_standard',
  ha: { mode: 'centralization_standard' },
  solution: 'triset',
  replica_num: 3,
  flavor_ref: 'gaussdb.opengauss.ee.dn.m6.xlarge.8.ha',
  flavor_info: { vcpu: 4, mem: 32 },
  volume: { type: 'ULTRAHIGH', size: 120 },
  nodes: [
    {
      id: 'n1no14',
      name: 'gauss-prod-01_dn_1',
      role: 'master',
      status: 'ACTIVE',
      availability_zone: 'az1xahz',
      private_ip: '192.168.0.11',
    },
    {
      id: 'n2no14',
      name: 'gauss-prod-01_dn_2',
      role: 'slave',
      status: 'ACTIVE',
      availability_zone: 'az2xahz',
      private_ip: '192.168.0.12',
    },
    {
      id: 'n3no14',
      name: 'gauss-prod-01_dn_3',
      role: 'slave',
      status: 'ACTIVE',
      availability_zone: 'az3xahz',
      private_ip: '192.168.0.13',
    },
  ],
};

export const distributed: Instance = {
  ...centralized,
  id: ID.replace('6f', '7a'),
  name: 'gauss-dist-01',
  type: 'Enterprise',
  ha: { mode: 'enterprise' },
  solution: 'hws',
  flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.8.in',
  volume: { type: 'ULTRAHIGH', size: 480 },
};

/** Three nodes, each with a CN and one replica of each of three shards (one primary per node). */
export const distributedComponents: ComponentNode[] = [1, 2, 3].map((n) => ({
  id: `n${n}no14`,
  name: `gauss-dist-01_node_${n}`,
  availability_zone_id: `az${n}xahz`,
  status: 'normal',
  components: [
    { id: `cn_500${n}`, type: 'CN', role: 'master', status: 'Normal', distributed_id: '' },
    ...[1, 2, 3].map((s) => ({
      id: `dn_60${s}${n}`,
      type: 'DN',
      role: s === n ? 'master' : 'slave',
      status: s === n ? 'Primary' : 'Standby',
      distributed_id: `600${s}`,
    })),
  ],
}));

/** A dialog on the distributed instance, whose components the fake BFF lists, with the operation's answer. */
export function renderOnDistributed(
  Dialog: ComponentType<ActionDialogProps>,
  operation: 'stopNodes' | 'expandInstance' | 'switchShardPrimary',
  answer: Answer,
) {
  const bff = fakeOps({
    listComponents: { status: 200, body: { nodes: distributedComponents, total_count: 3 } },
    [operation]: answer,
  });
  return { bff, ...renderDialog(Dialog, distributed, bff) };
}
