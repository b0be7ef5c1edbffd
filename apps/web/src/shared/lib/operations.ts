import { fillBffPath, getOperation, type CallInput, type CallOutput, type OperationId, type Operations } from '@gaussdb-console/api-client/browser';
import { bffRequest } from './bff';

export type OpInput<K extends OperationId> = CallInput<Operations[K]>;
export type OpOutput<K extends OperationId> = CallOutput<Operations[K]>;

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Calls an operation through the console's BFF route for it (the same table the BFF mounts), so a page
 * names the API's operation and gets the contract's types back.
 */
export function callOperation<K extends OperationId>(
  id: K,
  project: string,
  input: OpInput<K>,
  signal?: AbortSignal,
): Promise<OpOutput<K>> {
  const op = getOperation(id);
  if (!op) throw new Error(`unknown operation ${String(id)}`);
  const { path, query, body } = input as { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const url = fillBffPath(op, project, path ?? {}) + queryString(query);
  return bffRequest<OpOutput<K>>(op.method, url, body, signal);
}
