import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PAGE_SIZES } from '../../../shared/ui/pagination';
import type { InstanceListParams } from '../api/list-query';

export { toApiPattern, toListQuery, type InstanceListParams } from '../api/list-query';

/** The list's filters and page live in the URL, so a link reproduces exactly what the DBA sees. */
const KEYS: (keyof InstanceListParams)[] = [
  'page',
  'size',
  'q',
  'type',
  'datastore',
  'vpc',
  'subnet',
  'tags',
  'status',
];

export function useInstanceListParams() {
  const [sp, setSp] = useSearchParams();
  const params = useMemo<InstanceListParams>(() => {
    const size = Number(sp.get('size'));
    const page = Number(sp.get('page'));
    return {
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      size: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
      q: sp.get('q') ?? '',
      type: sp.get('type') ?? '',
      datastore: sp.get('datastore') ?? '',
      vpc: sp.get('vpc') ?? '',
      subnet: sp.get('subnet') ?? '',
      tags: sp.get('tags') ?? '',
      status: sp.get('status') ?? '',
    };
  }, [sp]);
  const update = useCallback(
    (patch: Partial<InstanceListParams>) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          // Any filter change goes back to the first page.
          const merged = { ...params, ...patch, page: patch.page ?? 1 };
          for (const k of KEYS) {
            const v = merged[k];
            if (v === '' || (k === 'page' && v === 1) || (k === 'size' && v === 20)) next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      );
    },
    [params, setSp],
  );
  return { params, update };
}
