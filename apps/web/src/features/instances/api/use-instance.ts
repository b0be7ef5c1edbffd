import { queryOptions, useQuery } from '@tanstack/react-query';
import { BffError } from '../../../shared/lib/bff';
import { callOperation } from '../../../shared/lib/operations';
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

export const useInstance = (project: string, id: string) => useQuery(instanceQuery(project, id));

export const useVolumeUsage = (project: string, id: string) =>
  useQuery({
    queryKey: instanceKeys.sub(project, id, 'volume-usage'),
    queryFn: ({ signal }) => callOperation('getVolumeUsage', project, { path: { instance_id: id } }, signal),
  });

export const useComponents = (project: string, id: string) =>
  useQuery({
    queryKey: instanceKeys.sub(project, id, 'components'),
    queryFn: async ({ signal }) => {
      const nodes = [];
      for (let offset = 0; offset < 2000; offset += 100) {
        const page = await callOperation('listComponents', project, { path: { instance_id: id }, query: { offset, limit: 100 } }, signal);
        nodes.push(...page.nodes);
        if (page.nodes.length < 100) break;
      }
      return nodes;
    },
  });

export const useBalance = (project: string, id: string, enabled: boolean) =>
  useQuery({
    queryKey: instanceKeys.sub(project, id, 'balance'),
    queryFn: ({ signal }) => callOperation('getBalanceStatus', project, { path: { instance_id: id } }, signal),
    enabled,
  });

export const useCoordinators = (project: string, id: string, enabled: boolean) =>
  useQuery({
    queryKey: instanceKeys.sub(project, id, 'coordinators'),
    queryFn: ({ signal }) => callOperation('listCoordinators', project, { path: { instance_id: id } }, signal),
    enabled,
  });
