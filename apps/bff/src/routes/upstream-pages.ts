import type { OperationDescriptor } from '@gaussdb-console/api-client';
import type { CallContext, Upstream } from '../upstream/upstream';

/** Beyond this many pages a composite answer says `truncated` instead of keeping the browser waiting. */
export const MAX_PAGES = 100;

export interface AllPages<T> {
  items: T[];
  /** The upstream's total when it gave one, else the number of items read. */
  total: number;
  truncated: boolean;
}

/**
 * Every item of an offset-paged list operation, page by page through the upstream layer (so identical reads
 * still coalesce). Stops at the response's total, at a short page, or at MAX_PAGES.
 */
export async function allPages<T>(
  upstream: Upstream,
  project: string,
  op: OperationDescriptor,
  query: Record<string, unknown>,
  ctx: CallContext,
): Promise<AllPages<T>> {
  const paging = op.paging;
  if (!paging || paging.kind !== 'offset') throw new Error(`${op.id} is not an offset-paged list`);
  const limit = paging.maxLimit;
  const items: T[] = [];
  let total: number | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = (await upstream.call(
      project,
      op,
      { query: { ...query, offset: items.length, limit } },
      ctx,
    )) as Record<string, unknown>;
    const rows = Array.isArray(res[paging.itemsKey]) ? (res[paging.itemsKey] as T[]) : [];
    const reported = paging.totalKey ? res[paging.totalKey] : undefined;
    if (typeof reported === 'number') total = reported;
    items.push(...rows);
    if (rows.length < limit || (total !== undefined && items.length >= total))
      return { items, total: total ?? items.length, truncated: false };
  }
  return { items, total: total ?? items.length, truncated: true };
}
