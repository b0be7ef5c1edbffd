import { createHash } from 'node:crypto';
import { isoSeconds } from '../../clock/clock';
import { ApiError } from '../../http/errors';
import { registerHandler, type BodyOf } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import { paging } from '../context';
import { stableInt } from '../ids';
import type { InstanceDoc, NodeDoc } from '../instance-model';
import { assertActionAllowed, registerInstanceEffect, startInstanceAction } from '../instance-state';
import { instanceOf, isDistributed, OPS_DURATIONS, updateInstance } from './common';
import { getOps, opsCollection, updateOps, type PublicIpBinding } from './ops-state';

/**
 * 4.4.13 (bound EIPs), 4.4.15 (bind/unbind on a node) and 4.4.16 (SSL certificate link). A binding lands
 * when its job completes: the node's `public_ip` and the instance's `public_ips` in the instance list, and
 * a row of 4.4.13 with its bandwidth.
 */

/** 4.4.15's body as the contract validated it. */
export type PublicIpBody = BodyOf<'changeNodePublicIp'>;

const bad = (detail: string, field?: string) => new ApiError(400, 'DBS.200001', detail, field);

/** Which instance of the project (if any) holds `ip` or `ipId`, recorded or being bound. */
function holderOf(rt: EmulatorRuntime, projectId: string, ip: string): string | undefined {
  return opsCollection(rt).all({
    projectId,
    where: [{ col: 'public_ips', op: 'contains', value: `|${ip}|` }],
  })[0]?.id;
}

export function changeNodePublicIp(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  nodeId: string,
  body: PublicIpBody,
): JobDoc {
  assertActionAllowed(inst, 'publicIp');
  const node = inst.nodes.find((n) => n.id === nodeId);
  if (!node)
    throw new ApiError(
      400,
      'DBS.280407',
      `node_id: ${nodeId} is not a node of instance ${inst.id}.`,
      'node_id',
    );
  // Clients reach a distributed instance through its CNs; DN nodes take no EIP.
  if (isDistributed(inst) && node.kind !== 'cn')
    throw bad(
      `node_id: ${node.name} is a DN node; bind EIPs to CN nodes of a distributed instance.`,
      'node_id',
    );
  const bindings = getOps(rt, inst.project_id, inst.id).public_ips;
  if (body.action === 'BIND') {
    if (node.public_ip)
      throw bad(`node ${node.name} already has the EIP ${node.public_ip}; unbind it first.`, 'node_id');
    const holder = holderOf(rt, inst.project_id, body.public_ip);
    if (holder)
      throw bad(
        `public_ip: ${body.public_ip} is already bound${holder === inst.id ? ' to another node of this instance' : ` to instance ${holder}`}.`,
        'public_ip',
      );
    if (bindings.some((b) => b.public_ip_id === body.public_ip_id))
      throw bad(`public_ip_id: ${body.public_ip_id} is already bound.`, 'public_ip_id');
  } else {
    const bound = bindings.find((b) => b.node_id === node.id);
    if (!node.public_ip || !bound) throw bad(`node ${node.name} has no EIP to unbind.`, 'node_id');
    if (bound.public_ip !== body.public_ip || bound.public_ip_id !== body.public_ip_id) {
      throw bad(
        `public_ip/public_ip_id: node ${node.name} is bound to ${bound.public_ip} (${bound.public_ip_id}), not ${body.public_ip} (${body.public_ip_id}).`,
        'public_ip',
      );
    }
  }
  return startInstanceAction(rt, inst, 'publicIp', {
    jobName: body.action === 'BIND' ? 'BindGaussDBV5PublicIp' : 'UnbindGaussDBV5PublicIp',
    durationMs: OPS_DURATIONS.publicIp,
    onComplete: {
      kind: 'ops.publicIpChanged',
      args: {
        node_id: node.id,
        action: body.action,
        public_ip: body.public_ip,
        public_ip_id: body.public_ip_id,
      },
    },
  });
}

registerHandler('changeNodePublicIp', (ctx) => {
  const { inst } = instanceOf(ctx);
  const { node_id } = ctx.path;
  return { job_id: changeNodePublicIp(ctx.rt, inst, node_id, ctx.body).id };
});

registerInstanceEffect('ops.publicIpChanged', (rt, args, job) => {
  const nodeId = String(args.node_id);
  const ip = String(args.public_ip);
  const bind = args.action === 'BIND';
  updateInstance(rt, job.project_id, job.instance_id, (i) => ({
    ...i,
    nodes: i.nodes.map((n) => {
      if (n.id !== nodeId) return n;
      const next: NodeDoc = { ...n, public_ip: ip };
      if (!bind) delete next.public_ip;
      return next;
    }),
    public_ips: bind ? [...i.public_ips.filter((p) => p !== ip), ip] : i.public_ips.filter((p) => p !== ip),
  }));
  updateOps(rt, job.project_id, job.instance_id, (d) => ({
    ...d,
    public_ips: bind
      ? [
          ...d.public_ips,
          {
            node_id: nodeId,
            public_ip: ip,
            public_ip_id: String(args.public_ip_id),
            applied_at: rt.clock.now(),
            bandwidth_size: 5 + stableInt(ip, 6) * 5,
          },
        ]
      : d.public_ips.filter((b) => b.node_id !== nodeId),
  }));
});

const uuidOf = (seed: string) =>
  createHash('sha256')
    .update(seed)
    .digest('hex')
    .slice(0, 32)
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

export function publicIpRow(inst: InstanceDoc, b: PublicIpBinding) {
  const node = inst.nodes.find((n) => n.id === b.node_id);
  return {
    public_ip_id: b.public_ip_id,
    public_ip_type: '5_bgp',
    port_id: uuidOf(`port:${b.node_id}`),
    // The table says `public_ip_addresses`, the example `public_ip_address` (D.14): both are sent.
    public_ip_address: b.public_ip,
    public_ip_addresses: b.public_ip,
    private_ip_address: node?.private_ip ?? '',
    bandwidth_id: uuidOf(`bandwidth:${b.public_ip_id}`),
    bandwidth_name: `bandwidth-${b.public_ip.replace(/[.:]/g, '-')}`,
    bandwidth_share_type: 'PER',
    bandwidth_size: b.bandwidth_size,
    applied_at: isoSeconds(b.applied_at),
  };
}

registerHandler('listPublicIps', (ctx) => {
  const { inst } = instanceOf(ctx);
  const { offset, limit } = paging(ctx.query, 50);
  const rows = getOps(ctx.rt, inst.project_id, inst.id).public_ips.map((b) => publicIpRow(inst, b));
  return { public_ips: rows.slice(offset, offset + limit), total_count: rows.length };
});

/** 4.4.16: a short-lived signed link to the CA bundle (exists once the instance is built). */
registerHandler('getSslCertDownloadLink', (ctx) => {
  const { inst } = instanceOf(ctx);
  if (inst.status === 'BUILD')
    throw new ApiError(
      400,
      'DBS.200086',
      'The SSL certificate exists once the instance is created (status BUILD).',
    );
  const expires = Math.floor(ctx.rt.clock.now() / 1000) + 300;
  const signature = createHash('sha256').update(`${inst.id}:${expires}`).digest('base64url').slice(0, 28);
  const host = `gaussdb-ssl-${inst.region}.obs.${inst.region}.example.com`;
  return {
    download_link: `https://${host}/${inst.id}/Certificate_Download.zip?Expires=${expires}&Signature=${signature}`,
  };
});
