import type { Instance } from '@gaussdb-console/api-client/browser';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../../shared/api/policy';
import { formatGb, formatTime } from '../../../../shared/lib/format';
import { TagChip } from '../../../../shared/ui/tag-chip';
import { CopyId } from '../../../../shared/ui/copy-id';
import { useAutoEnlargePolicy, useVolumeUsage } from '../../api/use-instance';
import { instanceAzs } from '../../lib/instance-azs';
import { deploymentLabel } from '../instance-columns';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[11rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children ?? '—'}</dd>
    </div>
  );
}

function Card({ title, children, fields = true }: { title: string; children: ReactNode; fields?: boolean }) {
  return (
    <section className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h3 className="mb-2 font-semibold">{title}</h3>
      {fields ? <dl className="divide-y divide-slate-100 dark:divide-slate-800">{children}</dl> : children}
    </section>
  );
}

/** Disk gauge: used of total, with the auto-enlarge trigger marked when the policy is on. */
function DiskGauge({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const usage = useVolumeUsage(project, instance.id);
  const policy = useAutoEnlargePolicy(project, instance.id);
  const used = Number(usage.data?.used);
  const total = Number(usage.data?.total ?? instance.volume?.size);
  const pct = Number.isFinite(used) && total > 0 ? Math.min(100, (used / total) * 100) : undefined;
  // The policy says how much space stays free when the disk grows (4.4.21 `trigger_available_percent`):
  // on a gauge of used space that is at 100 − that share.
  const free = policy.data?.switch_option ? policy.data.trigger_available_percent : undefined;
  const trigger = free != null && free >= 0 && free <= 100 ? 100 - free : NaN;
  if (usage.permitted === false) return null;
  return (
    <div>
      <div
        className="relative h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        {...(pct !== undefined
          ? {
              role: 'meter',
              'aria-valuemin': 0,
              'aria-valuemax': 100,
              'aria-valuenow': Math.round(pct),
              'aria-label': t('overview.diskUsage'),
            }
          : { 'aria-hidden': true })}
      >
        <div
          className={pct !== undefined && pct > 85 ? 'h-full bg-orange-500' : 'h-full bg-sky-500'}
          style={{ width: `${pct ?? 0}%` }}
        />
        {Number.isFinite(trigger) && (
          <div
            className="absolute top-0 h-full w-0.5 bg-amber-600"
            style={{ left: `${trigger}%` }}
            title={t('overview.autoEnlargeAt', { pct: trigger })}
          />
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        {usage.isPending
          ? t('common.loading')
          : pct !== undefined
            ? t('overview.diskUsed', { used: used.toFixed(1), total: formatGb(total), pct: pct.toFixed(0) })
            : t('overview.diskUnknown')}
        {policy.data &&
          ` · ${policy.data.switch_option ? t('overview.autoEnlargeOn') : t('overview.autoEnlargeOff')}`}
      </p>
    </div>
  );
}

/** What another area adds under the disk gauge (the storage forecast): composed by the app. */
export type OverviewSlot = ComponentType<{ project: string; instance: Instance }>;

export function OverviewTab({
  project,
  instance: i,
  storageSlot: StorageSlot,
}: {
  project: string;
  instance: Instance;
  storageSlot?: OverviewSlot;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const created = formatTime(i.created);
  const updated = formatTime(i.updated);
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <Card title={t('overview.basic')}>
        <Field label={t('overview.id')}>
          <CopyId value={i.id} />
        </Field>
        <Field label={t('overview.deployment')}>{deploymentLabel(t, i)}</Field>
        <Field label={t('overview.engine')}>
          {i.datastore?.type} {i.datastore?.version}{' '}
          {i.datastore?.complete_version ? `(${i.datastore.complete_version})` : ''}
        </Field>
        <Field label={t('overview.replicas')}>{i.replica_num ?? '—'}</Field>
        <Field label={t('overview.ha')}>
          {[i.ha?.consistency, i.ha?.replication_mode, i.ha?.consistency_protocol]
            .filter(Boolean)
            .join(' · ') || '—'}
        </Field>
        <Field label={t('overview.region')}>{i.region ?? '—'}</Field>
        <Field label={t('overview.azs')}>{instanceAzs(i).join(', ') || '—'}</Field>
        <Field label={t('overview.created')}>
          <span title={created.title}>{created.text}</span>
        </Field>
        <Field label={t('overview.updated')}>
          <span title={updated.title}>{updated.text}</span>
        </Field>
        <Field label={t('overview.timeZone')}>{i.time_zone ?? '—'}</Field>
        <Field label={t('overview.maintenance')}>{i.maintenance_window ?? '—'}</Field>
        <Field label={t('overview.charge')}>
          {i.charge_info?.charge_mode
            ? t(`overview.chargeMode.${i.charge_info.charge_mode}`, {
                defaultValue: i.charge_info.charge_mode,
              })
            : '—'}
        </Field>
        <Field label={t('overview.enterpriseProject')}>{i.enterprise_project_id ?? '—'}</Field>
      </Card>
      <div className="flex flex-col gap-4">
        <Card title={t('overview.connection')}>
          <Field label={t('overview.privateIps')}>
            <span className="font-mono text-xs">{(i.private_ips ?? []).join(', ') || '—'}</span>
          </Field>
          <Field label={t('overview.publicIps')}>
            <span className="font-mono text-xs">{(i.public_ips ?? []).join(', ') || '—'}</span>
          </Field>
          <Field label={t('overview.port')}>{i.port ?? '—'}</Field>
          <Field label={t('overview.adminUser')}>{i.db_user_name ?? 'root'}</Field>
          <Field label={t('overview.network')}>
            <span className="font-mono text-xs">
              {i.vpc_id ?? '—'} / {i.subnet_id ?? '—'} / {i.security_group_id ?? '—'}
            </span>
          </Field>
        </Card>
        <Card title={t('overview.resources')}>
          <Field label={t('overview.flavor')}>
            {i.flavor_info
              ? t('instances.vcpuRam', { vcpu: i.flavor_info.vcpu ?? '?', ram: i.flavor_info.mem ?? '?' })
              : '—'}
            <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{i.flavor_ref}</div>
          </Field>
          <Field label={t('overview.storage')}>
            {i.volume?.type} · {formatGb(i.volume?.size)}
            <div className="mt-2">
              <DiskGauge project={project} instance={i} />
              {StorageSlot && <StorageSlot project={project} instance={i} />}
            </div>
          </Field>
          <Field label={t('overview.backup')}>
            {i.backup_strategy
              ? t('overview.backupStrategy', {
                  window: i.backup_strategy.start_time ?? '—',
                  days: i.backup_strategy.keep_days ?? '—',
                })
              : '—'}
          </Field>
          <Field label={t('overview.encryption')}>
            {i.disk_encryption_id ? (
              <CopyId value={i.disk_encryption_id} short />
            ) : (
              t('overview.notEncrypted')
            )}
          </Field>
        </Card>
        <Card title={t('overview.tags')} fields={false}>
          {can('addInstanceTags') && (
            <Link
              to="?tab=tags"
              className="float-right -mt-8 text-xs text-sky-700 hover:underline dark:text-sky-400"
            >
              {t('overview.editTags')}
            </Link>
          )}
          <div className="flex flex-wrap gap-1 py-1.5">
            {(i.tags ?? []).length === 0 ? (
              <span className="text-sm text-slate-500 dark:text-slate-400">{t('overview.noTags')}</span>
            ) : (
              (i.tags ?? []).map((tg) => (
                <TagChip key={tg.key} project={project} tagKey={tg.key} value={tg.value} />
              ))
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
