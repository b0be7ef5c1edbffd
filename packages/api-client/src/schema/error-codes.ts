import { z } from 'zod';

/**
 * Every request rule carries the `DBS.*` code the reference gives for breaking it. The emulator answers
 * with that code; the BFF and the web show the rule's message. Codes live in a zod registry so the schema
 * stays an ordinary schema (and OpenAPI can print them as `x-dbs-code`).
 */
export const dbsCodeRegistry = z.registry<{ dbsCode: string }>();

/** Registers the code for breaking `schema`'s rule. Returns the same schema. */
export function withCode<T extends z.ZodType>(schema: T, dbsCode: string): T {
  dbsCodeRegistry.add(schema, { dbsCode });
  return schema;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwraps optional/nullable/default/pipe wrappers, collecting each layer (a code may sit on any). */
function layers(s: z.ZodType): z.ZodType[] {
  const out: z.ZodType[] = [s];
  let cur: z.ZodType = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    const inner =
      d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault' || d.type === 'readonly' || d.type === 'nonoptional' || d.type === 'catch'
        ? (d.innerType as z.ZodType)
        : d.type === 'pipe'
          ? ((defOf(d.in as z.ZodType).type === 'transform' ? d.out : d.in) as z.ZodType)
          : d.type === 'lazy'
            ? (d.getter as () => z.ZodType)()
            : undefined;
    if (!inner) break;
    out.push(inner);
    cur = inner;
  }
  return out;
}

function child(s: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  for (const l of layers(s)) {
    const d = defOf(l);
    if (d.type === 'object') {
      const shape = d.shape as Record<string, z.ZodType>;
      if (typeof key === 'string' && key in shape) return shape[key];
      return d.catchall as z.ZodType | undefined;
    }
    if (d.type === 'array') return d.element as z.ZodType;
    if (d.type === 'record') return d.valueType as z.ZodType;
    if (d.type === 'union' || d.type === 'intersection') {
      const opts = (d.options as z.ZodType[] | undefined) ?? [d.left as z.ZodType, d.right as z.ZodType];
      for (const o of opts) {
        const c = child(o, key);
        if (c) return c;
      }
    }
  }
  return undefined;
}

function codeOf(s: z.ZodType): string | undefined {
  for (const l of layers(s)) {
    const m = dbsCodeRegistry.get(l);
    if (m) return m.dbsCode;
  }
  return undefined;
}

/**
 * The code registered nearest to the failing field: the field itself, else its closest ancestor,
 * else `fallback`.
 */
export function dbsCodeForPath(schema: z.ZodType, path: readonly PropertyKey[], fallback: string): string {
  let cur: z.ZodType | undefined = schema;
  let found = codeOf(schema);
  for (const key of path) {
    if (!cur) break;
    cur = child(cur, key);
    if (cur) found = codeOf(cur) ?? found;
  }
  return found ?? fallback;
}

/**
 * The DBS code for one validation issue: a cross-field rule may name its code in the issue's
 * `params.dbsCode`; otherwise the code registered nearest to the failing field.
 */
export function dbsCodeForIssue(
  schema: z.ZodType,
  issue: { path: readonly PropertyKey[]; params?: unknown },
  fallback: string,
): string {
  const params = issue.params as { dbsCode?: unknown } | undefined;
  if (params && typeof params.dbsCode === 'string') return params.dbsCode;
  return dbsCodeForPath(schema, issue.path, fallback);
}
