import type { Parameter } from '@gaussdb-console/api-client/browser';
import { ruleOf, sameValue } from '../../../shared/parameters/parameter-rules';

/** One row of a comparison: a parameter, its value on each side (absent: the side has no such parameter). */
export interface ComparedParameter {
  name: string;
  left?: string;
  right?: string;
  differs: boolean;
  restart: boolean;
  description?: string;
  type?: string;
}

/**
 * Two parameter lists side by side, in the left list's order then what only the right has. Values are
 * compared by their parameter's rule (`ON` is `on`, `1.0` is `1`); `differing` (4.5.9's names, when the
 * server compared) decides instead where given.
 */
export function compareParameters(
  left: readonly Parameter[],
  right: readonly Parameter[],
  differing?: ReadonlySet<string>,
): ComparedParameter[] {
  const r = new Map(right.map((p) => [p.name, p]));
  const rows: ComparedParameter[] = [];
  const row = (name: string, a: Parameter | undefined, b: Parameter | undefined): ComparedParameter => {
    const meta = a ?? b!;
    const rule = ruleOf({
      type: meta.type ?? meta.data_type ?? 'string',
      range: meta.value_range ?? undefined,
    });
    const differs = differing
      ? differing.has(name)
      : !a || !b || !sameValue(rule, a.value ?? '', b.value ?? '');
    return {
      name,
      left: a ? (a.value ?? '') : undefined,
      right: b ? (b.value ?? '') : undefined,
      differs,
      restart: meta.restart_required ?? meta.need_restart ?? false,
      description: meta.description ?? undefined,
      type: meta.type ?? meta.data_type ?? undefined,
    };
  };
  for (const a of left) rows.push(row(a.name, a, r.get(a.name)));
  const seen = new Set(left.map((p) => p.name));
  for (const b of right) if (!seen.has(b.name)) rows.push(row(b.name, undefined, b));
  return rows;
}

/** How many parameters of `instance` differ from `template` (those only one side has count too). */
export const driftCount = (template: readonly Parameter[], instance: readonly Parameter[]) =>
  compareParameters(template, instance).filter((r) => r.differs).length;
