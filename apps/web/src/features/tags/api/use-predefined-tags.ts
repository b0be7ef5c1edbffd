import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { tagKeys } from './tag-keys';

/** 4.11.3: predefined tags, offered as suggestions. The list spells values `values` or `value` (TAG-3). */
export const predefinedTagsQuery = (project: string) =>
  queryOptions({
    queryKey: tagKeys.predefined(project),
    queryFn: ({ signal }) => callOperation('listPredefinedTags', project, {}, signal),
    select: (data) => data.tags.map((t) => ({ key: t.key, values: t.values ?? t.value ?? [] })),
    staleTime: 5 * 60_000,
  });

export const usePredefinedTags = (project: string) =>
  usePermittedQuery('listPredefinedTags', predefinedTagsQuery(project));
