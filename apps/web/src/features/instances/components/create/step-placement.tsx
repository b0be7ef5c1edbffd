import { clsx } from 'clsx';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../../shared/ui/states';
import { azStatus, blockedAzs, isSellable, knownAzs, splitAzList } from './az-status';
import { Field, FieldSet, inputClass, useFieldError, useFieldId } from '../../../../shared/forms/form-field';
import { ruleText } from './rule-text';
import type { WizardValues } from './wizard-values';
import type { OpOutput } from '../../../../shared/api/operations';

type Flavor = OpOutput<'listFlavors'>['flavors'][number];

interface FlavorList {
  flavors: Flavor[];
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

/** What the restore flow changes: a restore always names three AZs (4.7.8) and needs a flavor ≥ the source's. */
export interface PlacementForRestore {
  /** The source's flavor: smaller ones cannot receive its data. */
  minFlavor?: { vcpus: number; ram: number };
}

/** A flavor smaller than the source's (in vCPUs or memory). */
export const tooSmall = (f: Pick<Flavor, 'vcpus' | 'ram'>, min: PlacementForRestore['minFlavor']) =>
  !!min && (Number(f.vcpus) < min.vcpus || Number(f.ram) < min.ram);

/**
 * Step 2: the AZ layout (one AZ, three AZs, or two for double), the master AZ, and the flavor. The restore
 * flow uses it with `restore`: three AZs always, no master AZ, no flavor smaller than the source's.
 */
export function StepPlacement({ flavors, restore }: { flavors: FlavorList; restore?: PlacementForRestore }) {
  const { t } = useTranslation();
  const fieldId = useFieldId();
  const { setValue, register } = useFormContext<WizardValues>();
  const v = useWatch<WizardValues>() as WizardValues;
  const isDouble = !restore && v.ha.mode === 'centralization_standard' && v.solution === 'double';
  const minFlavor = restore?.minFlavor;
  const slots = isDouble ? 2 : v.az_layout === 'same' ? 1 : 3;
  const chosen = splitAzList(v.availability_zone);
  const selectedFlavor = flavors.flavors.find((f) => f.spec_code === v.flavor_ref);
  const zones = knownAzs(flavors.flavors);
  const masterAzUsed =
    !restore && (isDouble || (v.ha.mode === 'centralization_standard' && v.az_layout === 'different'));
  const flavorError = useFieldError('flavor_ref');

  const setAz = (index: number, az: string) => {
    const next = Array.from({ length: slots }, (_, i) => (i === index ? az : (chosen[i] ?? '')));
    const value = slots === 1 ? [az, az, az].join(',') : next.join(',');
    setValue('availability_zone', value, { shouldValidate: next.every(Boolean), shouldDirty: true });
    if (v.master_az && !next.includes(v.master_az)) setValue('master_az', '');
  };

  // A flavor sold out in a newly chosen AZ cannot stay selected.
  useEffect(() => {
    if (selectedFlavor && blockedAzs(selectedFlavor, splitAzList(v.availability_zone)).length > 0)
      setValue('flavor_ref', '');
  }, [selectedFlavor, v.availability_zone, setValue]);

  // A first choice to start from: the first AZs where some flavor sells, then the smallest flavor sold in them.
  const zonesKey = zones.join(',');
  useEffect(() => {
    if (v.availability_zone || !zonesKey) return;
    const sellable = zonesKey.split(',').filter((az) => flavors.flavors.some((f) => isSellable(f, az)));
    const pick =
      slots === 1 ? (sellable[0] ? [sellable[0], sellable[0], sellable[0]] : []) : sellable.slice(0, slots);
    if (pick.length === (slots === 1 ? 3 : slots))
      setValue('availability_zone', pick.join(','), { shouldValidate: true });
  }, [v.availability_zone, zonesKey, slots, flavors.flavors, setValue]);
  useEffect(() => {
    if (v.flavor_ref || !v.availability_zone) return;
    const smallest = [...flavors.flavors]
      .filter((f) => blockedAzs(f, splitAzList(v.availability_zone)).length === 0 && !tooSmall(f, minFlavor))
      .sort((a, b) => Number(a.vcpus) - Number(b.vcpus) || Number(a.ram) - Number(b.ram))[0];
    if (smallest) setValue('flavor_ref', smallest.spec_code, { shouldValidate: true });
  }, [v.flavor_ref, v.availability_zone, flavors.flavors, setValue, minFlavor]);

  return (
    <div className="grid gap-4">
      {!isDouble && (
        <FieldSet name="az_layout" legend={t('createInstance.fields.azLayout')}>
          <div className="flex flex-wrap gap-4 text-sm">
            {(['same', 'different'] as const).map((l) => (
              <label key={l} className="inline-flex items-center gap-1.5">
                <input
                  type="radio"
                  value={l}
                  {...register('az_layout', {
                    onChange: () => {
                      setValue('availability_zone', '');
                      setValue('master_az', '');
                    },
                  })}
                  className="accent-sky-700"
                />
                {t(`createInstance.azLayout.${l}`)}
              </label>
            ))}
          </div>
        </FieldSet>
      )}

      <FieldSet
        name="availability_zone"
        legend={t('createInstance.fields.availabilityZones')}
        rule={ruleText(t, 'availability_zone', v, { restore: !!restore })}
      >
        <div className="flex flex-wrap gap-2">
          {Array.from({ length: slots }, (_, i) => (
            <select
              key={`${slots}-${i}`}
              id={i === 0 ? fieldId('availability_zone') : undefined}
              aria-label={t('createInstance.azSlot', { n: i + 1 })}
              className={`${inputClass} w-48`}
              value={chosen[i] ?? ''}
              onChange={(e) => setAz(i, e.target.value)}
            >
              <option value="">{t('createInstance.chooseAz')}</option>
              {zones.map((az) => {
                const status = azStatus(selectedFlavor, az);
                return (
                  <option key={az} value={az} disabled={!!selectedFlavor && status !== 'normal'}>
                    {selectedFlavor && status !== 'normal'
                      ? `${az} (${t(`createInstance.azStatus.${status}`, { defaultValue: status })})`
                      : az}
                  </option>
                );
              })}
            </select>
          ))}
        </div>
      </FieldSet>

      {masterAzUsed && (
        <Field
          name="master_az"
          label={t('createInstance.fields.masterAz')}
          rule={t(
            isDouble ? 'createInstance.rules.masterAzRequired' : 'createInstance.rules.masterAzOptional',
          )}
          optional={!isDouble}
        >
          {(a) => (
            <select {...a} {...register('master_az')} className={`${inputClass} w-48`}>
              <option value="">
                {isDouble ? t('createInstance.chooseAz') : t('createInstance.noPreference')}
              </option>
              {[...new Set(chosen.filter(Boolean))].map((az) => (
                <option key={az} value={az}>
                  {az}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      <fieldset aria-describedby={flavorError ? `${fieldId('flavor_ref')}-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
          {t('createInstance.fields.flavor')}
        </legend>
        {flavors.isPending ? (
          <Loading />
        ) : flavors.error ? (
          <ErrorState error={flavors.error} onRetry={flavors.refetch} />
        ) : flavors.flavors.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">{t('createInstance.noFlavors')}</p>
        ) : (
          <div className="max-h-80 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-slate-100 text-left text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                <tr>
                  <th scope="col" className="w-8 px-2 py-1.5">
                    <span className="sr-only">{t('createInstance.select')}</span>
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    {t('createInstance.flavor.specCode')}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right">
                    {t('createInstance.flavor.vcpus')}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right">
                    {t('createInstance.flavor.ram')}
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    {t('createInstance.flavor.availability')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {flavors.flavors.map((f) => {
                  const blocked = blockedAzs(f, chosen);
                  const small = tooSmall(f, minFlavor);
                  const id = `flavor-${f.spec_code}`;
                  return (
                    <tr
                      key={f.spec_code}
                      className={clsx(
                        'h-9 border-t border-slate-100 dark:border-slate-800',
                        (blocked.length > 0 || small) && 'text-slate-400 dark:text-slate-500',
                      )}
                    >
                      <td className="px-2">
                        <input
                          id={id}
                          type="radio"
                          value={f.spec_code}
                          {...register('flavor_ref')}
                          disabled={blocked.length > 0 || small}
                          className="accent-sky-700"
                        />
                      </td>
                      <td className="px-2 font-mono text-xs">
                        <label htmlFor={id}>{f.spec_code}</label>
                      </td>
                      <td className="px-2 text-right tabular-nums">
                        {t('createInstance.flavor.vcpuValue', { value: f.vcpus })}
                      </td>
                      <td className="px-2 text-right tabular-nums">
                        {t('createInstance.flavor.ramValue', { value: f.ram })}
                      </td>
                      <td className="px-2 text-xs">
                        {small && minFlavor
                          ? t('createInstance.flavor.smallerThanSource', minFlavor)
                          : blocked.length > 0
                            ? blocked
                                .map((az) =>
                                  t(`createInstance.azStatusIn.${azStatus(f, az)}`, {
                                    az,
                                    defaultValue: `${az}: ${azStatus(f, az)}`,
                                  }),
                                )
                                .join('; ')
                            : chosen.some(Boolean)
                              ? t('createInstance.azStatusIn.normal')
                              : t('createInstance.flavor.zones', {
                                  count: (f.availability_zone ?? Object.keys(f.az_status ?? {})).length,
                                })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {flavorError && (
          <p id={`${fieldId('flavor_ref')}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
            {flavorError}
          </p>
        )}
      </fieldset>
    </div>
  );
}
