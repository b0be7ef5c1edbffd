import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff, refusal } from '../../../../test/fake-bff';
import { renderWithBff } from '../../../../test/render';
import { InstanceStatsStrip } from './instance-stats-strip';

afterEach(() => vi.unstubAllGlobals());

describe('instance statistics strip', () => {
  it('shows the total and a badge with the count for each status, worst first', async () => {
    // The reference's example: a string total and the lower-case vocabulary of 4.4.22.
    const bff = fakeBff({
      answers: {
        getInstanceStatistics: {
          total_count: '12',
          instances_statistics: [
            { status: 'normal', count: 1 },
            { status: 'abnormal', count: 2 },
            { status: 'creating', count: 3 },
            { status: 'createfail', count: 4 },
            { status: 'storage_full', count: 2 },
            { status: 'rebooting', count: 0 },
          ],
        },
      },
    });
    renderWithBff(<InstanceStatsStrip project="demo" />, bff);
    const strip = await screen.findByRole('region', { name: 'Instances by status' });
    expect(within(strip).getByText('12 instances')).toBeInTheDocument();
    const items = within(strip)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['Creation failed4', 'Abnormal2', 'Storage full2', 'Creating3', 'Active1']);
    expect(bff.operationsCalled()).toEqual(['getInstanceStatistics']);
  });

  it('says so while counting and offers a retry when the count fails', async () => {
    let fail = true;
    const bff = fakeBff({
      answers: {
        getInstanceStatistics: () =>
          fail
            ? refusal(503, 'UPSTREAM_UNAVAILABLE', 'down')
            : { total_count: 1, instances_statistics: [{ status: 'normal', count: 1 }] },
      },
    });
    const { user } = renderWithBff(<InstanceStatsStrip project="demo" />, bff);
    expect(await screen.findByRole('status')).toHaveTextContent('Counting instances…');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not count instances by status.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1 instance')).toBeInTheDocument();
  });

  it('fetches nothing and shows nothing for a role that may not count instances', async () => {
    const bff = fakeBff({
      role: 'tenant',
      tenants: [],
      policy: { getInstanceStatistics: ['admin', 'operator', 'viewer'] },
    });
    const { container } = renderWithBff(<InstanceStatsStrip project="demo" />, bff);
    await vi.waitFor(() => expect(bff.calls.map((c) => c.op)).toContain('policy'));
    expect(container.querySelector('section')).toBeNull();
    expect(bff.operationsCalled()).toEqual([]);
  });
});
