import { queryOptions } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { parameterKeys } from './parameter-keys';

export type ListParameterTemplatesQuery = NonNullable<OpInput<'listParameterTemplates'>['query']>;

/** 4.5.1: parameter templates, one page (the create wizard keeps those of the chosen version and mode). */
export const parameterTemplatesQuery = (
  project: string,
  query: ListParameterTemplatesQuery = { limit: 100 },
) =>
  queryOptions({
    queryKey: parameterKeys.templates(project, query),
    queryFn: ({ signal }) => callOperation('listParameterTemplates', project, { query }, signal),
    staleTime: 60_000,
  });

export const useParameterTemplates = (project: string, query?: ListParameterTemplatesQuery) =>
  usePermittedQuery('listParameterTemplates', parameterTemplatesQuery(project, query));
