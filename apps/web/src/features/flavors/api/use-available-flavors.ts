import { queryOptions } from '@tanstack/react-query';
import { allItems } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { flavorKeys } from './flavor-keys';

/** 4.2.4: the flavors an instance can be resized to (4.4.10), every page. */
export const availableFlavorsQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: flavorKeys.available(project, instanceId),
    queryFn: ({ signal }) =>
      allItems('listAvailableFlavors', project, { path: { instance_id: instanceId } }, signal),
  });

export const useAvailableFlavors = (project: string, instanceId: string, enabled: boolean) =>
  usePermittedQuery('listAvailableFlavors', { ...availableFlavorsQuery(project, instanceId), enabled });
