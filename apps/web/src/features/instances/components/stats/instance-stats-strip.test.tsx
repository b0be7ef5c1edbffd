import { bffRouteOf, getOperation } from '@gaussdb-console/api-client/browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InstanceStatsStrip } from './instance-stats-strip';

const statsPath = bffRouteOf(getOperation('getInstanceStatistics')!).template.replace('{project}', 'demo');
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function renderStrip() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <InstanceStatsStrip project="demo" />
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('instance statistics strip', () => {
  it('shows the total and a badge with the count for each status, worst first', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      expect(new URL(String(input), 'http://console.test').pathname).toBe(statsPath);
      // The reference's example: a string total and the lower-case vocabulary of 4.4.22.
      return json(200, {
        total_count: '12',
        instances_statistics: [
          { status: 'normal', count: 1 },
          { status: 'abnormal', count: 2 },
          { status: 'creating', count: 3 },
          { status: 'createfail', count: 4 },
          { status: 'storage_full', count: 2 },
          { status: 'rebooting', count: 0 },
        ],
      });
    });
    vi.stubGlobal('fetch', fetch);
    renderStrip();
    const strip = await screen.findByRole('region', { name: 'Instances by status' });
    expect(within(strip).getByText('12 instances')).toBeInTheDocument();
    const items = within(strip).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Creation failed4', 'Abnormal2', 'Storage full2', 'Creating3', 'Normal1']);
  });

  it('says so while counting and offers a retry when the count fails', async () => {
    let fail = true;
    vi.stubGlobal('fetch', async () =>
      fail
        ? json(503, { error: { status: 503, code: 'UPSTREAM_UNAVAILABLE', message: 'down' } })
        : json(200, { total_count: 1, instances_statistics: [{ status: 'normal', count: 1 }] }),
    );
    renderStrip();
    expect(screen.getByRole('status')).toHaveTextContent('Counting instances…');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not count instances by status.');
    fail = false;
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1 instance')).toBeInTheDocument();
  });
});
