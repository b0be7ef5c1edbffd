import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { tagKeys } from './tag-keys';

/** 4.11.2: every tag the project's instances carry, as `key=value` suggestions for filters and forms. */
export const projectTagsQuery = (project: string) =>
  queryOptions({
    queryKey: tagKeys.project(project),
    queryFn: ({ signal }) => callOperation('listProjectTags', project, {}, signal),
    select: (data) =>
      data.tags.flatMap((t) => (t.value.length > 0 ? t.value.map((v) => `${t.key}=${v}`) : [t.key])),
    staleTime: 60_000,
  });

export const useProjectTags = (project: string, enabled = true) =>
  usePermittedQuery('listProjectTags', { ...projectTagsQuery(project), enabled });
