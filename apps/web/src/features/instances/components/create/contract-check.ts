import { dbsCodeForPath, operations } from '@gaussdb-console/api-client/browser';
import type { z } from 'zod';

/** One failed rule of the request, at its request path (`volume.size`), with the rule's DBS code when known. */
export interface RequestIssue {
  path: string;
  message: string;
  dbsCode?: string;
}

const createBody = operations.createInstance.body;

type Json = Record<string, unknown>;

/**
 * Valid stand-ins for fields that fail on their own. The contract runs its cross-field rules (disk per
 * shard count, AZ layout, master AZ) only once every field is valid; to show those rules while the user
 * is still on an early step, the probe re-parses with the failing fields replaced by these.
 */
const STAND_INS: Record<string, (b: Json) => unknown> = {
  name: () => 'standin',
  password: () => 'Standin-1x',
  'datastore.version': () => undefined,
  flavor_ref: () => 'standin',
  'volume.type': () => 'ULTRAHIGH',
  'volume.size': () => 1,
  region: () => 'standin',
  vpc_id: () => 'standin',
  subnet_id: () => 'standin',
  security_group_id: () => undefined,
  port: () => undefined,
  'backup_strategy.start_time': () => '02:00-03:00',
  'backup_strategy.keep_days': () => undefined,
  configuration_id: () => undefined,
  time_zone: () => undefined,
  master_az: () => undefined,
  sharding_num: () => 3,
  coordinator_num: () => undefined,
  availability_zone: (b) => (b.solution === 'double' ? 'standin-a,standin-b' : 'standin,standin,standin'),
};

/** A cross-field rule's result depends on these fields: ignore it when one of them was stood in for. */
const DEPENDS_ON: Record<string, string[]> = {
  'volume.size': ['sharding_num', 'ha.mode'],
  coordinator_num: ['sharding_num'],
  master_az: ['availability_zone', 'solution'],
  availability_zone: ['solution'],
  solution: ['datastore.version'],
};

function setPath(obj: Json, path: string, value: unknown): Json {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return obj;
  const copy: Json = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head];
  copy[head] = setPath(
    typeof child === 'object' && child !== null ? (child as Json) : {},
    rest.join('.'),
    value,
  );
  return copy;
}

const keyOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.');
const isCrossField = (issue: z.core.$ZodIssue) =>
  issue.code === 'custom' &&
  typeof (issue as { params?: { dbsCode?: unknown } }).params?.dbsCode === 'string';
const dbsCodeOf = (issue: z.core.$ZodIssue) => (issue as { params?: { dbsCode?: string } }).params?.dbsCode;

/**
 * Checks a create body with the contract's own schema (the rules the server applies), including the
 * cross-field rules that the schema would hold back until every other field is valid.
 */
export function checkCreateBody(body: unknown): RequestIssue[] {
  const found = new Map<string, RequestIssue>();
  const replaced = new Set<string>();
  let probe = body as Json;
  for (let round = 0; round < 4; round++) {
    const result = createBody.safeParse(probe);
    if (result.success) break;
    let substituted = false;
    for (const issue of result.error.issues) {
      const path = keyOf(issue);
      if (replaced.has(path) || (DEPENDS_ON[path] ?? []).some((d) => replaced.has(d))) continue;
      if (!found.has(path))
        found.set(path, {
          path,
          message: issue.message,
          dbsCode: dbsCodeOf(issue) ?? dbsCodeForPath(createBody, issue.path, 'DBS.200001'),
        });
      const standIn = STAND_INS[path];
      if (!isCrossField(issue) && standIn) {
        probe = setPath(probe, path, standIn(probe));
        replaced.add(path);
        substituted = true;
      }
    }
    if (!substituted) break;
  }
  return [...found.values()];
}
