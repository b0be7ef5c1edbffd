import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../../shared/lib/operations';
import { createKeys } from './create-keys';

/** 4.5.1: parameter templates (first 100); the wizard keeps those of the chosen version and mode. */
export const parameterTemplatesQuery = (project: string) =>
  queryOptions({
    queryKey: createKeys.templates(project),
    queryFn: ({ signal }) => callOperation('listParameterTemplates', project, { query: { limit: 100 } }, signal),
    staleTime: 60_000,
  });

export const useParameterTemplates = (project: string) => useQuery(parameterTemplatesQuery(project));
