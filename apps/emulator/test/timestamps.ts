import { operationList, type OperationDescriptor } from '@gaussdb-console/api-client';

/**
 * Every point in time a response carries, wherever it sits: date strings in the reference's formats
 * (`2026-01-15T08:00:00Z`, `…+0800`, `2026-01-15 08:00:00 UTC`) and epoch-ms numbers. Expiry times
 * (`expires_at`, link expiries) are the future by design and are left out.
 */
export interface Stamp {
  where: string;
  ms: number;
}

const DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z| UTC|[+-]\d{2}:?\d{2})?$/;

export function parseStamp(value: string): number | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const zone =
    m[4] === undefined || m[4] === ' UTC'
      ? 'Z'
      : m[4].length === 5
        ? `${m[4].slice(0, 3)}:${m[4].slice(3)}`
        : m[4];
  const ms = Date.parse(`${m[1]}T${m[2]}${m[3] ?? ''}${zone}`);
  return Number.isFinite(ms) ? ms : undefined;
}

const isExpiry = (key: string) => /expir/i.test(key);
// Epoch ms from 2001 to 2286: plausible as times; sizes and counts are far smaller or not named like times.
const isEpochMs = (key: string, n: number) => /(_at|_time|time|date)$/i.test(key) && n > 1e12 && n < 1e13;

export function stampsOf(value: unknown, where = ''): Stamp[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => stampsOf(v, `${where}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
      if (isExpiry(k)) return [];
      const at = where ? `${where}.${k}` : k;
      if (typeof v === 'string') {
        const ms = parseStamp(v) ?? (isEpochMs(k, Number(v)) && /^\d+$/.test(v) ? Number(v) : undefined);
        return ms === undefined ? [] : [{ where: at, ms }];
      }
      if (typeof v === 'number') return isEpochMs(k, v) ? [{ where: at, ms: v }] : [];
      return stampsOf(v, at);
    });
  }
  return [];
}

type Get = (path: string) => Promise<{ status: number; body: unknown }>;

/** Paths to read: every GET the registry has whose path needs at most an instance id or a template id and no query. */
function readable(op: OperationDescriptor): boolean {
  if (op.method !== 'GET' || op.service === 'iam' || op.projectless) return false;
  if (!op.query.safeParse({}).success) return false;
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((p) => p !== 'project_id');
  return params.every((p) => p === 'instance_id' || p === 'config_id');
}

/**
 * Reads every page of a project the console can show (each GET of the registry, for every instance and every
 * parameter template) and returns how many points in time it saw and those later than `now` (plus `slackMs`).
 */
export async function futureStampsOfProject(
  get: Get,
  projectId: string,
  now: number,
  slackMs = 1000,
): Promise<{ seen: number; future: Stamp[] }> {
  const ops = operationList.filter(readable);
  const instanceIds = (
    (await get(`/v3.1/${projectId}/instances?limit=100`)).body as { instances: { id: string }[] }
  ).instances.map((i) => i.id);
  const configIds = (
    (await get(`/v3.1/${projectId}/configurations?limit=100`)).body as { configurations: { id: string }[] }
  ).configurations.map((c) => c.id);
  const paths: string[] = [];
  for (const op of ops) {
    const base = op.path.replace('{project_id}', projectId);
    if (base.includes('{instance_id}'))
      for (const id of instanceIds) paths.push(base.replace('{instance_id}', id));
    else if (base.includes('{config_id}'))
      for (const id of configIds) paths.push(base.replace('{config_id}', id));
    else paths.push(base);
  }
  paths.push(`/v3/${projectId}/tasks?limit=100`, `/v3.1/${projectId}/backups?limit=100`);
  const future: Stamp[] = [];
  let seen = 0;
  for (const p of paths) {
    const res = await get(p);
    if (res.status >= 300) continue;
    for (const s of stampsOf(res.body, p)) {
      seen++;
      if (s.ms > now + slackMs) future.push(s);
    }
  }
  return { seen, future };
}
