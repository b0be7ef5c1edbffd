import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { expect } from 'vitest';
import { CreateInstancePage } from './create-instance-page';

/** Component-test harness: the wizard at /p/demo/instances/new with a fresh query cache. */
function DetailStub() {
  return <p>instance page {useParams().instanceId}</p>;
}

export function renderWizard() {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      { path: '/p/:project/instances/new', element: <CreateInstancePage /> },
      { path: '/p/:project/instances/:instanceId', element: <DetailStub /> },
      { path: '/p/:project/instances', element: <p>instance list</p> },
    ],
    { initialEntries: ['/p/demo/instances/new'] },
  );
  const user = userEvent.setup({ delay: null });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { user, router };
}

type User = ReturnType<typeof userEvent.setup>;

export const currentStep = () =>
  screen.getByRole('navigation', { name: 'Steps' }).querySelector('[aria-current="step"]')?.textContent ?? '';

export async function next(user: User, expectStep?: string) {
  await user.click(screen.getByRole('button', { name: 'Next' }));
  if (expectStep) await waitFor(() => expect(currentStep()).toContain(expectStep));
}

/** Fills every step with valid values for a centralized 1-primary-2-standby instance in one AZ. */
export async function fillToSummary(
  user: User,
  overrides: { size?: string; tags?: [string, string][] } = {},
) {
  await screen.findByRole('option', { name: 'GaussDB 8.201' });
  await user.type(screen.getByLabelText('Instance name'), 'gauss-prod-01');
  await next(user, 'Availability zones and flavor');
  await user.selectOptions(await screen.findByLabelText('Availability zone 1'), 'az1xahz');
  await user.click(await screen.findByLabelText('gaussdb.opengauss.ee.dn.m6.xlarge.8.ha'));
  await next(user, 'Storage');
  await screen.findByRole('radio', { name: /Ultra-high I\/O/ });
  await user.clear(screen.getByLabelText('Storage size'));
  await user.type(screen.getByLabelText('Storage size'), overrides.size ?? '120');
  await next(user, 'Network and password');
  await user.type(screen.getByLabelText('VPC ID'), 'c0a17a45-5e4a-4166-9cd6-cf9846f776a2');
  await user.type(screen.getByLabelText('Subnet ID'), 'ba239f09-7b59-4233-80c9-af2b418803ae');
  await user.type(screen.getByLabelText('Root password'), 'Gauss_db-2024x');
  await user.type(screen.getByLabelText('Confirm password'), 'Gauss_db-2024x');
  await screen.findByText(/Not a known weak password/);
  await next(user, 'Backup, parameters and tags');
  for (const [i, [key, value]] of (overrides.tags ?? []).entries()) {
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByLabelText(`Tag ${i + 1} key`), key);
    await user.type(screen.getByLabelText(`Tag ${i + 1} value`), value);
  }
  await next(user, 'Summary');
}
