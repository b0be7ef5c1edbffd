import { DAY, HOUR } from '../../clock/clock';
import type { EmulatorRuntime } from '../../runtime';
import { registerSeedContributor } from '../../seed-data/seed';
import { seededId } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { instances } from '../instance-state';
import { isStopped } from './common';
import { updateOps } from './ops-state';
import { withStoppedNodes } from './nodes';
import { promote } from './switchover';

/**
 * Day-2 state of the demo fleet, so every page of this area has something to show: EIPs on a centralized
 * primary and on a CN, an unbalanced distributed instance, a grey upgrade waiting to be observed, a hot patch,
 * a logger replica, a stopped standby node, advanced features, and a disk that grows under an auto-enlarge
 * policy. Instances come from the core demo seed by name.
 */

function demoInstance(rt: EmulatorRuntime, name: string): InstanceDoc | undefined {
  const main = rt.projects.find((p) => p.role === 'main');
  return main ? instances(rt).get(main.id, seededId(`demo:${name}`, 'in14')) : undefined;
}

function bindIp(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  nodeIndex: number,
  ip: string,
  appliedAt: number,
): void {
  const node = inst.nodes[nodeIndex];
  if (!node) return;
  instances(rt).put({
    ...inst,
    nodes: inst.nodes.map((n) => (n.id === node.id ? { ...n, public_ip: ip } : n)),
    public_ips: [...inst.public_ips, ip],
  });
  updateOps(rt, inst.project_id, inst.id, (d) => ({
    ...d,
    public_ips: [
      ...d.public_ips,
      {
        node_id: node.id,
        public_ip: ip,
        public_ip_id: seededId(`demo:eip:${ip}`, '')
          .slice(0, 32)
          .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        applied_at: appliedAt,
        bandwidth_size: 10,
      },
    ],
  }));
}

export function loadInstanceOpsDemo(rt: EmulatorRuntime, now: number): void {
  const core = demoInstance(rt, 'prod-core-01');
  if (core) {
    bindIp(rt, core, 0, '100.85.12.34', now - 150 * DAY);
    updateOps(rt, core.project_id, core.id, (d) => ({
      ...d,
      features: { ledger: 'on', ilm: 'on' },
      auto_enlarge: {
        switch_option: true,
        limit_volume_size: 960,
        trigger_available_percent: 10,
        step_size: null,
        step_percent: 20,
      },
      // About 80 % used and growing 2 GB a day: the policy enlarges the disk in roughly two weeks.
      usage: { used_gb: Math.round(core.volume.size * 0.8), at: now, gb_per_day: 2, until: null },
    }));
  }

  // The CRM database filled its disk: the disk model holds it full, so 4.3.1, the status and backups agree.
  const crm = demoInstance(rt, 'crm-db');
  if (crm)
    updateOps(rt, crm.project_id, crm.id, (d) => ({
      ...d,
      usage: { used_gb: crm.volume.size, at: now, gb_per_day: 0, until: null },
    }));

  const ledger = demoInstance(rt, 'prod-ledger-dist');
  if (ledger) {
    const cn = ledger.nodes.findIndex((n) => n.kind === 'cn');
    if (cn >= 0) bindIp(rt, ledger, cn, '100.85.40.7', now - 120 * DAY);
    updateOps(rt, ledger.project_id, ledger.id, (d) => ({
      ...d,
      features: { ledger: 'on', security: 'on' },
    }));
  }

  // A switchover left shard 2 of the data warehouse on its second replica: unbalanced.
  const dw = demoInstance(rt, 'analytics-dw');
  if (dw) {
    const standby = dw.nodes
      .flatMap((n) => n.components)
      .find((c) => c.type === 'DN' && c.distributed_id === '60021' && c.role === 'slave');
    if (standby) instances(rt).put({ ...promote(dw, standby.id), updated_at: now - 2 * HOUR });
  }

  // A rolling upgrade to 8.201 with one of two shards done, waiting for the DBA.
  const staging = demoInstance(rt, 'staging-ledger');
  if (staging && !staging.pending) {
    instances(rt).put({ ...staging, status: 'UPGRADE TO BE OBSERVED', updated_at: now - 5 * HOUR });
    updateOps(rt, staging.project_id, staging.id, (d) => ({
      ...d,
      upgrade: {
        type: 'grey',
        source_version: staging.datastore.version,
        target_version: '8.201',
        upgraded_shards: 1,
        upgraded_azs: ['az1xahz'],
      },
    }));
  }

  // An old centralized instance with a hot patch.
  const archive = demoInstance(rt, 'archive-2023');
  if (archive)
    instances(rt).put({ ...archive, datastore: { ...archive.datastore, hotfix_versions: '8.102.0.3' } });

  // A distributed instance running 1 primary + 1 standby + 1 logger per shard (4.4.24 is distributed-only).
  const analytics = demoInstance(rt, 'analytics-dw');
  const loggerNode = analytics?.nodes
    .filter((n) => n.components.some((c) => c.type === 'DN' && c.role === 'slave'))
    .at(-1);
  if (analytics && loggerNode)
    updateOps(rt, analytics.project_id, analytics.id, (d) => ({ ...d, logger_node_id: loggerNode.id }));

  // A developer stopped one standby of the sandbox for the night.
  const sandbox = demoInstance(rt, 'dev-sandbox-01');
  const standbyNode = sandbox?.nodes.find((n) => n.role === 'slave' && !isStopped(n));
  if (sandbox && standbyNode && sandbox.status === 'ACTIVE')
    instances(rt).put(withStoppedNodes(sandbox, [standbyNode.id], false));
}

registerSeedContributor('instance-ops', (rt, seed) => loadInstanceOpsDemo(rt, seed.now));
