import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { parameterKeys } from './parameter-keys';

export type HistoryPage = NonNullable<OpInput<'listTemplateApplyHistory'>['query']>;

/** 4.5.13: one page of a template's applications to instances, newest first. */
export const applyHistoryQuery = (project: string, configId: string, query: HistoryPage) =>
  queryOptions({
    queryKey: parameterKeys.applyHistory(project, configId, query),
    queryFn: ({ signal }) =>
      callOperation('listTemplateApplyHistory', project, { path: { config_id: configId }, query }, signal),
    placeholderData: keepPreviousData,
    // An application in progress (APPLYING) ends with its job; the live stream refreshes it then.
  });

export const useApplyHistory = (project: string, configId: string, query: HistoryPage) =>
  usePermittedQuery('listTemplateApplyHistory', applyHistoryQuery(project, configId, query));

/** 4.5.14: one page of a template's parameter changes, newest first. */
export const modifyHistoryQuery = (project: string, configId: string, query: HistoryPage) =>
  queryOptions({
    queryKey: parameterKeys.modifyHistory(project, configId, query),
    queryFn: ({ signal }) =>
      callOperation('listTemplateModifyHistory', project, { path: { config_id: configId }, query }, signal),
    placeholderData: keepPreviousData,
  });

export const useModifyHistory = (project: string, configId: string, query: HistoryPage) =>
  usePermittedQuery('listTemplateModifyHistory', modifyHistoryQuery(project, configId, query));
