import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { FakeBff } from './fake-bff';

/**
 * Renders a piece of the console as a page would hold it: a query client, a router at `route` (matched by
 * `path`, so `useParams` works), and the fake BFF as `fetch`.
 */
export function renderWithBff(ui: ReactNode, bff: FakeBff, opts: { route?: string; path?: string } = {}) {
  vi.stubGlobal('fetch', bff.fetch);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const route = opts.route ?? '/p/demo';
  const router = createMemoryRouter(
    [
      { path: opts.path ?? '/p/:project', element: ui },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [route] },
  );
  const user = userEvent.setup({ delay: null });
  const utils = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...utils, user, client, router };
}
