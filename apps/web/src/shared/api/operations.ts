import {
  fillBffPath,
  getOperation,
  operations,
  paginate,
  type CallInput,
  type CallOutput,
  type GaussDbClientCore,
  type OperationDescriptor,
  type OperationId,
  type Operations,
  type PageItem,
} from '@gaussdb-console/api-client/browser';
import { bffRequest } from '../lib/bff';

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

function callDescriptor(
  op: OperationDescriptor,
  project: string,
  input: unknown,
  signal?: AbortSignal,
): Promise<unknown> {
  const { path, query, body } = (input ?? {}) as {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const url = fillBffPath(op, project, path ?? {}) + queryString(query);
  return bffRequest<unknown>(op.method, url, body, signal);
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
  return callDescriptor(op, project, input, signal) as Promise<OpOutput<K>>;
}

/** The contract's client surface over the BFF, for helpers such as `paginate` that take a client. */
export function bffClient(project: string, signal?: AbortSignal): GaussDbClientCore<Operations> {
  const call = (
    idOrOp: string | OperationDescriptor,
    input?: unknown,
    options?: { signal?: AbortSignal },
  ) => {
    const op = typeof idOrOp === 'string' ? getOperation(idOrOp) : idOrOp;
    if (!op) throw new Error(`unknown operation ${String(idOrOp)}`);
    return callDescriptor(op, project, input, options?.signal ?? signal);
  };
  return {
    call: call as GaussDbClientCore<Operations>['call'],
    operation: getOperation,
    operations,
    settings: { endpoint: '/api/v1', projectId: undefined, language: undefined },
  };
}

/**
 * Every item of a paged list, read page by page with the descriptor's paging (page size, offset or page
 * index, total), through the BFF: what a page needs when it must see the whole list (components, EIPs,
 * an export). `onProgress` hears the count read so far.
 */
export async function allItems<K extends OperationId>(
  id: K,
  project: string,
  input: OpInput<K>,
  signal?: AbortSignal,
  onProgress?: (read: number) => void,
): Promise<PageItem<OpOutput<K>>[]> {
  const op = getOperation(id);
  if (!op) throw new Error(`unknown operation ${String(id)}`);
  const out: PageItem<OpOutput<K>>[] = [];
  const pages = paginate(bffClient(project, signal), op, input as never, { signal }) as AsyncGenerator<
    PageItem<OpOutput<K>>
  >;
  for await (const item of pages) {
    out.push(item);
    if (onProgress && out.length % 50 === 0) onProgress(out.length);
  }
  onProgress?.(out.length);
  return out;
}
