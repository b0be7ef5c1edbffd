import { operations } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { CheckCircle2, Loader2, XCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, inputClass } from '../../../shared/forms/form-field';
import { useTemplateNameCheck } from '../api/use-template-name-check';

const nameRule = operations.createParameterTemplate.body.shape.name;
const NAME_CHECK_DEBOUNCE_MS = 300;

/** Whether the typed name is taken (4.5.11), asked once the name keeps the rule and typing pauses. */
export function useNameAvailability(project: string, name: string) {
  const [settled, setSettled] = useState(name);
  useEffect(() => {
    const id = setTimeout(() => setSettled(name), NAME_CHECK_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [name]);
  const wellFormed = nameRule.safeParse(settled).success;
  const check = useTemplateNameCheck(project, settled, wellFormed);
  const checking = name !== settled || (wellFormed && check.isFetching && check.data === undefined);
  const taken = wellFormed && settled === name && check.data?.exist === true && !check.isPlaceholderData;
  const free = wellFormed && settled === name && check.data?.exist === false && !check.isPlaceholderData;
  return { checking, taken, free, checkError: check.error };
}

/**
 * A template's name in a form (create, copy, save as new): the reference's rule under it from the start,
 * checked against the existing names (4.5.11) as the user types. `taken` blocks the form's action.
 */
export function TemplateNameField({
  project,
  onTaken,
}: {
  project: string;
  onTaken: (blocked: boolean) => void;
}) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<{ name: string }>();
  const name = useWatch({ control, name: 'name' }) ?? '';
  const a = useNameAvailability(project, name);
  const blocked = a.taken || a.checking;
  useEffect(() => onTaken(blocked), [blocked, onTaken]);
  return (
    <Field
      name="name"
      label={t('parameters.form.name')}
      rule={
        <>
          {t('parameters.form.nameRule')}
          {name !== '' && nameRule.safeParse(name).success && (
            <span
              role="status"
              className={clsx(
                'mt-0.5 flex items-center gap-1',
                a.taken
                  ? 'text-red-700 dark:text-red-400'
                  : a.free
                    ? 'text-emerald-800 dark:text-emerald-300'
                    : '',
              )}
            >
              {a.checking ? (
                <>
                  <Loader2 className="size-3 animate-spin motion-reduce:animate-none" aria-hidden />
                  {t('parameters.form.nameChecking')}
                </>
              ) : a.taken ? (
                <>
                  <XCircle className="size-3" aria-hidden />
                  {t('parameters.form.nameTaken', { name })}
                </>
              ) : a.free ? (
                <>
                  <CheckCircle2 className="size-3" aria-hidden />
                  {t('parameters.form.nameFree')}
                </>
              ) : null}
            </span>
          )}
        </>
      }
    >
      {(f) => (
        <input {...f} {...register('name')} className={inputClass} autoComplete="off" spellCheck={false} />
      )}
    </Field>
  );
}
