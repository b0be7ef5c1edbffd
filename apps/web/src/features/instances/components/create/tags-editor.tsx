import { Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../shared/ui/button';
import { FieldError, inputClass, useFieldError, useFieldId } from '../../../../shared/forms/form-field';
import type { WizardValues } from './wizard-values';

function TagRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const { register } = useFormContext<WizardValues>();
  const keyError = useFieldError(`tags.${index}.key`);
  const valueError = useFieldError(`tags.${index}.value`);
  const fieldId = useFieldId();
  const keyId = fieldId(`tags.${index}.key`);
  const valueId = fieldId(`tags.${index}.value`);
  return (
    <li className="flex flex-wrap items-start gap-2">
      <div className="w-56">
        <input
          id={keyId}
          {...register(`tags.${index}.key`)}
          list="create-predefined-tag-keys"
          aria-label={t('createInstance.tags.keyN', { n: index + 1 })}
          aria-invalid={!!keyError}
          aria-describedby={keyError ? `${keyId}-error` : undefined}
          placeholder={t('createInstance.tags.key')}
          className={inputClass}
        />
        <FieldError id={`${keyId}-error`} message={keyError} />
      </div>
      <div className="w-56">
        <input
          id={valueId}
          {...register(`tags.${index}.value`)}
          list="create-predefined-tag-values"
          aria-label={t('createInstance.tags.valueN', { n: index + 1 })}
          aria-invalid={!!valueError}
          aria-describedby={valueError ? `${valueId}-error` : undefined}
          placeholder={t('createInstance.tags.value')}
          className={inputClass}
        />
        <FieldError id={`${valueId}-error`} message={valueError} />
      </div>
      <Button
        size="sm"
        variant="ghost"
        onClick={onRemove}
        aria-label={t('createInstance.tags.removeN', { n: index + 1 })}
      >
        <Trash2 className="size-4" aria-hidden />
      </Button>
    </li>
  );
}

/** Key/value rows, with the project's predefined tags offered as suggestions. */
export function TagsEditor({ predefined }: { predefined: { key: string; values: string[] }[] }) {
  const { t } = useTranslation();
  const { control } = useFormContext<WizardValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'tags' });
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
        {t('createInstance.fields.tags')}
        <span className="ml-1 font-normal text-slate-500 dark:text-slate-400">
          ({t('createInstance.optional')})
        </span>
      </legend>
      <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {t('createInstance.rules.tagKey')} {t('createInstance.rules.tagValue')}{' '}
        {t('createInstance.rules.tags')}
      </p>
      <ul className="grid gap-2">
        {fields.map((f, i) => (
          <TagRow key={f.id} index={i} onRemove={() => remove(i)} />
        ))}
      </ul>
      <Button size="sm" className="mt-2" onClick={() => append({ key: '', value: '' })}>
        <Plus className="size-4" aria-hidden />
        {t('createInstance.tags.add')}
      </Button>
      <datalist id="create-predefined-tag-keys">
        {predefined.map((p) => (
          <option key={p.key} value={p.key} />
        ))}
      </datalist>
      <datalist id="create-predefined-tag-values">
        {[...new Set(predefined.flatMap((p) => p.values))].map((val) => (
          <option key={val} value={val} />
        ))}
      </datalist>
    </fieldset>
  );
}
