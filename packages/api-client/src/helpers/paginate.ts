import type { CallOutput, OperationDescriptor } from '../operations/define';
import type { CallOptions, ClientInput, GaussDbClientCore, OperationRegistry } from '../client';
import { GaussDbConfigError, GaussDbResponseShapeError } from '../transport/errors';
import type { RawCallInput } from '../transport/validate-request';

export interface PaginateOptions {
  /** Rows per request; defaults to, and is capped at, the operation's `paging.maxLimit`. */
  pageSize?: number;
  signal?: AbortSignal;
  requestId?: string;
}

/** Element type of the array-valued fields of a list response (the items). */
export type PageItem<O> = [ArrayFields<O>] extends [never] ? unknown : ArrayFields<O>;
/** Only the named fields: response objects are loose (`[k: string]: unknown`), which would swallow them. */
type ArrayFields<O> = {
  [K in keyof O as string extends K ? never : number extends K ? never : K]-?: NonNullable<
    O[K]
  > extends readonly (infer E)[]
    ? E
    : never;
} extends infer M
  ? M[keyof M]
  : never;

type UntypedCall = (
  descriptor: OperationDescriptor,
  input?: RawCallInput,
  options?: CallOptions,
) => Promise<unknown>;

/**
 * Every item of a paged list, fetched page by page as the loop asks for them. `paging.kind === 'page'` means
 * `offset` is a 0-based page index. Stops at `totalKey` when the response has it, else at a short page.
 */
export function paginate<TOps extends OperationRegistry, K extends keyof TOps & string>(
  client: GaussDbClientCore<TOps>,
  id: K,
  input?: ClientInput<TOps[K]>,
  options?: PaginateOptions,
): AsyncGenerator<PageItem<CallOutput<TOps[K]>>, void, undefined>;
export function paginate<TOps extends OperationRegistry, D extends OperationDescriptor>(
  client: GaussDbClientCore<TOps>,
  descriptor: D,
  input?: ClientInput<D>,
  options?: PaginateOptions,
): AsyncGenerator<PageItem<CallOutput<D>>, void, undefined>;
export async function* paginate<TOps extends OperationRegistry>(
  client: GaussDbClientCore<TOps>,
  idOrDescriptor: string | OperationDescriptor,
  input?: RawCallInput,
  options: PaginateOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const descriptor = typeof idOrDescriptor === 'string' ? client.operation(idOrDescriptor) : idOrDescriptor;
  if (!descriptor) throw new GaussDbConfigError(`unknown operation "${String(idOrDescriptor)}"`);
  const paging = descriptor.paging;
  if (!paging)
    throw new GaussDbConfigError(`${descriptor.id} is not a paged list (its descriptor has no paging)`);
  const call = client.call as unknown as UntypedCall;
  const limitKey = paging.limitParam ?? 'limit';
  const offsetKey = paging.offsetParam ?? 'offset';
  const pageSize = Math.max(1, Math.min(paging.maxLimit, Math.floor(options.pageSize ?? paging.maxLimit)));
  const baseQuery = (input?.query ?? {}) as Record<string, unknown>;
  // Page-based lists count pages from 0: offset 0 is the first page (reference L6945, D.39).
  const firstPage = 0;
  let offset = baseQuery[offsetKey] === undefined ? firstPage : Number(baseQuery[offsetKey]);

  for (;;) {
    const out = await call(
      descriptor,
      { ...input, query: { ...baseQuery, [offsetKey]: offset, [limitKey]: pageSize } },
      { signal: options.signal, requestId: options.requestId },
    );
    const record = (out && typeof out === 'object' ? out : {}) as Record<string, unknown>;
    const rawItems = record[paging.itemsKey];
    if (rawItems !== undefined && rawItems !== null && !Array.isArray(rawItems)) {
      throw new GaussDbResponseShapeError(descriptor.id, [
        { field: paging.itemsKey, message: 'expected an array of items' },
      ]);
    }
    const items: unknown[] = rawItems ?? [];
    for (const item of items) yield item;

    // Rows up to the end of this page, counted from the start of the list.
    const reached = paging.kind === 'page' ? offset * pageSize + items.length : offset + items.length;
    const total = paging.totalKey ? Number(record[paging.totalKey]) : Number.NaN;
    if (items.length === 0 || items.length < pageSize) return;
    if (Number.isFinite(total) && reached >= total) return;
    offset = paging.kind === 'page' ? offset + 1 : offset + items.length;
  }
}
