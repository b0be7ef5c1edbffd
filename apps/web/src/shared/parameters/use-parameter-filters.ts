import { useCallback, useMemo } from 'react';
import { useListParams } from '../lib/use-list-params';
import type { ParameterFilters } from './staged-parameter-table';

/** A parameter list's filters kept in the URL (`q`, and `modified`/`restart`/`staged` as `1`). */
export function useParameterFilters(): {
  filters: ParameterFilters;
  onFiltersChange: (patch: Partial<ParameterFilters>) => void;
} {
  const { values, set } = useListParams(['q', 'modified', 'restart', 'staged'] as const);
  const filters = useMemo(
    () => ({
      q: values.q,
      modified: values.modified === '1',
      restart: values.restart === '1',
      staged: values.staged === '1',
    }),
    [values],
  );
  const onFiltersChange = useCallback(
    (patch: Partial<ParameterFilters>) =>
      set(
        Object.fromEntries(
          Object.entries(patch).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '1' : undefined) : v]),
        ),
      ),
    [set],
  );
  return { filters, onFiltersChange };
}
