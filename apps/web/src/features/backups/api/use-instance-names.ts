import { useQueries } from '@tanstack/react-query';
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
  const names = new Map<string, string | null>();
  results.forEach((r, i) => {
    const id = unique[i]!;
    if (r.data) names.set(id, r.data.name);
    else if (r.isError) names.set(id, null);
  });
  return names;
}
