import { queryOptions } from '@tanstack/react-query';
import { BffError } from '../../../shared/lib/bff';
import { allItems, callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';

/** One instance: the API has no "get", so the list is filtered by exact id. */
export const instanceQuery = (project: string, id: string) =>
  queryOptions({
    queryKey: instanceKeys.detail(project, id),
    queryFn: async ({ signal }) => {
      const res = await callOperation('listInstances', project, { query: { id, limit: 1 } }, signal);
      const inst = res.instances.find((i) => i.id === id);
      if (!inst) throw new BffError(404, 'NOT_FOUND', 'instances.detail.notFound');
      return inst;
    },
  });

export const useInstance = (project: string, id: string) =>
  usePermittedQuery('listInstances', instanceQuery(project, id));

/** 4.3.1: how full the instance's disk is. */
export const useVolumeUsage = (project: string, id: string) =>
  usePermittedQuery('getVolumeUsage', {
    queryKey: instanceKeys.sub(project, id, 'volume-usage'),
    queryFn: ({ signal }) => callOperation('getVolumeUsage', project, { path: { instance_id: id } }, signal),
  });

/** 4.4.7: every node with its components (CN, DN, GTM, CM, ETCD), every page. */
export const useComponents = (project: string, id: string) =>
  usePermittedQuery('listComponents', {
    queryKey: instanceKeys.sub(project, id, 'components'),
    queryFn: ({ signal }) => allItems('listComponents', project, { path: { instance_id: id } }, signal),
  });

/** 4.4.21: whether the shards' primaries are balanced across nodes. */
export const useBalance = (project: string, id: string, enabled: boolean) =>
  usePermittedQuery('getBalanceStatus', {
    queryKey: instanceKeys.sub(project, id, 'balance'),
    queryFn: ({ signal }) =>
      callOperation('getBalanceStatus', project, { path: { instance_id: id } }, signal),
    enabled,
  });

/** 4.4.3's view: the CNs of a distributed instance. */
export const useCoordinators = (project: string, id: string, enabled: boolean) =>
  usePermittedQuery('listCoordinators', {
    queryKey: instanceKeys.sub(project, id, 'coordinators'),
    queryFn: ({ signal }) =>
      callOperation('listCoordinators', project, { path: { instance_id: id } }, signal),
    enabled,
  });

/** 4.4.21: whether the disk grows by itself, and at which share of free space it does. */
export const useAutoEnlargePolicy = (project: string, id: string) =>
  usePermittedQuery('getAutoEnlargePolicy', {
    queryKey: instanceKeys.sub(project, id, 'auto-enlarge'),
    queryFn: ({ signal }) =>
      callOperation('getAutoEnlargePolicy', project, { path: { instance_id: id } }, signal),
  });
