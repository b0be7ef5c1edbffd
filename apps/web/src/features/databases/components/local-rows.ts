/** The rows of one page of a list read whole, filtered by a search text over the given fields. */
export function pageOfRows<T>(
  rows: readonly T[],
  search: string,
  fields: (row: T) => readonly (string | undefined | null)[],
  page: number,
  size: number,
): { rows: T[]; total: number } {
  const q = search.trim().toLowerCase();
  const hits = q ? rows.filter((r) => fields(r).some((f) => f?.toLowerCase().includes(q))) : [...rows];
  return { rows: hits.slice((page - 1) * size, page * size), total: hits.length };
}
