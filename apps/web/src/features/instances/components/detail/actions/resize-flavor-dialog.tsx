import { operations, type AvailableFlavor, type Instance } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChoiceCard, FieldSet, Note } from '../../../../../shared/forms/form-field';
import { ErrorPanel } from '../../../../../shared/ui/error-panel';
import { Loading } from '../../../../../shared/ui/states';
import { useAvailableFlavors } from '../../../../flavors/api/use-available-flavors';
import { instanceAzs } from '../../../lib/instance-azs';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

/** The flavor's code; the reference spells it `spec_cpde` (L881), which the BFF may pass through as is. */
export const codeOf = (f: AvailableFlavor) => f.spec_code ?? f.spec_cpde ?? '';

/**
 * Scale-up only (4.4.10 L2406): more vCPUs **and** more memory than now. The service should list only such
 * flavors; the dialog keeps to the rule whatever it is sent.
 */
export function largerFlavors(flavors: AvailableFlavor[], instance: Instance): AvailableFlavor[] {
  const cpu = instance.flavor_info?.vcpu;
  const mem = instance.flavor_info?.mem;
  return flavors
    .filter((f) => codeOf(f) !== '' && codeOf(f) !== instance.flavor_ref)
    .filter((f) => (cpu == null || Number(f.vcpus) > cpu) && (mem == null || Number(f.ram) > mem))
    .sort((a, b) => Number(a.vcpus) - Number(b.vcpus) || Number(a.ram) - Number(b.ram));
}

/** Resize (4.4.10): pick one of the larger flavors that is not sold out in the instance's AZs; nodes restart one by one. */
export function ResizeFlavorDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const flavors = useAvailableFlavors(project, instance.id, props.open);
  const azs = instanceAzs(instance);
  const offered = largerFlavors(flavors.data ?? [], instance);
  const hidden = (flavors.data?.length ?? 0) - offered.length;
  const soldOut = (f: AvailableFlavor) => azs.find((az) => f.az_status?.[az] && f.az_status[az] !== 'normal');
  // The codes one may pick, as one string so the schema is rebuilt only when they change.
  const choosable = offered
    .filter((f) => !soldOut(f))
    .map(codeOf)
    .join(' ');
  const schema = useMemo(
    () =>
      operations.resizeFlavor.body.refine((v) => choosable.split(' ').includes(v.flavor_ref), {
        path: ['flavor_ref'],
        message: t('instanceActions.resizeFlavor.pickOne'),
      }),
    [choosable, t],
  );
  const op = useInstanceAction('resizeFlavor', props, { schema, defaultValues: { flavor_ref: '' } });
  const choice = useWatch({ control: op.form.control, name: 'flavor_ref' });
  return (
    <InstanceActionDialog action="resizeFlavor" dialog={props} op={op} wide>
      <p className="mb-2 text-sm">
        {t('instanceActions.resizeFlavor.current', {
          flavor: instance.flavor_ref ?? '—',
          vcpus: instance.flavor_info?.vcpu ?? '?',
          ram: instance.flavor_info?.mem ?? '?',
        })}
      </p>
      <Note>{t('instanceActions.resizeFlavor.rule')}</Note>
      {flavors.isLoading && <Loading />}
      <ErrorPanel error={flavors.error} title={t('errors.loadFailed')} />
      {flavors.isSuccess && offered.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('instanceActions.resizeFlavor.none')}</p>
      )}
      {offered.length > 0 && (
        <FieldSet
          name="flavor_ref"
          legend={t('instanceActions.resizeFlavor.pick')}
          rule={
            hidden > 0
              ? t('instanceActions.resizeFlavor.hidden', { count: hidden })
              : t('instanceActions.resizeFlavor.onlyLarger')
          }
        >
          <div className="max-h-72 space-y-1 overflow-auto">
            {offered.map((f) => {
              const sold = soldOut(f);
              const code = codeOf(f);
              return (
                <ChoiceCard
                  key={code}
                  checked={choice === code}
                  disabled={!!sold}
                  input={
                    <input
                      type="radio"
                      value={code}
                      disabled={!!sold}
                      aria-label={code}
                      {...op.form.register('flavor_ref')}
                    />
                  }
                >
                  <span className="flex items-center gap-3">
                    <span className="min-w-0 flex-1 truncate font-mono text-xs">{code}</span>
                    <span className="w-20 text-right tabular-nums">
                      {t('instanceActions.resizeFlavor.vcpus', { count: Number(f.vcpus) })}
                    </span>
                    <span className="w-16 text-right tabular-nums">
                      {t('instanceActions.resizeFlavor.ram', { ram: f.ram })}
                    </span>
                    {sold && (
                      <span className="text-xs text-orange-700 dark:text-orange-400">
                        {t('instanceActions.resizeFlavor.soldOut', { az: sold })}
                      </span>
                    )}
                  </span>
                </ChoiceCard>
              );
            })}
          </div>
        </FieldSet>
      )}
    </InstanceActionDialog>
  );
}
