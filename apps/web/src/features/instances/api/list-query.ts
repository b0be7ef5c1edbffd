import type { OpInput } from '../../../shared/api/operations';

export type ListInstancesQuery = NonNullable<OpInput<'listInstances'>['query']>;

/** What the instance list shows: filters and page (kept in the URL by the list page). */
export interface InstanceListParams {
  page: number;
  size: number;
  q: string;
  type: string;
  datastore: string;
  vpc: string;
  subnet: string;
  tags: string;
  /** Instance status (ACTIVE, STORAGE FULL...): the API has no such filter, so the list reads every page. */
  status: string;
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

export function toListQuery(
  p: InstanceListParams,
  overrides: Partial<ListInstancesQuery> = {},
): ListInstancesQuery {
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
