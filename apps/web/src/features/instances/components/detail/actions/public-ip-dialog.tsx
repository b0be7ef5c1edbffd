import { operations, type Instance, type PublicIp } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { Loading } from '../../../../../shared/ui/states';
import { useComponents } from '../../../api/use-instance';
import { useChangeNodePublicIp } from '../../../api/use-instance-mutations';
import { usePublicIps } from '../../../api/use-public-ips';
import { buildTopology } from '../topology';
import { isDistributed } from './action-types';
import { inputClass, Note, RuleField, serverFieldError, followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.changeNodePublicIp.body;

interface NodeRow {
  id: string;
  name: string;
  privateIp?: string;
  eip?: { address: string; id?: string };
}

/** The nodes that can take an EIP (a distributed instance's clients reach it through its CNs) and what each has. */
export function eipNodes(
  instance: Instance,
  cnNodeIds: Set<string> | undefined,
  bound: PublicIp[],
): NodeRow[] {
  const nodes = (instance.nodes ?? []).filter(
    (n) => !isDistributed(instance) || !cnNodeIds || cnNodeIds.has(n.id),
  );
  return nodes.map((n) => {
    const row = bound.find(
      (b) =>
        (n.private_ip && b.private_ip_address === n.private_ip) ||
        (n.public_ip && b.public_ip_address === n.public_ip),
    );
    const address = row?.public_ip_address ?? n.public_ip ?? undefined;
    return {
      id: n.id,
      name: n.name ?? n.id,
      privateIp: n.private_ip ?? undefined,
      eip: address ? { address, id: row?.public_ip_id ?? undefined } : undefined,
    };
  });
}

/** Bind an EIP to a node, or unbind the one it has (4.4.15); 4.4.13 tells which node has which. */
export function PublicIpDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const changeIp = useChangeNodePublicIp(project);
  const ips = usePublicIps(project, instance.id, open);
  const components = useComponents(project, instance.id);
  const cnIds = components.data
    ? new Set(buildTopology(components.data).cns.map((c) => c.nodeId))
    : undefined;
  const rows = eipNodes(instance, cnIds, ips.data ?? []);
  const [nodeId, setNodeId] = useState('');
  const [address, setAddress] = useState('');
  const [eipId, setEipId] = useState('');
  const node = rows.find((r) => r.id === nodeId);
  const action = node?.eip ? ('UNBIND' as const) : ('BIND' as const);
  const request = node?.eip
    ? { action, public_ip: node.eip.address, public_ip_id: node.eip.id ?? '' }
    : { action, public_ip: address, public_ip_id: eipId };
  const parsed = body.safeParse(request);
  const issue = (field: string) => !parsed.success && parsed.error.issues.some((i) => i.path[0] === field);
  const change = (o: boolean) => {
    if (!o) {
      setNodeId('');
      setAddress('');
      setEipId('');
      changeIp.reset();
    }
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={t('instanceActions.publicIp.title', { name: instance.name })}
      description={t(
        isDistributed(instance) ? 'instanceActions.publicIp.introCn' : 'instanceActions.publicIp.intro',
      )}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button
            variant={action === 'UNBIND' ? 'danger' : 'primary'}
            disabled={!node || !parsed.success || changeIp.isPending}
            onClick={() =>
              changeIp.mutate(
                { path: { instance_id: instance.id, node_id: nodeId }, body: request },
                followJob(onJob, () => change(false)),
              )
            }
          >
            {t(action === 'UNBIND' ? 'instanceActions.publicIp.unbind' : 'instanceActions.publicIp.bind')}
          </Button>
        </>
      }
    >
      {(ips.isLoading || components.isLoading) && <Loading />}
      {ips.error ? <ServerError error={ips.error} /> : null}
      <RuleField
        id="eip-node"
        label={t('instanceActions.publicIp.node')}
        error={serverFieldError(changeIp.error, 'node_id')}
      >
        {(a) => (
          <select {...a} className={inputClass} value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
            <option value="">{t('instanceActions.common.choose')}</option>
            {rows.map((r) => (
              <option key={r.id} value={r.id}>
                {r.eip
                  ? t('instanceActions.publicIp.nodeBound', { node: r.name, ip: r.eip.address })
                  : t('instanceActions.publicIp.nodeFree', { node: r.name, ip: r.privateIp ?? '—' })}
              </option>
            ))}
          </select>
        )}
      </RuleField>
      {node?.eip && (
        <Note tone="warn">
          {t('instanceActions.publicIp.unbindNote', { ip: node.eip.address, node: node.name })}
        </Note>
      )}
      {node && !node.eip && (
        <>
          <RuleField
            id="eip-address"
            label={t('instanceActions.publicIp.address')}
            rule={t('instanceActions.publicIp.addressRule')}
            invalid={address !== '' && issue('public_ip')}
            error={serverFieldError(changeIp.error, 'public_ip')}
          >
            {(a) => (
              <input
                {...a}
                className={`${inputClass} font-mono`}
                value={address}
                onChange={(e) => setAddress(e.target.value.trim())}
                placeholder="10.154.218.161"
              />
            )}
          </RuleField>
          <RuleField
            id="eip-id"
            label={t('instanceActions.publicIp.id')}
            rule={t('instanceActions.publicIp.idRule')}
            invalid={eipId !== '' && issue('public_ip_id')}
            error={serverFieldError(changeIp.error, 'public_ip_id')}
          >
            {(a) => (
              <input
                {...a}
                className={`${inputClass} font-mono`}
                value={eipId}
                onChange={(e) => setEipId(e.target.value.trim())}
              />
            )}
          </RuleField>
          <Note>{t('instanceActions.publicIp.bindNote')}</Note>
        </>
      )}
      <ServerError error={changeIp.error} />
    </Dialog>
  );
}
