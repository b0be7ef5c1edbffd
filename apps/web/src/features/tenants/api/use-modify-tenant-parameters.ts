import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { tenantKeys } from './tenant-keys';
import type { TenantRef } from './use-tenant-objects';

/**
 * 4.10.6: several tenant parameters in one call, applied by a job (ModifyGaussDBV5TenantParameters); the
 * tenant shows `modifying` meanwhile, so its queries are read again at once (they poll until it is normal).
 */
export function useModifyTenantParameters(r: TenantRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: Record<string, string>) =>
      callOperation('modifyTenantParameters', r.project, {
        path: { instance_id: r.instanceId, pdb_id: r.pdbId },
        body: { values },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: tenantKeys.instance(r.project, r.instanceId) }),
  });
}
