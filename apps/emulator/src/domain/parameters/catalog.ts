import { ApiError, type Language } from '../../http/errors';
import { compareVersions } from '../flavors';
import type { HaMode } from '../instance-model';
import { GUC_CATALOG, type GucSpec } from './catalog-data';

/** One parameter as it applies to one engine version and deployment mode. */
export interface ResolvedGuc {
  spec: GucSpec;
  default: string;
  min?: number;
  max?: number;
  restart: boolean;
}

/** Where a parameter set applies: engine version (`8.201`) and deployment mode. */
export interface Scope {
  version: string;
  mode: HaMode;
}

export const PARAMETER_CODES = {
  unknown: 'DBS.212012',
  outOfRange: 'DBS.280271',
  readonly: 'DBS.212003',
} as const;

const exists = (spec: GucSpec, scope: Scope) =>
  (!spec.modes || spec.modes.includes(scope.mode)) &&
  (!spec.since || compareVersions(scope.version, spec.since) >= 0);

function resolve(spec: GucSpec, scope: Scope): ResolvedGuc {
  const byVersion = spec.byVersion?.[scope.version];
  const byMode = spec.byMode?.[scope.mode];
  return {
    spec,
    default: byVersion?.default ?? byMode?.default ?? spec.default,
    min: byVersion?.min ?? byMode?.min ?? spec.min,
    max: byVersion?.max ?? byMode?.max ?? spec.max,
    restart: spec.context === 'POSTMASTER',
  };
}

/** Every parameter of `scope`, in catalogue order. */
export function parametersOf(scope: Scope): ResolvedGuc[] {
  return GUC_CATALOG.filter((s) => exists(s, scope)).map((s) => resolve(s, scope));
}

export function findParameter(scope: Scope, name: string): ResolvedGuc | undefined {
  const spec = GUC_CATALOG.find((s) => s.name === name);
  return spec && exists(spec, scope) ? resolve(spec, scope) : undefined;
}

/** name → default value of every parameter of `scope`. */
export function defaultsOf(scope: Scope): Record<string, string> {
  return Object.fromEntries(parametersOf(scope).map((p) => [p.spec.name, p.default]));
}

const BOOLEAN_WORDS: Record<string, 'on' | 'off'> = {
  on: 'on',
  off: 'off',
  true: 'on',
  false: 'off',
  yes: 'on',
  no: 'off',
  '1': 'on',
  '0': 'off',
};

/** The reference's `value_range`: `min-max` for numbers, `|a|b|c` for enumerations (as 4.10.7 writes them). */
export function valueRange(p: ResolvedGuc): string {
  const s = p.spec;
  if (s.kind === 'boolean') return '|on|off';
  if (s.kind === 'enum' || s.kind === 'list') return `|${(s.values ?? []).join('|')}`;
  if (s.kind === 'integer' || s.kind === 'float') return `${p.min}-${p.max}`;
  return '';
}

/** The wire `type` (string | integer | boolean | list | float): an enumeration is sent as `string`. */
export function wireType(p: ResolvedGuc): string {
  return p.spec.kind === 'enum' ? 'string' : p.spec.kind;
}

/** The description in the caller's language, with the unit a number is counted in. */
export function describe(p: ResolvedGuc, language: Language): string {
  const base = language === 'zh-cn' ? p.spec.description.zh : p.spec.description.en;
  if (!p.spec.unit) return base;
  return language === 'zh-cn' ? `${base}（单位：${p.spec.unit}）` : `${base} (unit: ${p.spec.unit})`;
}

/** Why `value` is not valid for `p`, or undefined; `normalised` is the value as stored. */
export function checkValue(p: ResolvedGuc, value: string): { problem?: string; normalised: string } {
  const s = p.spec;
  const v = value.trim();
  switch (s.kind) {
    case 'boolean': {
      const b = BOOLEAN_WORDS[v.toLowerCase()];
      return b ? { normalised: b } : { problem: 'must be on or off', normalised: v };
    }
    case 'enum': {
      const hit = s.values?.find((x) => x === v.toLowerCase());
      return hit
        ? { normalised: hit }
        : { problem: `must be one of ${(s.values ?? []).join(', ')}`, normalised: v };
    }
    case 'list': {
      const items = v === '' ? [] : v.split(',').map((x) => x.trim().toLowerCase());
      const bad = items.find((x) => !s.values?.includes(x));
      if (bad !== undefined)
        return {
          problem: `"${bad}" is not an option; options: ${(s.values ?? []).join(', ')}`,
          normalised: v,
        };
      if (new Set(items).size !== items.length) return { problem: 'lists an option twice', normalised: v };
      return { normalised: items.join(',') };
    }
    case 'integer':
    case 'float': {
      const pattern = s.kind === 'integer' ? /^-?\d+$/ : /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
      const n = Number(v);
      if (!pattern.test(v) || !Number.isFinite(n))
        return {
          problem: `must be ${s.kind === 'integer' ? 'an integer' : 'a number'} in ${p.min}-${p.max}`,
          normalised: v,
        };
      if ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max))
        return { problem: `must lie in ${p.min}-${p.max}`, normalised: v };
      return { normalised: s.kind === 'integer' ? String(n) : v };
    }
    case 'string': {
      if (v.length > 1024) return { problem: 'is longer than 1024 characters', normalised: v };
      if (s.pattern && !s.pattern.test(v))
        return { problem: `must be ${s.patternRule ?? 'well-formed'}`, normalised: v };
      return { normalised: v };
    }
  }
}

/**
 * Checks a map of name → value against the catalogue of `scope` and returns the values as stored. One bad entry
 * refuses the whole map (nothing is half-applied): unknown name DBS.212012, read-only DBS.212003, bad value
 * DBS.280271 (PARAM-3). `field` names the request field for messages (`values`, `parameter_values`).
 */
export function validateValues(
  scope: Scope,
  values: Record<string, string>,
  field: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const p = findParameter(scope, name);
    if (!p) {
      throw new ApiError(
        400,
        PARAMETER_CODES.unknown,
        `${field}: the parameter "${name}" does not exist for GaussDB ${scope.version} (${scope.mode})`,
        `${field}.${name}`,
      );
    }
    if (p.spec.readonly)
      throw new ApiError(
        400,
        PARAMETER_CODES.readonly,
        `${field}: the parameter "${name}" is read-only`,
        `${field}.${name}`,
      );
    const { problem, normalised } = checkValue(p, value);
    if (problem)
      throw new ApiError(
        400,
        PARAMETER_CODES.outOfRange,
        `${field}.${name}: "${value}" is out of range; it ${problem}`,
        `${field}.${name}`,
      );
    out[name] = normalised;
  }
  return out;
}
