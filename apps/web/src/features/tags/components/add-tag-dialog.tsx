import { operations, TAG_QUOTA_PER_INSTANCE, type Instance } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, inputClass } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { pushToast } from '../../../shared/lib/toasts';
import { instanceKeys } from '../../instances/api/instance-keys';
import { tagKeys } from '../api/tag-keys';
import { usePredefinedTags } from '../api/use-predefined-tags';
import { addTagSchema } from './tag-rules';

/**
 * 4.11.4: one tag for the instance. The project's predefined tags (4.11.3) come first, one click each; a
 * key the instance already carries and a tag past the quota are refused before anything is sent.
 */
export function AddTagDialog(props: {
  project: string;
  instance: Instance;
  existing: readonly { key: string; value: string }[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, instance, existing } = props;
  const predefined = usePredefinedTags(project);
  const schema = useMemo(
    () =>
      addTagSchema(
        operations.addInstanceTags.body,
        existing.map((e) => e.key),
        TAG_QUOTA_PER_INSTANCE,
        t,
      ),
    [existing, t],
  );
  const op = useOperationForm('addInstanceTags', {
    project,
    schema,
    defaultValues: { tags: [{ key: '', value: '' }] },
    toInput: (body) => ({ path: { instance_id: instance.id }, body }),
    invalidates: [tagKeys.all(project), instanceKeys.all(project)],
    onAccepted: () => {
      const [tag] = op.form.getValues('tags');
      pushToast({
        tone: 'success',
        title: t('tags.added', { tag: `${tag?.key}=${tag?.value}`, name: instance.name }),
      });
    },
  });
  const [key, value] = useWatch({ control: op.form.control, name: ['tags.0.key', 'tags.0.value'] });
  const taken = new Set(existing.map((e) => e.key));
  const offers = (predefined.data ?? []).flatMap((p) =>
    (p.values.length ? p.values : ['']).map((v) => ({ key: p.key, value: v })),
  );
  const pick = (k: string, v: string) => {
    op.form.setValue('tags.0.key', k, { shouldValidate: true, shouldDirty: true });
    op.form.setValue('tags.0.value', v, { shouldValidate: true, shouldDirty: true });
  };
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tags.addTitle', { name: instance.name })}
      description={t('tags.quotaLeft', {
        left: TAG_QUOTA_PER_INSTANCE - existing.length,
        max: TAG_QUOTA_PER_INSTANCE,
      })}
      submitLabel={t('tags.addSubmit')}
    >
      {offers.length > 0 && (
        <div className="mb-3" role="group" aria-labelledby="predefined-tags">
          <p id="predefined-tags" className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
            {t('tags.predefined')}
          </p>
          <div className="flex flex-wrap gap-1">
            {offers.map((o) => {
              const chosen = o.key === key && o.value === value;
              return (
                <button
                  key={`${o.key}=${o.value}`}
                  type="button"
                  disabled={taken.has(o.key)}
                  aria-pressed={chosen}
                  title={taken.has(o.key) ? t('tags.alreadyHas', { key: o.key }) : undefined}
                  onClick={() => pick(o.key, o.value)}
                  className={clsx(
                    'rounded border px-2 py-0.5 text-xs disabled:cursor-not-allowed disabled:opacity-50',
                    chosen
                      ? 'border-sky-600 bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-200'
                      : 'border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800',
                  )}
                >
                  {o.key}={o.value}
                </button>
              );
            })}
          </div>
        </div>
      )}
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <Field name="tags.0.key" label={t('tags.key')} rule={t('tags.rules.key')}>
          {(a) => (
            <input
              {...a}
              {...op.form.register('tags.0.key')}
              list="tag-keys"
              className={inputClass}
              autoFocus
            />
          )}
        </Field>
        <Field name="tags.0.value" label={t('tags.value')} rule={t('tags.rules.value')}>
          {(a) => (
            <input {...a} {...op.form.register('tags.0.value')} list="tag-values" className={inputClass} />
          )}
        </Field>
      </div>
      <datalist id="tag-keys">
        {[...new Set(offers.map((o) => o.key))].map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <datalist id="tag-values">
        {offers
          .filter((o) => o.key === key && o.value)
          .map((o) => (
            <option key={o.value} value={o.value} />
          ))}
      </datalist>
    </OperationDialog>
  );
}
