import { dashboard } from '@gaussdb-console/api-client/browser';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobKeys } from '../../../shared/api/job-keys';
import { fakeBff, type FakeBffOptions } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { dashboardAnswer } from '../api/dashboard.fixture';
import { DashboardPage } from './dashboard-page';

afterEach(() => vi.unstubAllGlobals());

function setup(answer = dashboardAnswer, opts: Omit<FakeBffOptions, 'console'> = {}) {
  // The fake answers composite routes unchecked: check this one against the console contract here.
  dashboard.parse(answer);
  const bff = fakeBff({ ...opts, console: { '/dashboard': answer } });
  return {
    bff,
    ...renderWithBff(<DashboardPage />, bff, { route: '/p/demo/dashboard', path: '/p/:project/dashboard' }),
  };
}

describe('dashboard', () => {
  it('links every figure to the filtered list it counts', async () => {
    setup();
    const status = await screen.findByRole('region', { name: 'Instances by status' });
    expect(within(status).getByRole('link', { name: /5\s*instances/ })).toHaveAttribute(
      'href',
      '/p/demo/instances',
    );
    expect(within(status).getByRole('link', { name: '1 Storage full: show them' })).toHaveAttribute(
      'href',
      '/p/demo/instances?status=STORAGE%20FULL',
    );
    const mode = screen.getByRole('region', { name: 'Instances by deployment' });
    expect(within(mode).getByRole('link', { name: /Distributed: 1/ })).toHaveAttribute(
      'href',
      '/p/demo/instances?type=Enterprise',
    );
    const failures = screen.getByRole('region', { name: 'Failures in the last 24 h' });
    expect(within(failures).getByRole('link', { name: /1\s*failed tasks/ })).toHaveAttribute(
      'href',
      `/p/demo/tasks?status=Failed&from=${encodeURIComponent(dashboardAnswer.tasks.failed_since)}`,
    );
    expect(within(failures).getByRole('link', { name: /gauss-crm/ })).toHaveAttribute(
      'href',
      '/p/demo/tasks?job=job-fail-1',
    );
    const running = screen.getByRole('region', { name: 'Running tasks' });
    expect(within(running).getByRole('link', { name: /1\s*running now/ })).toHaveAttribute(
      'href',
      '/p/demo/tasks?status=Running',
    );
    const storage = screen.getByRole('region', { name: 'Storage' });
    expect(within(storage).getByRole('link', { name: 'gauss-crm' })).toHaveAttribute(
      'href',
      '/p/demo/instances/i-2',
    );
    expect(within(storage).getByText(/Full in about 5 days/)).toBeInTheDocument();
  });

  it("moves a running job's progress as the live stream reports it", async () => {
    const { client } = setup();
    const running = await screen.findByRole('region', { name: 'Running tasks' });
    expect(within(running).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '10');
    client.setQueryData(jobKeys.live('demo'), {
      'job-run-1': {
        id: 'job-run-1',
        name: 'RestartGaussDBV5Instance',
        status: 'Running',
        progress: 64,
        instance: { id: 'i-1', name: 'gauss-prod-01' },
      },
    });
    expect(await within(running).findByRole('progressbar')).toHaveAttribute('aria-valuenow', '64');
    client.setQueryData(jobKeys.live('demo'), {});
    client.setQueryData(jobKeys.ended('demo'), [
      {
        id: 'job-run-1',
        name: 'RestartGaussDBV5Instance',
        status: 'Completed',
        progress: 90,
        endedAt: Date.now(),
      },
    ]);
    expect(await within(running).findByText('Completed')).toBeInTheDocument();
  });

  it('shows recent audit entries only when the BFF sends them (administrators)', async () => {
    setup();
    await screen.findByRole('region', { name: 'Instances by status' });
    expect(screen.queryByRole('region', { name: 'Recent activity' })).toBeNull();
  });

  it('fetches nothing for a role that may not read what it is made of', async () => {
    const { bff } = setup(dashboardAnswer, {
      role: 'tenant',
      policy: {
        listInstances: ['admin', 'operator', 'viewer', 'tenant'],
        listTasks: ['admin', 'operator', 'viewer'],
        getProjectQuotas: ['admin', 'operator', 'viewer'],
      },
    });
    expect(await screen.findByText('Your role cannot see this')).toBeInTheDocument();
    expect(bff.calls.filter((c) => c.op === '/dashboard')).toEqual([]);
  });
});
