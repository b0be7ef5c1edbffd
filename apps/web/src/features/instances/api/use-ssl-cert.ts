import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';

/**
 * 4.4.16: a signed, short-lived link to the CA certificate bundle. Never cached: each opening asks for a
 * fresh link so the user never clicks an expired one.
 */
export const useSslCertLink = (project: string, instanceId: string, enabled: boolean) =>
  usePermittedQuery('getSslCertDownloadLink', {
    queryKey: instanceKeys.sub(project, instanceId, 'ssl-cert-link'),
    queryFn: async ({ signal }) =>
      (await callOperation('getSslCertDownloadLink', project, { path: { instance_id: instanceId } }, signal))
        .download_link,
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
