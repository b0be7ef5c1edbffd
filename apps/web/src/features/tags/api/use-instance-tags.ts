import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { tagKeys } from './tag-keys';

/** 4.11.1: one instance's tags, one `{ key, value }` per key (a read's values come as an array, TAG-1). */
export const instanceTagsQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: tagKeys.instance(project, instanceId),
    queryFn: ({ signal }) =>
      callOperation('listInstanceTags', project, { path: { instance_id: instanceId } }, signal),
    select: (data) => data.tags.map((t) => ({ key: t.key, value: t.value[0] ?? '' })),
  });

export const useInstanceTags = (project: string, instanceId: string) =>
  usePermittedQuery('listInstanceTags', instanceTagsQuery(project, instanceId));
