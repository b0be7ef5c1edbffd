import { operations } from '@gaussdb-console/api-client/browser';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceCard, FieldSet, inputClass } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { formatGb } from '../../../shared/lib/format';
import { ErrorState, Loading } from '../../../shared/ui/states';
import { instanceKeys } from '../../instances/api/instance-keys';
import { backupKeys } from '../api/backup-keys';
import type { RestorePoint } from '../api/restore-point';
import { useRestorableInstances } from '../api/use-restorable-instances';

/** How many targets the dialog lists at once; a search narrows the rest. */
const SHOWN = 30;

export interface RestoreSourceInfo {
  point: RestorePoint;
  /** The source instance's name. */
  instanceName: string;
  /** The backup's name or the point in time, in words. */
  label: string;
}

const recoveryBody = operations.restoreToExistingInstance.body;

/**
 * Restore over an existing instance (recovery extension): the instances that can receive this source
 * (4.7.9), one chosen, then the consequence named and the target's name typed, because every byte of its
 * data is replaced. The dialog follows the restore job.
 */
export function RestoreExistingDialog(props: {
  project: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  source: RestoreSourceInfo;
}) {
  const { t } = useTranslation();
  const { project, source } = props;
  const { point } = source;
  const [search, setSearch] = useState('');
  const query =
    point.type === 'backup'
      ? { source_instance_id: point.instanceId, backup_id: point.backupId }
      : { source_instance_id: point.instanceId, restore_time: String(point.restoreTime) };
  const targets = useRestorableInstances(project, query, props.open);
  const sourceBody =
    point.type === 'backup'
      ? { instance_id: point.instanceId, type: 'backup' as const, backup_id: point.backupId }
      : { instance_id: point.instanceId, type: 'timestamp' as const, restore_time: point.restoreTime };
  const defaultValues = useMemo(
    () => ({ source: sourceBody, target: { instance_id: '' } }),
    // The source is fixed while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(sourceBody)],
  );
  const op = useOperationForm('restoreToExistingInstance', {
    project,
    schema: recoveryBody,
    defaultValues,
    toInput: (body) => ({ body }),
    invalidates: [instanceKeys.all(project), backupKeys.all(project)],
  });
  const chosenId = op.form.watch('target.instance_id');
  const all = targets.data ?? [];
  const chosen = all.find((i) => i.instance_id === chosenId);
  const needle = search.trim().toLowerCase();
  const matching = all.filter(
    (i) =>
      !needle || (i.instance_name ?? '').toLowerCase().includes(needle) || i.instance_id.includes(needle),
  );
  const shown = matching.slice(0, SHOWN);
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);

  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      wide
      afterAccept="follow"
      title={t('backups.existing.title')}
      description={t('backups.existing.description', { source: source.instanceName, what: source.label })}
      submitLabel={t('backups.existing.submit')}
      canSubmit={!!chosen}
      danger={
        chosen
          ? {
              confirmText: chosen.instance_name ?? chosen.instance_id,
              consequence: t(
                chosen.instance_id === point.instanceId
                  ? 'backups.existing.consequenceSelf'
                  : 'backups.existing.consequence',
                {
                  target: chosen.instance_name ?? chosen.instance_id,
                  source: source.instanceName,
                  what: source.label,
                },
              ),
            }
          : undefined
      }
    >
      {targets.isPending ? (
        <Loading />
      ) : targets.isError ? (
        <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />
      ) : all.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('backups.existing.none')}</p>
      ) : (
        <FieldSet
          name="target.instance_id"
          legend={t('backups.existing.target')}
          rule={t('backups.existing.targetRule', { count: all.length })}
        >
          <input
            type="search"
            aria-label={t('backups.existing.search')}
            placeholder={t('backups.existing.search')}
            className={`${inputClass} mb-2 max-w-sm`}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <div className="grid max-h-72 gap-1.5 overflow-auto pr-1">
            {shown.map((i) => (
              <ChoiceCard
                key={i.instance_id}
                checked={i.instance_id === chosenId}
                input={
                  <input
                    type="radio"
                    value={i.instance_id}
                    {...op.form.register('target.instance_id')}
                    className="mt-0.5 accent-red-700"
                  />
                }
              >
                <span className="block font-medium">
                  {i.instance_name ?? i.instance_id}
                  {i.instance_id === point.instanceId && (
                    <span className="ml-2 text-xs font-normal text-amber-700 dark:text-amber-400">
                      {t('backups.existing.itself')}
                    </span>
                  )}
                </span>
                {/* slate-600: slate-500 falls short of 4.5:1 on a chosen card's sky-50. */}
                <span className="block text-xs text-slate-600 dark:text-slate-300">
                  {t('backups.existing.facts', {
                    version: i.version ?? '—',
                    mode: i.mode ?? '—',
                    disk: formatGb(i.data_volume_size),
                    type: i.volume_type ?? '—',
                  })}
                  <span className="ml-2 font-mono">{i.instance_id}</span>
                </span>
              </ChoiceCard>
            ))}
          </div>
          {matching.length > SHOWN && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              {t('backups.existing.more', { shown: SHOWN, count: matching.length })}
            </p>
          )}
        </FieldSet>
      )}
    </OperationDialog>
  );
}
