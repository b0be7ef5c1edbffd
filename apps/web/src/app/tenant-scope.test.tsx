import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBff } from '../test/fake-bff';
import { AppShell } from './app-shell';
import { homePath, tenantOwnerMayOpen } from './tenant-scope';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  // The admin's shell opens the live event stream; jsdom has none (nothing arrives on this one).
  globalThis.EventSource ??= class {
    onopen = null;
    onerror = null;
    onmessage = null;
    addEventListener() {}
    removeEventListener() {}
    close() {}
  } as unknown as typeof EventSource;
});
afterEach(() => vi.unstubAllGlobals());

const INSTANCE = '7b29d88663de556bc84a851462bfded0in14';
const MINE = 'b2c824bbe443d048f4d2bc220d3aa075po14';
const OTHER = 'c7f381a0ed0fb3ab3fcb13f16530cf9dpo14';
const grants = [{ instance_id: INSTANCE, pdb_id: MINE }];

describe('the addresses a tenant owner may open', () => {
  it('are their tenants list and the tenants they hold, nothing else', () => {
    expect(tenantOwnerMayOpen('/p/prod/my-tenants', grants)).toBe(true);
    expect(tenantOwnerMayOpen('/p/prod', grants)).toBe(true);
    expect(tenantOwnerMayOpen(`/p/prod/tenants/${INSTANCE}/${MINE}`, grants)).toBe(true);
    expect(tenantOwnerMayOpen(`/p/prod/tenants/${INSTANCE}/${MINE}/`, grants)).toBe(true);
    expect(tenantOwnerMayOpen(`/p/prod/tenants/${INSTANCE}/${OTHER}`, grants)).toBe(false);
    expect(tenantOwnerMayOpen(`/p/prod/tenants/${INSTANCE}`, grants)).toBe(false);
    for (const path of [
      '/p/prod/tenants',
      '/p/prod/instances',
      `/p/prod/instances/${INSTANCE}`,
      '/p/prod/tasks',
      '/p/prod/users',
      '/p/prod/audit',
      '/p/prod/parameters',
      '/wall/prod',
    ]) {
      expect(tenantOwnerMayOpen(path, grants), path).toBe(false);
    }
    expect(tenantOwnerMayOpen(`/p/prod/tenants/${INSTANCE}/${MINE}`, [])).toBe(false);
    expect(tenantOwnerMayOpen(`/p/prod/tenants/${INSTANCE}/%E0%A4%A`, grants)).toBe(false);
  });

  it('start at My tenants for an owner and at the dashboard for the other roles', () => {
    expect(homePath({ role: 'tenant' }, 'prod')).toBe('/p/prod/my-tenants');
    expect(homePath({ role: 'viewer' }, 'prod')).toBe('/p/prod/dashboard');
  });
});

function shellAt(path: string, role: 'tenant' | 'admin') {
  const bff = fakeBff({
    role,
    projects: [{ name: 'prod', region: 'region-1' }],
    tenants: grants,
    policy: {
      listTenants: ['admin', 'operator', 'viewer', 'tenant'],
      listInstances: ['admin', 'operator', 'viewer', 'tenant'],
    },
  });
  vi.stubGlobal('fetch', bff.fetch);
  const page = (name: string) => <p>{name} page</p>;
  const router = createMemoryRouter(
    [
      {
        path: '/p/:project',
        element: <AppShell />,
        children: [
          { path: 'instances/:id', element: page('instance') },
          { path: 'tenants/:instanceId/:pdbId', element: page('tenant') },
          { path: 'my-tenants', element: page('my tenants') },
          { path: 'users', element: page('users') },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return bff;
}

describe('the shell for a tenant owner', () => {
  it('offers only My tenants in the navigation', async () => {
    shellAt('/p/prod/my-tenants', 'tenant');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    await waitFor(() =>
      expect(
        within(nav)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['My tenants']),
    );
    expect(screen.getByText('my tenants page')).toBeInTheDocument();
  });

  it.each([
    ['another tenant', `/p/prod/tenants/${INSTANCE}/${OTHER}`],
    ['an instance', `/p/prod/instances/${INSTANCE}`],
    ['an admin page', '/p/prod/users'],
  ])('answers %s with "not yours" without drawing its page or calling an operation', async (_what, path) => {
    const bff = shellAt(path, 'tenant');
    expect(await screen.findByRole('heading', { name: 'Not yours' })).toBeInTheDocument();
    expect(screen.queryByText(/ page$/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to my tenants' })).toHaveAttribute(
      'href',
      '/p/prod/my-tenants',
    );
    expect(bff.operationsCalled()).toEqual([]);
  });

  it('draws the page of a tenant they hold', async () => {
    shellAt(`/p/prod/tenants/${INSTANCE}/${MINE}`, 'tenant');
    expect(await screen.findByText('tenant page')).toBeInTheDocument();
  });

  it('does not stop an admin anywhere, and shows them Tenants and Console users', async () => {
    shellAt(`/p/prod/tenants/${INSTANCE}/${OTHER}`, 'admin');
    expect(await screen.findByText('tenant page')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    await waitFor(() => expect(within(nav).getByRole('link', { name: 'Console users' })).toBeInTheDocument());
    expect(within(nav).getByRole('link', { name: 'Tenants' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'My tenants' })).not.toBeInTheDocument();
  });
});
