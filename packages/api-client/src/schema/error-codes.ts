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
      d.type === 'optional' ||
      d.type === 'nullable' ||
      d.type === 'default' ||
      d.type === 'prefault' ||
      d.type === 'readonly' ||
      d.type === 'nonoptional' ||
      d.type === 'catch'
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

/** Field names of an object layer of `s` (unions contribute every option's fields). */
function fieldsOf(s: z.ZodType): [string, z.ZodType][] {
  const out: [string, z.ZodType][] = [];
  for (const l of layers(s)) {
    const d = defOf(l);
    if (d.type === 'object') out.push(...Object.entries(d.shape as Record<string, z.ZodType>));
    if (d.type === 'union' || d.type === 'intersection') {
      const opts = (d.options as z.ZodType[] | undefined) ?? [d.left as z.ZodType, d.right as z.ZodType];
      for (const o of opts) out.push(...fieldsOf(o));
    }
  }
  return out;
}

/** Codes that cross-field rules (`params.dbsCode`) raise on a field, declared beside the rule. */
const crossFieldCodes = new WeakMap<z.ZodType, Record<string, readonly string[]>>();

/**
 * Declares the fields a schema's cross-field rules fail with each code (`{ 'DBS.280611': ['volume.size'] }`),
 * so a refusal that names no field still lands on the right one. Returns the same schema.
 */
export function withCrossFieldCodes<T extends z.ZodType>(
  schema: T,
  codes: Record<string, readonly string[]>,
): T {
  crossFieldCodes.set(schema, { ...crossFieldCodes.get(schema), ...codes });
  return schema;
}

/**
 * The fields of `schema` whose rule carries `dbsCode` (dotted paths, array items as `0`): how a form puts
 * a refusal that names no field on the field it is about. Empty when no field registers the code.
 */
export function fieldsWithCode(schema: z.ZodType, dbsCode: string, maxDepth = 6): string[] {
  const found = new Set<string>();
  const walk = (s: z.ZodType, path: string[], depth: number) => {
    if (depth > maxDepth) return;
    for (const [key, field] of fieldsOf(s)) {
      const here = [...path, key];
      if (codeOf(field) === dbsCode) found.add(here.join('.'));
      walk(field, here, depth + 1);
      const item = child(field, 0);
      if (item && item !== field) {
        if (codeOf(item) === dbsCode) found.add([...here, '0'].join('.'));
        walk(item, [...here, '0'], depth + 2);
      }
    }
  };
  walk(schema, [], 0);
  for (const l of layers(schema)) for (const path of crossFieldCodes.get(l)?.[dbsCode] ?? []) found.add(path);
  return [...found];
}

/** True when `schema` has a field at `path` (`volume.size`, `tags.0.key`): a server's field path that a form can show. */
export function schemaHasPath(schema: z.ZodType, path: readonly string[]): boolean {
  let cur: z.ZodType | undefined = schema;
  for (const key of path) {
    if (!cur) return false;
    cur = child(cur, /^\d+$/.test(key) ? Number(key) : key);
  }
  // A strict object's catch-all is `never`: no field by that name.
  return cur !== undefined && defOf(cur).type !== 'never';
}
