import { useCallback, useMemo, useState } from 'react';
import { checkValue, ruleOf, type EditableParameter, type ValueProblem } from './parameter-rules';

/** One staged edit: the parameter, its value now, the value typed, and what would be sent. */
export interface StagedChange {
  parameter: EditableParameter;
  name: string;
  from: string;
  /** As typed. */
  to: string;
  /** As it will be sent (see checkValue). */
  normalised: string;
  problem?: ValueProblem;
}

export interface StagedEdits {
  /** name → value as typed, for every staged parameter. */
  edits: Readonly<Record<string, string>>;
  /** The staged edits in the parameters' order, each checked against its rule. */
  changes: StagedChange[];
  /** Changes whose value breaks its parameter's rule. */
  invalid: StagedChange[];
  /** Changes that take effect only after a restart. */
  needRestart: StagedChange[];
  dirty: boolean;
  /** Stages a value; typing the current value back un-stages it. */
  stage: (name: string, value: string) => void;
  unstage: (name: string) => void;
  discard: () => void;
  /** name → value to send; only meaningful when `invalid` is empty. */
  values: () => Record<string, string>;
}

/**
 * Edits collected before anything is sent (templates, instance and tenant parameters): each staged value is
 * checked against its parameter's type and range as it is typed; all are sent together or discarded.
 * Edits of parameters that disappear (another version's list) are ignored.
 */
export function useStagedEdits(parameters: readonly EditableParameter[]): StagedEdits {
  const [edits, setEdits] = useState<Record<string, string>>({});
  const byName = useMemo(() => new Map(parameters.map((p) => [p.name, p])), [parameters]);

  const changes = useMemo(
    () =>
      parameters.flatMap((p): StagedChange[] => {
        const to = edits[p.name];
        if (to === undefined) return [];
        const { problem, normalised } = checkValue(ruleOf(p), to);
        return [{ parameter: p, name: p.name, from: p.value, to, normalised, problem }];
      }),
    [parameters, edits],
  );

  const stage = useCallback(
    (name: string, value: string) =>
      setEdits((prev) => {
        const p = byName.get(name);
        if (!p || p.readonly) return prev;
        const next = { ...prev };
        if (value === p.value) delete next[name];
        else next[name] = value;
        return next;
      }),
    [byName],
  );
  const unstage = useCallback(
    (name: string) =>
      setEdits((prev) => {
        if (!(name in prev)) return prev;
        const next = { ...prev };
        delete next[name];
        return next;
      }),
    [],
  );
  const discard = useCallback(() => setEdits({}), []);
  const values = useCallback(() => Object.fromEntries(changes.map((c) => [c.name, c.normalised])), [changes]);

  // One object per change of the edits, so lists that draw from it re-render only then.
  return useMemo(
    () => ({
      edits,
      changes,
      invalid: changes.filter((c) => c.problem),
      needRestart: changes.filter((c) => c.parameter.restart),
      dirty: changes.length > 0,
      stage,
      unstage,
      discard,
      values,
    }),
    [edits, changes, stage, unstage, discard, values],
  );
}
