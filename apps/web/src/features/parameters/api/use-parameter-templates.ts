import { queryOptions } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { allItems, callOperation, type OpInput } from '../../../shared/api/operations';
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

/**
 * 4.5.1, every page: the parameters page searches, filters and pages the whole list itself. Keyed by the
 * language: the system templates' descriptions come in it.
 */
export const allParameterTemplatesQuery = (project: string, lang: string) =>
  queryOptions({
    queryKey: parameterKeys.allTemplates(project, lang),
    queryFn: ({ signal }) => allItems('listParameterTemplates', project, {}, signal),
    staleTime: 30_000,
  });

export function useAllParameterTemplates(project: string) {
  const lang = useTranslation().i18n.language;
  return usePermittedQuery('listParameterTemplates', allParameterTemplatesQuery(project, lang));
}
