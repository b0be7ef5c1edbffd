import { useTranslation } from 'react-i18next';
import { inputClass } from './form-field';

/**
 * The last guard of a destructive action (UI.md "Dangerous actions"): the user types the target's name;
 * the action stays disabled until it matches exactly.
 */
export function TypedConfirmation(props: {
  id: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const wrong = props.value !== '' && props.value !== props.name;
  return (
    <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-700">
      <label htmlFor={props.id} className="mb-1 block text-sm">
        {t('forms.typeToConfirm', { name: props.name })}
      </label>
      <input
        id={props.id}
        className={`${inputClass} font-mono`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        aria-invalid={wrong}
        aria-describedby={wrong ? `${props.id}-error` : undefined}
      />
      {wrong && (
        <p id={`${props.id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {t('forms.confirmMismatch', { name: props.name })}
        </p>
      )}
    </div>
  );
}
