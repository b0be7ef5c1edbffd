import { QueryClient } from '@tanstack/react-query';
import { BffError } from './bff';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      // Client errors will not fix themselves; the BFF already retries upstream reads.
      retry: (count, error) =>
        !(error instanceof BffError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
