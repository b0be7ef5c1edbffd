import type { OperationDescriptor } from '../operations/define';
import { GaussDbConfigError, GaussDbValidationError } from './errors';
import { rfc3986 } from './encoding';

type QueryValue = string | number | boolean | bigint | null | undefined | readonly unknown[] | Date;

function queryText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(queryText).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * Query string in the order the keys were given: undefined/null skipped, arrays comma-joined (the API's
 * `tags=k1=v1,k2=v2` style), everything RFC 3986-encoded so the AK/SK canonical form matches the wire.
 */
export function serializeQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null) continue;
    parts.push(`${rfc3986(key)}=${rfc3986(queryText(value))}`);
  }
  return parts.join('&');
}

/**
 * Fills a path template: `{project_id}` from the configuration, every other `{name}` from `params`,
 * percent-encoded so an id can never add a path segment.
 */
export function buildPath(
  descriptor: Pick<OperationDescriptor, 'id' | 'path'>,
  params: Readonly<Record<string, unknown>> | undefined,
  projectId: string | undefined,
): string {
  const template = descriptor.path.split('?')[0] ?? '';
  const missing: string[] = [];
  const filled = template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (name === 'project_id') {
      if (!projectId)
        throw new GaussDbConfigError(`${descriptor.id}: a projectId is required for ${descriptor.path}`);
      return rfc3986(projectId);
    }
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      missing.push(name);
      return '';
    }
    return rfc3986(queryText(value));
  });
  if (missing.length > 0) {
    throw new GaussDbValidationError(
      descriptor.id,
      missing.map((field) => ({ location: 'path' as const, field, message: 'required path parameter' })),
    );
  }
  return filled;
}

/** Fixed query pairs a path template may carry after `?` (e.g. `/jobs?id=`): only those with a value. */
export function templateQuery(path: string): Record<string, string> {
  const q = path.split('?')[1];
  const out: Record<string, string> = {};
  if (!q) return out;
  for (const pair of q.split('&')) {
    const [k, v] = pair.split('=');
    if (k && v) out[k] = v;
  }
  return out;
}

/** Absolute URL from an endpoint (which may carry a path prefix), a filled path and a query string. */
export function joinUrl(endpoint: string, path: string, query: string): URL {
  const base = endpoint.replace(/\/+$/, '');
  return new URL(`${base}${path.startsWith('/') ? '' : '/'}${path}${query ? `?${query}` : ''}`);
}
