import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PAGE_SIZES } from '../../../shared/ui/pagination';
import type { ListInstancesQuery } from '../api/use-instances';

/** The list's filters and page live in the URL, so a link reproduces exactly what the DBA sees. */
export interface InstanceListParams {
  page: number;
  size: number;
  q: string;
  type: string;
  datastore: string;
  vpc: string;
  subnet: string;
  tags: string;
}

const KEYS: (keyof InstanceListParams)[] = ['page', 'size', 'q', 'type', 'datastore', 'vpc', 'subnet', 'tags'];

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

/** Instance ids are 32 hex digits + a 4-character suffix; anything else searched is a name. */
const looksLikeId = (q: string) => /^[0-9a-f*]{8,}(in\d\d)?$/i.test(q) && /\d/.test(q) && !q.includes('-');

/**
 * The API matches exactly unless the value starts with "*" (then: contains the rest). A search box should
 * find what contains the text, so plain text becomes "*text"; "=text" asks for an exact match. Stray "*"
 * elsewhere (a habit from shell globs) are dropped, since the API would take them literally.
 */
export function toApiPattern(q: string): string {
  if (q.startsWith('=')) return q.slice(1);
  const core = q.replace(/\*/g, '');
  return core ? `*${core}` : '';
}

export function toListQuery(p: InstanceListParams, overrides: Partial<ListInstancesQuery> = {}): ListInstancesQuery {
  const raw = p.q.trim();
  const q = toApiPattern(raw);
  const asId = looksLikeId(raw.replace(/^=/, ''));
  return {
    offset: (p.page - 1) * p.size,
    limit: p.size,
    ...(q ? (asId ? { id: q } : { name: q }) : {}),
    ...(p.type ? { type: p.type } : {}),
    ...(p.datastore ? { datastore_type: p.datastore } : {}),
    ...(p.vpc ? { vpc_id: p.vpc } : {}),
    ...(p.subnet ? { subnet_id: p.subnet } : {}),
    ...(p.tags ? { tags: p.tags } : {}),
    ...overrides,
  } as ListInstancesQuery;
}
