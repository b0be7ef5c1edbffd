import type { z } from 'zod';
import { BffError, bffRequest } from '../lib/bff';

/**
 * A read of the console's own API (audit, dashboard, storage history) parsed with its schema from the
 * console contract. Only the pages that need them import this and their schemas, so the parser stays out
 * of the first-load JavaScript; an answer the contract does not describe fails naming the field.
 */
export async function consoleRead<S extends z.ZodType>(
  schema: S,
  url: string,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const data = await bffRequest<unknown>('GET', url, undefined, signal);
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BffError(
    502,
    'RESPONSE_SHAPE',
    `${url}: ${issue?.path.join('.') || 'body'} ${issue?.message ?? 'does not match the contract'}`,
  );
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function queryOf(values: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
