import { clsx } from 'clsx';
import { useEffect, useId, useState } from 'react';

export const filterInputClass =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-800';

/** How long typing pauses before a filter applies. */
export const FILTER_DEBOUNCE_MS = 350;

/**
 * A text filter of a list that applies as the user types (after a pause), on Enter and on leaving the
 * field, like the search box: nobody has to guess that Enter is needed. A value that breaks `problem`'s
 * rule is not applied; the field says why instead. `suggestions` are offered as the user types.
 */
export function FilterInput(props: {
  value: string;
  onApply: (value: string) => void;
  label: string;
  placeholder?: string;
  title?: string;
  className?: string;
  /** Why a value cannot be applied (undefined: it can). */
  problem?: (value: string) => string | undefined;
  suggestions?: readonly string[];
}) {
  const { value, onApply, problem } = props;
  const [text, setText] = useState(value);
  const listId = useId();
  const errorId = useId();
  useEffect(() => setText(value), [value]);
  const trimmed = text.trim();
  const wrong = trimmed ? problem?.(trimmed) : undefined;
  useEffect(() => {
    if (trimmed === value || wrong) return;
    const id = setTimeout(() => onApply(trimmed), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [trimmed, value, wrong, onApply]);
  const apply = () => !wrong && trimmed !== value && onApply(trimmed);
  return (
    <span className="relative inline-flex flex-col">
      <input
        aria-label={props.label}
        placeholder={props.placeholder}
        title={props.title}
        className={clsx(filterInputClass, props.className, wrong && 'border-red-500')}
        value={text}
        list={props.suggestions?.length ? listId : undefined}
        aria-invalid={!!wrong}
        aria-describedby={wrong ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
      {props.suggestions?.length ? (
        <datalist id={listId}>
          {props.suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
      {wrong && (
        <span
          id={errorId}
          role="alert"
          className="absolute top-full left-0 z-10 mt-0.5 rounded bg-white px-1 text-xs whitespace-nowrap text-red-700 shadow dark:bg-slate-900 dark:text-red-400"
        >
          {wrong}
        </span>
      )}
    </span>
  );
}
