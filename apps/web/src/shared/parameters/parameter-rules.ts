/**
 * Database parameters as every editor of them sees them (instance parameters 4.5.2, template parameters
 * 4.5.6, tenant parameters 4.10.7): what a value may be, read from the parameter's `type` and `value_range`,
 * and the check a staged value passes before anything is sent. The server checks again (DBS.280271).
 */

/** One parameter with what an editor needs to know about it. */
export interface EditableParameter {
  name: string;
  /** The value in effect now. */
  value: string;
  /** The default of the engine version and deployment (unknown: undefined). */
  defaultValue?: string;
  /** The wire type: string | integer | boolean | list | float (others are treated as text). */
  type: string;
  /** The wire `value_range`: `min-max` for numbers, `|a|b|c` (or `a|b|c`) for enumerations. */
  range?: string;
  /** A changed value takes effect only after a restart. */
  restart: boolean;
  /** Shown, never changeable (the service manages it). */
  readonly?: boolean;
  description?: string;
}

/** What a value of a parameter may be. */
export type ValueRule =
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'choice'; options: string[] }
  | { kind: 'list'; options: string[] }
  | { kind: 'text' };

/** Why a value breaks its rule: an i18n key under `paramEdit.problem` and its values. */
export interface ValueProblem {
  key: 'empty' | 'integer' | 'number' | 'below' | 'above' | 'choice' | 'listItem' | 'listTwice';
  values?: Record<string, string | number>;
}

const NUMBER = String.raw`-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const RANGE = new RegExp(String.raw`^\s*[[(]?\s*(${NUMBER})\s*(?:-|~|,|\.\.)\s*(${NUMBER})\s*[\])]?\s*$`);
const INTEGER = /^[+-]?\d+$/;
const FLOAT = new RegExp(`^[+]?${NUMBER}$`);

/** `0-2097151`, `-1-2147483647`, `0-1.79769e+308`, `[1, 100]`: the bounds, or undefined. */
export function parseNumberRange(range: string | undefined): { min: number; max: number } | undefined {
  const m = range ? RANGE.exec(range) : null;
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = Number(m[2]);
  return Number.isFinite(min) && Number.isFinite(max) && min <= max ? { min, max } : undefined;
}

/** `|on|off`, `on|off`: the options of an enumeration (none when the range is not one). */
export function parseOptions(range: string | undefined): string[] {
  if (!range || !range.includes('|')) return [];
  return range
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The rule a parameter's type and range give its values. */
export function ruleOf(p: Pick<EditableParameter, 'type' | 'range'>): ValueRule {
  const type = p.type.toLowerCase();
  if (type === 'integer' || type === 'float') {
    const bounds = parseNumberRange(p.range);
    return { kind: 'number', integer: type === 'integer', ...bounds };
  }
  if (type === 'boolean') {
    const options = parseOptions(p.range);
    return { kind: 'choice', options: options.length ? options : ['on', 'off'] };
  }
  const options = parseOptions(p.range);
  if (type === 'list' && options.length) return { kind: 'list', options };
  if (options.length) return { kind: 'choice', options };
  return { kind: 'text' };
}

/** Spellings of a boolean the server accepts, as the option it stores. */
const BOOLEAN_WORDS: Record<string, string> = {
  on: 'on',
  off: 'off',
  true: 'on',
  false: 'off',
  yes: 'on',
  no: 'off',
  '1': 'on',
  '0': 'off',
};

/**
 * Checks a typed value against its rule. `normalised` is what is sent (trimmed; an option in the case the
 * server lists it; a list without spaces). A problem means nothing may be sent.
 */
export function checkValue(rule: ValueRule, raw: string): { problem?: ValueProblem; normalised: string } {
  const v = raw.trim();
  switch (rule.kind) {
    case 'number': {
      if (v === '') return { problem: { key: 'empty' }, normalised: v };
      const ok = rule.integer ? INTEGER.test(v) : FLOAT.test(v);
      const n = Number(v);
      if (!ok || !Number.isFinite(n))
        return { problem: { key: rule.integer ? 'integer' : 'number' }, normalised: v };
      if (rule.min !== undefined && n < rule.min)
        return { problem: { key: 'below', values: { min: rule.min } }, normalised: v };
      if (rule.max !== undefined && n > rule.max)
        return { problem: { key: 'above', values: { max: rule.max } }, normalised: v };
      return { normalised: rule.integer ? String(n) : v.replace(/^\+/, '') };
    }
    case 'choice': {
      const hit = rule.options.find((o) => o.toLowerCase() === v.toLowerCase());
      if (hit) return { normalised: hit };
      const isBool = rule.options.length === 2 && rule.options.includes('on') && rule.options.includes('off');
      const word = isBool ? BOOLEAN_WORDS[v.toLowerCase()] : undefined;
      if (word) return { normalised: word };
      return { problem: { key: 'choice', values: { options: rule.options.join(', ') } }, normalised: v };
    }
    case 'list': {
      const items = v === '' ? [] : v.split(',').map((s) => s.trim());
      const out: string[] = [];
      for (const item of items) {
        const hit = rule.options.find((o) => o.toLowerCase() === item.toLowerCase());
        if (!hit)
          return {
            problem: { key: 'listItem', values: { item, options: rule.options.join(', ') } },
            normalised: v,
          };
        if (out.includes(hit)) return { problem: { key: 'listTwice', values: { item: hit } }, normalised: v };
        out.push(hit);
      }
      return { normalised: out.join(',') };
    }
    case 'text':
      return { normalised: v };
  }
}

/** Two values of one parameter mean the same (`ON` and `on`, `1.0` and `1`). */
export function sameValue(rule: ValueRule, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.trim() === b.trim()) return true;
  const x = checkValue(rule, a);
  const y = checkValue(rule, b);
  if (x.problem || y.problem) return false;
  if (rule.kind === 'number') return Number(x.normalised) === Number(y.normalised);
  return x.normalised === y.normalised;
}

/** The range in words for a table cell: `0 – 2097151`, `on, off`. */
export function rangeText(rule: ValueRule, range: string | undefined): string {
  switch (rule.kind) {
    case 'number':
      return rule.min !== undefined && rule.max !== undefined ? `${rule.min} – ${rule.max}` : (range ?? '');
    case 'choice':
    case 'list':
      return rule.options.join(', ');
    case 'text':
      return range ?? '';
  }
}
