import { useMutation } from '@tanstack/react-query';
import { callOperation } from '../../../../shared/lib/operations';

/**
 * 4.4.14 as a mutation rather than a query: the password must not end up in a query key (and so in the
 * cache or devtools). The call has no side effect, so the wizard may repeat it as the user types.
 */
export const useCheckWeakPassword = (project: string) =>
  useMutation({
    mutationFn: (password: string) => callOperation('checkWeakPassword', project, { body: { password } }),
  });
