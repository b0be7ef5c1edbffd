import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { usePermission } from '../../../shared/api/policy';
import { instanceQuery } from '../../instances/api/use-instance';

/**
 * Names of the instances a list of backups belongs to (4.7.3 items carry only `instance_id`): one exact
 * lookup per distinct id (4.4.4), cached with the instance pages. A missing one was deleted.
 */
export function useInstanceNames(project: string, ids: readonly string[]): Map<string, string | null> {
  const permitted = usePermission(['listInstances']);
  const unique = [...new Set(ids)].sort();
  const results = useQueries({
    queries: unique.map((id) => ({
      ...instanceQuery(project, id),
      enabled: permitted === true,
      staleTime: 60_000,
    })),
  });
  // Known names only (a deleted instance is null); the same names give the same map, so a table's columns
  // built from it stay put between renders.
  const known: [string, string | null][] = [];
  results.forEach((r, i) => {
    if (r.data) known.push([unique[i]!, r.data.name]);
    else if (r.isError) known.push([unique[i]!, null]);
  });
  const key = JSON.stringify(known);
  return useMemo(() => new Map(JSON.parse(key) as [string, string | null][]), [key]);
}
