import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBff } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { RecycleBinPage } from './recycle-bin-page';

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const ENTRIES = [
  {
    id: '11111111111111111111111111111111in14',
    name: 'old-orders',
    ha_mode: 'Ha',
    engine_version: '8.201.0',
    pay_model: '0',
    created_at: iso(NOW - 90 * 86_400_000),
    deleted_at: iso(NOW - 5 * 86_400_000),
    volume_type: 'ultrahigh',
    data_vip: '10.0.0.1',
    enterprise_project_id: '0',
    recycle_backup_id: '22222222222222222222222222222222br14',
    recycle_status: 'Active',
    mode: 'enterprise',
  },
  {
    id: '33333333333333333333333333333333in14',
    name: 'just-deleted',
    ha_mode: 'Independent',
    engine_version: '8.201.0',
    deleted_at: iso(NOW - 60_000),
    recycle_backup_id: '44444444444444444444444444444444br14',
    recycle_status: 'Running',
  },
];

function setup(role: 'admin' | 'viewer' = 'admin') {
  const bff = fakeBff({
    role,
    policy: {
      setRecyclePolicy: ['admin'],
      restoreToNewInstance: ['admin'],
      getRecyclePolicy: ['admin', 'viewer'],
      listRecycleInstances: ['admin', 'viewer'],
    },
    answers: {
      getRecyclePolicy: { retention_period_in_days: '7' },
      setRecyclePolicy: {},
      listRecycleInstances: (call) => {
        const name = call.query.get('instance_name');
        const rows = ENTRIES.filter((e) => !name || e.name.includes(name));
        return { instances: rows, total_count: rows.length };
      },
    },
  });
  return { bff, ...renderWithBff(<RecycleBinPage />, bff) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('recycle bin', () => {
  it('lists deleted instances with the time left from the retention policy and a restore from the final backup', async () => {
    setup();
    const row = (await screen.findByText('old-orders')).closest('tr')!;
    expect(within(row).getByText('Centralized')).toBeInTheDocument();
    expect(within(row).getByText('Ultra-high I/O (SSD)')).toBeInTheDocument();
    expect(within(row).getByText('2 d 0 h 0 min')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'Restore old-orders to a new instance from its final backup' }),
    ).toHaveAttribute(
      'href',
      '/p/demo/instances/restore?instance=11111111111111111111111111111111in14&backup=22222222222222222222222222222222br14&name=old-orders&from=recycle-bin',
    );
    const running = screen.getByText('just-deleted').closest('tr')!;
    expect(within(running).getByText('Final backup not ready')).toBeInTheDocument();
    expect(
      await screen.findByText('Deleted instances are kept 7 days, then purged with their final backup.'),
    ).toBeInTheDocument();
  });

  it('searches by name through the API', async () => {
    const { user, bff } = setup();
    await screen.findByText('old-orders');
    await user.type(screen.getByLabelText('Search by instance name'), 'just{Enter}');
    await waitFor(() => expect(screen.queryByText('old-orders')).toBeNull());
    expect(bff.callsTo('listRecycleInstances').at(-1)!.query.get('instance_name')).toBe('just');
  });

  it('changes the retention to 1–7 days and warns which listed instances a shorter one purges at once', async () => {
    const { user, bff } = setup();
    await screen.findByText('old-orders');
    await user.click(screen.getByRole('button', { name: 'Change retention' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText('Keep deleted instances')).toHaveAccessibleDescription(/1–7 days/);
    await user.selectOptions(within(dialog).getByLabelText('Keep deleted instances'), '3');
    expect(
      within(dialog).getByText(/1 instance listed here was deleted longer ago than this/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save retention' }));
    await waitFor(() => expect(bff.callsTo('setRecyclePolicy')).toHaveLength(1));
    expect(bff.callsTo('setRecyclePolicy')[0]!.body).toEqual({
      recycle_policy: { retention_period_in_days: 3 },
    });
  });

  it('shows a viewer the bin but neither the retention change nor the restore, and says why', async () => {
    setup('viewer');
    await screen.findByText('old-orders');
    expect(screen.queryByRole('button', { name: 'Change retention' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Restore old-orders/ })).toBeNull();
    expect(screen.getByText('Your role (Viewer) cannot change the retention.')).toBeInTheDocument();
    expect(screen.getByText(/Your role \(Viewer\) cannot restore/)).toBeInTheDocument();
  });
});
