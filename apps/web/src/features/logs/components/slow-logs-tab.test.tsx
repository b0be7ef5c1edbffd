import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import type { Instance } from '@gaussdb-console/api-client/browser';
import { SlowLogsTab } from './slow-logs-tab';

const instance: Instance = {
  id: '5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5ain14',
  name: 'gauss-orders',
  status: 'ACTIVE',
  nodes: [
    { id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaano14', name: 'gauss-orders_dn_1', status: 'ACTIVE' },
    { id: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbno14', name: 'gauss-orders_dn_2', status: 'ACTIVE' },
  ],
};
const entry = (node: string, status: string, size = '0.0', link: string | null = null) => ({
  id: `${node}-export`,
  instance_id: instance.id,
  node_id: node,
  workflow_id: 'wf',
  file_name: `proj_slowlog_download__${node}20260310`,
  file_size: size,
  file_link: link,
  bucket_name: null,
  created_at: 1773100800000,
  updated_at: 1773100800000,
  version: null,
  status,
  message: null,
});

afterEach(() => vi.unstubAllGlobals());

describe('slow logs tab', () => {
  it('asks for the files (4.8.1 answers an empty list the first time) and shows them as the service prepares them', async () => {
    let reads = 0;
    const bff = fakeBff({
      policy: { createSlowLogDownload: ['admin'] },
      answers: {
        createSlowLogDownload: { status: 202, body: { list: [] } },
        listSlowLogDownloads: () => {
          reads += 1;
          if (reads === 1) return { list: [] };
          if (reads === 2)
            return {
              list: [
                entry(instance.nodes![0]!.id!, 'EXPORTING'),
                entry(instance.nodes![1]!.id!, 'EXPORTING'),
              ],
            };
          return {
            list: [
              entry(instance.nodes![0]!.id!, 'success', '719.0', 'https://obs.example.com/a?Expires=1'),
              entry(instance.nodes![1]!.id!, 'success', '2097152.0', 'https://obs.example.com/b?Expires=1'),
            ],
          };
        },
      },
    });
    const { user } = renderWithBff(<SlowLogsTab project="demo" instance={instance} />, bff);
    expect(await screen.findByText('No slow log files yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Prepare slow log files' }));
    expect(
      await screen.findByText("Asked for: each node's file appears below when it is ready."),
    ).toBeInTheDocument();
    const first = (await screen.findByText('gauss-orders_dn_1')).closest('tr')!;
    expect(within(first).getByText('Preparing')).toBeInTheDocument();
    expect(within(first).getByText('being prepared…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Prepare slow log files' })).toBeDisabled();
    // While any file is being prepared the list is read again by itself.
    await waitFor(
      () =>
        expect(
          screen.getByRole('link', { name: 'Download the slow log of gauss-orders_dn_2' }),
        ).toBeInTheDocument(),
      {
        timeout: 8000,
      },
    );
    const second = screen.getByText('gauss-orders_dn_2').closest('tr')!;
    expect(within(second).getByText('2.0 MB')).toBeInTheDocument();
    expect(within(second).getByRole('link')).toHaveAttribute('href', 'https://obs.example.com/b?Expires=1');
    expect(bff.callsTo('createSlowLogDownload')).toHaveLength(1);
  }, 20_000);

  it('lets a viewer download the files but not ask for new ones, and says why', async () => {
    const bff = fakeBff({
      role: 'viewer',
      policy: { createSlowLogDownload: ['admin', 'operator'] },
      answers: {
        listSlowLogDownloads: {
          list: [entry(instance.nodes![0]!.id!, 'success', '719.0', 'https://obs.example.com/a')],
        },
      },
    });
    renderWithBff(<SlowLogsTab project="demo" instance={instance} />, bff);
    expect(
      await screen.findByRole('link', { name: 'Download the slow log of gauss-orders_dn_1' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Prepare slow log files' })).toBeNull();
    expect(screen.getByText('Your role (Viewer) cannot ask for new files.')).toBeInTheDocument();
  });
});
