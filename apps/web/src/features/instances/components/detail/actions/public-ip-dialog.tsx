import { operations, type Instance, type PublicIp } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field, inputClass, Note } from '../../../../../shared/forms/form-field';
import { ErrorPanel } from '../../../../../shared/ui/error-panel';
import { Loading } from '../../../../../shared/ui/states';
import { useComponents } from '../../../api/use-instance';
import { usePublicIps } from '../../../api/use-public-ips';
import { buildTopology } from '../topology';
import { isDistributed, type ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

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

interface EipValues {
  node_id: string;
  public_ip: string;
  public_ip_id: string;
}

/** The 4.4.15 body: unbind the EIP the node has, or bind the one typed. */
const requestOf = (v: EipValues, node: NodeRow | undefined) =>
  node?.eip
    ? { action: 'UNBIND' as const, public_ip: node.eip.address, public_ip_id: node.eip.id ?? '' }
    : { action: 'BIND' as const, public_ip: v.public_ip.trim(), public_ip_id: v.public_ip_id.trim() };

/** Bind an EIP to a node, or unbind the one it has (4.4.15); 4.4.13 tells which node has which. */
export function PublicIpDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const ips = usePublicIps(project, instance.id, props.open);
  const components = useComponents(project, instance.id);
  const cnIds = components.data
    ? new Set(buildTopology(components.data).cns.map((c) => c.nodeId))
    : undefined;
  const rows = eipNodes(instance, cnIds, ips.data ?? []);
  const rowsKey = JSON.stringify(rows);
  const schema = useMemo(() => {
    const list = JSON.parse(rowsKey) as NodeRow[];
    return z
      .object({
        node_id: z.string().min(1, { message: t('instanceActions.publicIp.pickNode') }),
        public_ip: z.string(),
        public_ip_id: z.string(),
      })
      .superRefine((v, ctx) => {
        const r = body.safeParse(
          requestOf(
            v,
            list.find((n) => n.id === v.node_id),
          ),
        );
        if (!r.success)
          for (const i of r.error.issues)
            ctx.addIssue({ code: 'custom', path: [String(i.path[0] ?? 'node_id')], message: i.message });
      });
  }, [rowsKey, t]);
  const op = useInstanceAction('changeNodePublicIp', props, {
    schema,
    defaultValues: { node_id: '', public_ip: '', public_ip_id: '' },
    body: (v) =>
      requestOf(
        v,
        rows.find((n) => n.id === v.node_id),
      ),
    path: (v) => ({ node_id: v.node_id }),
  });
  const nodeId = useWatch({ control: op.form.control, name: 'node_id' });
  const node = rows.find((r) => r.id === nodeId);
  return (
    <InstanceActionDialog
      action="publicIp"
      dialog={props}
      op={op}
      description={t(
        isDistributed(instance) ? 'instanceActions.publicIp.introCn' : 'instanceActions.publicIp.intro',
      )}
      submitLabel={t(node?.eip ? 'instanceActions.publicIp.unbind' : 'instanceActions.publicIp.bind')}
      destructive={!!node?.eip}
    >
      {(ips.isLoading || components.isLoading) && <Loading />}
      <ErrorPanel error={ips.error} title={t('errors.loadFailed')} />
      <Field name="node_id" label={t('instanceActions.publicIp.node')}>
        {(a) => (
          <select {...a} {...op.form.register('node_id')} className={inputClass}>
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
      </Field>
      {node?.eip && (
        <Note tone="warn">
          {t('instanceActions.publicIp.unbindNote', { ip: node.eip.address, node: node.name })}
        </Note>
      )}
      {node && !node.eip && (
        <>
          <Field
            name="public_ip"
            label={t('instanceActions.publicIp.address')}
            rule={t('instanceActions.publicIp.addressRule')}
          >
            {(a) => (
              <input
                {...a}
                {...op.form.register('public_ip')}
                className={`${inputClass} font-mono`}
                placeholder="10.154.218.161"
              />
            )}
          </Field>
          <Field
            name="public_ip_id"
            label={t('instanceActions.publicIp.id')}
            rule={t('instanceActions.publicIp.idRule')}
          >
            {(a) => (
              <input {...a} {...op.form.register('public_ip_id')} className={`${inputClass} font-mono`} />
            )}
          </Field>
          <Note>{t('instanceActions.publicIp.bindNote')}</Note>
        </>
      )}
    </InstanceActionDialog>
  );
}
