import { clsx } from 'clsx';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../forms/form-field';
import type { ValueProblem, ValueRule } from './parameter-rules';

/** A staged value's problem in words. */
export function useProblemText(): (problem: ValueProblem | undefined) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (problem: ValueProblem | undefined) =>
      problem ? t(`paramEdit.problem.${problem.key}`, problem.values ?? {}) : undefined,
    [t],
  );
}

/**
 * The control for one parameter's value: a list of its options for enumerations and booleans, a text box
 * for numbers, lists and text. Labelled by the parameter's name; its problem (or the server's refusal)
 * is read with it.
 */
export function ParameterValueInput(props: {
  id: string;
  name: string;
  rule: ValueRule;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  staged: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const errorId = `${props.id}-problem`;
  const common = {
    id: props.id,
    'aria-label': t('paramEdit.valueOf', { name: props.name }),
    'aria-invalid': !!props.problem,
    'aria-describedby': props.problem ? errorId : undefined,
    disabled: props.disabled,
    className: clsx(
      inputClass,
      'h-7 min-w-32 font-mono text-xs',
      props.staged && !props.problem && 'border-amber-500 dark:border-amber-400',
    ),
  };
  const { rule } = props;
  return (
    <div className="flex flex-col">
      {rule.kind === 'choice' ? (
        <select {...common} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {/* A current value outside the options (an older version's) stays visible. */}
          {!rule.options.some((o) => o.toLowerCase() === props.value.toLowerCase()) && (
            <option value={props.value}>{props.value}</option>
          )}
          {rule.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          value={props.value}
          inputMode={rule.kind === 'number' ? (rule.integer ? 'numeric' : 'decimal') : undefined}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {props.problem && (
        <span id={errorId} className="mt-0.5 max-w-64 text-xs text-red-700 dark:text-red-400">
          {props.problem}
        </span>
      )}
    </div>
  );
}
