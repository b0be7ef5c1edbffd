import type { Instance } from '@gaussdb-console/api-client/browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { centralized } from './actions/test-harness';
import { InstanceActions } from './instance-actions';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function renderAt(url: string, instance: Instance) {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://console.test').pathname;
    if (path === '/api/v1/session') return json({ user: 'ann', role: 'operator', projects: [{ name: 'demo', region: 'cn-north-4' }] });
    if (path === '/api/v1/policy') return json({ operations: { renameInstance: ['admin', 'operator'], deleteInstance: ['admin'] } });
    return json({});
  });
  function Page() {
    const l = useLocation();
    return (
      <>
        <p data-testid="where">{l.pathname + l.search}</p>
        <InstanceActions project="demo" instance={instance} onJob={() => {}} />
      </>
    );
  }
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/p/:project/instances/:instanceId', element: <Page /> }], { initialEntries: [url] });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const where = () => screen.getByTestId('where').textContent;

afterEach(() => vi.unstubAllGlobals());

describe('instance actions opened from the address (the command palette link)', () => {
  it('opens the named action once the role allows it and drops the parameter', async () => {
    renderAt(`/p/demo/instances/${centralized.id}?tab=topology&action=rename`, centralized);
    expect(await screen.findByRole('dialog', { name: 'Rename instance' })).toBeInTheDocument();
    await waitFor(() => expect(where()).toBe(`/p/demo/instances/${centralized.id}?tab=topology`));
  });

  it('does not open an action the instance state forbids', async () => {
    renderAt(`/p/demo/instances/${centralized.id}?action=rename`, { ...centralized, status: 'REBOOTING' });
    await waitFor(() => expect(where()).toBe(`/p/demo/instances/${centralized.id}`));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('ignores an action the role may not perform', async () => {
    renderAt(`/p/demo/instances/${centralized.id}?action=delete`, centralized);
    expect(await screen.findByRole('button', { name: 'More' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
