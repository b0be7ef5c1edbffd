import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatGb } from '../../../../shared/lib/format';
import { ErrorState, Loading } from '../../../../shared/ui/states';
import { azStatus, blockedAzs, splitAzList } from './az-status';
import { ChoiceCard, Field, FieldSet, inputClass } from '../../../../shared/forms/form-field';
import { ruleText, volumeRule } from './rule-text';
import { isDistributed, shardCount, type WizardValues } from './wizard-values';
import type { OpOutput } from '../../../../shared/api/operations';

type StorageType = OpOutput<'listStorageTypes'>['storage_type'][number];

interface StorageList {
  types: StorageType[];
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

/** What the restore flow changes: only the disk types a restore accepts, and at least the source's disk. */
export interface StorageForRestore {
  types: readonly string[];
  atLeastGb: number;
}

/**
 * Step 3: the disk type (per-AZ availability) and size, with the rule for the shard count. The restore
 * flow passes `restore`: fewer types, a larger minimum.
 */
export function StepStorage({ storage, restore }: { storage: StorageList; restore?: StorageForRestore }) {
  const { t } = useTranslation();
  const { register, setValue } = useFormContext<WizardValues>();
  const v = useWatch<WizardValues>() as WizardValues;
  const chosen = splitAzList(v.availability_zone);
  const rule = volumeRule(shardCount(v), restore?.atLeastGb);
  const types = restore ? storage.types.filter((s) => restore.types.includes(s.name)) : storage.types;
  const size = Number(v.volume.size);

  // Preselect the first disk type sold in every chosen AZ, and the smallest size the rule allows.
  useEffect(() => {
    if (v.volume.type || types.length === 0) return;
    const first = types.find((s) => blockedAzs(s, splitAzList(v.availability_zone)).length === 0);
    if (first) setValue('volume.type', first.name);
  }, [v.volume.type, v.availability_zone, types, setValue]);

  return (
    <div className="grid gap-4">
      <FieldSet name="volume.type" legend={t('createInstance.fields.storageType')}>
        {storage.isPending ? (
          <Loading />
        ) : storage.error ? (
          <ErrorState error={storage.error} onRetry={storage.refetch} />
        ) : (
          <div className="grid gap-2 md:grid-cols-2">
            {types.map((s) => {
              const blocked = blockedAzs(s, chosen);
              return (
                <ChoiceCard
                  key={s.name}
                  checked={v.volume.type === s.name}
                  disabled={blocked.length > 0}
                  input={
                    <input
                      type="radio"
                      value={s.name}
                      {...register('volume.type')}
                      disabled={blocked.length > 0}
                      className="mt-0.5 accent-sky-700"
                    />
                  }
                >
                  <span className="block font-medium">
                    {t(`createInstance.storageType.${s.name}`, { defaultValue: s.name })}
                  </span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {blocked.length > 0
                      ? blocked
                          .map((az) =>
                            t(`createInstance.azStatusIn.${azStatus(s, az)}`, {
                              az,
                              defaultValue: `${az}: ${azStatus(s, az)}`,
                            }),
                          )
                          .join('; ')
                      : t('createInstance.storageCode', { code: s.name })}
                  </span>
                </ChoiceCard>
              );
            })}
          </div>
        )}
      </FieldSet>

      <Field
        name="volume.size"
        label={t('createInstance.fields.volumeSize')}
        rule={ruleText(t, 'volume.size', v, { atLeastGb: restore?.atLeastGb })}
      >
        {(a) => (
          <div className="flex items-center gap-2">
            <input
              {...a}
              {...register('volume.size')}
              type="number"
              inputMode="numeric"
              min={rule.min}
              max={rule.max}
              step={rule.step}
              className={`${inputClass} w-40 tabular-nums`}
            />
            <span className="text-sm text-slate-500 dark:text-slate-400">GB</span>
          </div>
        )}
      </Field>
      {isDistributed(v) && Number.isInteger(size) && size > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t('createInstance.perShard', {
            total: formatGb(size),
            each: formatGb(size / rule.shards),
            shards: rule.shards,
          })}
        </p>
      )}
    </div>
  );
}
