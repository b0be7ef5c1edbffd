import { operations, type AvailableFlavor, type Instance } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { Loading } from '../../../../../shared/ui/states';
import { useAvailableFlavors } from '../../../api/use-available-flavors';
import { useResizeFlavor } from '../../../api/use-instance-mutations';
import { instanceAzs, Note, followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.resizeFlavor.body;

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

/** Resize: pick one of the larger flavors; nodes restart one by one. */
export function ResizeFlavorDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const resize = useResizeFlavor(project);
  const flavors = useAvailableFlavors(project, instance.id, open);
  const [choice, setChoice] = useState('');
  const azs = instanceAzs(instance);
  const offered = largerFlavors(flavors.data ?? [], instance);
  const hidden = (flavors.data?.length ?? 0) - offered.length;
  const soldOut = (f: AvailableFlavor) => azs.find((az) => f.az_status?.[az] && f.az_status[az] !== 'normal');
  const valid =
    body.safeParse({ flavor_ref: choice }).success &&
    offered.some((f) => codeOf(f) === choice && !soldOut(f));
  const change = (o: boolean) => {
    if (!o) {
      setChoice('');
      resize.reset();
    }
    onOpenChange(o);
  };
  const current = t('instanceActions.resizeFlavor.current', {
    flavor: instance.flavor_ref ?? '—',
    vcpus: instance.flavor_info?.vcpu ?? '?',
    ram: instance.flavor_info?.mem ?? '?',
  });
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      wide
      title={t('instanceActions.resizeFlavor.title', { name: instance.name })}
      description={t('instanceActions.resizeFlavor.consequence')}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!valid || resize.isPending}
            onClick={() =>
              resize.mutate(
                { path: { instance_id: instance.id }, body: { flavor_ref: choice } },
                followJob(onJob, () => change(false)),
              )
            }
          >
            {t('instanceActions.resizeFlavor.submit')}
          </Button>
        </>
      }
    >
      <p className="mb-2 text-sm">{current}</p>
      <Note>{t('instanceActions.resizeFlavor.rule')}</Note>
      {flavors.isLoading && <Loading />}
      {flavors.error ? <ServerError error={flavors.error} /> : null}
      {flavors.isSuccess && offered.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('instanceActions.resizeFlavor.none')}</p>
      )}
      {offered.length > 0 && (
        <fieldset aria-describedby="resize-hidden">
          <legend className="mb-1 text-sm font-medium">{t('instanceActions.resizeFlavor.pick')}</legend>
          <div className="max-h-72 space-y-1 overflow-auto">
            {offered.map((f) => {
              const sold = soldOut(f);
              const code = codeOf(f);
              return (
                <label
                  key={code}
                  className={clsx(
                    'flex cursor-pointer items-center gap-3 rounded-md border px-3 py-1.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-600/40',
                    choice === code
                      ? 'border-sky-600 bg-sky-50 dark:border-sky-500 dark:bg-sky-950/60'
                      : 'border-slate-300 dark:border-slate-600',
                    sold && 'cursor-not-allowed opacity-60',
                  )}
                >
                  <input
                    type="radio"
                    name="resize-flavor"
                    value={code}
                    checked={choice === code}
                    disabled={!!sold}
                    onChange={() => setChoice(code)}
                    aria-label={code}
                  />
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
                </label>
              );
            })}
          </div>
          <p id="resize-hidden" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {hidden > 0
              ? t('instanceActions.resizeFlavor.hidden', { count: hidden })
              : t('instanceActions.resizeFlavor.onlyLarger')}
          </p>
        </fieldset>
      )}
      <div className="mt-3">
        <ServerError error={resize.error} />
      </div>
    </Dialog>
  );
}
