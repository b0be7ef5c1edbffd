import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PAGE_SIZES } from '../ui/pagination';

export interface ListParams<K extends string> {
  page: number;
  size: number;
  /** Rows before this page: the `offset` of an offset-paged list. */
  offset: number;
  /** The list's filters, '' when unset. */
  values: Record<K, string>;
  /** Changes filters (back to page 1 unless `keepPage`); '' or undefined removes one. */
  set: (patch: Partial<Record<K | 'page' | 'size', string | number | undefined>>, keepPage?: boolean) => void;
}

/**
 * A list's page, page size and filters kept in the URL (UI.md: "the state lives in the URL"), so a link
 * or a reload shows exactly what the DBA saw.
 */
export function useListParams<K extends string>(keys: readonly K[], defaultSize = 20): ListParams<K> {
  const [sp, setSp] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(sp.get('page'))) || 1);
  const sizeParam = Number(sp.get('size'));
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : defaultSize;
  const key = keys.join(',');
  const values = useMemo(
    () => Object.fromEntries(key.split(',').map((k) => [k, sp.get(k) ?? ''])) as Record<K, string>,
    [sp, key],
  );
  const set = useCallback<ListParams<K>['set']>(
    (patch, keepPage = false) =>
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!keepPage && !('page' in patch)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          if (next.get('size') === String(defaultSize)) next.delete('size');
          return next;
        },
        { replace: true },
      ),
    [setSp, defaultSize],
  );
  return { page, size, offset: (page - 1) * size, values, set };
}
