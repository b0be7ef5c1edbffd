import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Instance } from '@gaussdb-console/api-client/browser';
import { fakeBff as sharedFakeBff, refusal } from '../../../../test/fake-bff';
import { renderWithBff } from '../../../../test/render';
import { fakeBff } from '../create/wizard-bff.fixture';
import { RestoreInstancePage } from './restore-instance-page';

const SOURCE_ID = '7e01ac5ac5274957ba506f3851d11d51in14';
const T = Date.UTC(2026, 2, 10, 15, 0, 0);
const source: Instance = {
  id: SOURCE_ID,
  name: 'gauss-ledger',
  status: 'ACTIVE',
  type: 'Centralization_standard',
  ha: { mode: 'centralization_standard' },
  solution: 'triset',
  datastore: { type: 'GaussDB', version: '8.201' },
  flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha',
  flavor_info: { vcpu: 8, mem: 64 },
  volume: { type: 'ULTRAHIGH', size: 120 },
  availability_zone: 'az1xahz,az1xahz,az1xahz',
  vpc_id: 'c0a17a45-5e4a-4166-9cd6-cf9846f776a2',
  subnet_id: 'ba239f09-7b59-4233-80c9-af2b418803ae',
  port: 8000,
  time_zone: 'UTC+08:00',
};
const NEW_ID = '0f2d3c4b5a6978877665544332211000in14';

function setup(extra: NonNullable<Parameters<typeof fakeBff>[0]>['answers'] = {}) {
  const bff = fakeBff({
    answers: {
      listInstances: { instances: [source], total_count: 1 },
      getInstanceSnapshot: {
        cluster_mode: 'Ha',
        instance_mode: 'enterprise',
        data_volume_size: '120',
        solution: 'triset',
        node_num: 3,
        coordinator_num: 0,
        sharding_num: 1,
        replica_num: 3,
        engine_version: '8.201.0',
      },
      listRestoreTimes: { restore_time: [{ start_time: T - 3_600_000, end_time: T + 3_600_000 }] },
      listBackups: { backups: [], total_count: 0 },
      restoreToNewInstance: {
        status: 202,
        body: {
          instance: { id: NEW_ID, name: 'gauss-ledger-restored', status: 'BUILD' },
          job_id: 'a2f5c6d7-1111-4222-8333-944455556666',
        },
      },
      ...extra,
    },
  });
  const utils = renderWithBff(<RestoreInstancePage />, bff, {
    route: `/p/demo/instances/restore?instance=${SOURCE_ID}&time=${T}`,
    path: '/p/:project/instances/restore',
  });
  return { bff, ...utils };
}

const next = async (user: ReturnType<typeof setup>['user'], step: string) => {
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: new RegExp(`Step \\d of 6: ${step}`) });
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T + 7_200_000);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('restore to a new instance', () => {
  it('names the source and its shape, prefilled from it, on the create wizard steps, and sends the 4.7.8 body', async () => {
    const { user, bff, router } = setup();
    expect(await screen.findByRole('heading', { name: 'Step 1 of 6: Source and name' })).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: 'Restored from' });
    expect(within(facts).getByText('gauss-ledger')).toBeInTheDocument();
    expect(within(facts).getByText('Centralized (triset)')).toBeInTheDocument();
    expect(within(facts).getByText('120 GB')).toBeInTheDocument();
    expect(bff.callsTo('getInstanceSnapshot')[0]!.query.get('restore_time')).toBe(String(T));
    expect(screen.getByLabelText('New instance name')).toHaveValue('gauss-ledger-restored');

    await next(user, 'Availability zones and flavor');
    expect(screen.getByLabelText('Availability zone 1')).toHaveValue('az1xahz');
    // 4 vCPUs / 32 GB is smaller than the source's 8 vCPUs / 64 GB.
    expect(screen.getByLabelText('gaussdb.opengauss.ee.dn.m6.xlarge.8.ha')).toBeDisabled();
    expect(screen.getByText('Smaller than the source (8 vCPUs, 64 GB)')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Availability zone 1'), 'az3xahz');

    await next(user, 'Storage');
    expect(screen.getByLabelText('Storage size')).toHaveValue(120);
    expect(screen.getByLabelText('Storage size')).toHaveAccessibleDescription(/at least the source's 120 GB/);
    await user.clear(screen.getByLabelText('Storage size'));
    await user.type(screen.getByLabelText('Storage size'), '100');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/At least 120 GB \(the source has 120 GB\)/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Storage size'));
    await user.type(screen.getByLabelText('Storage size'), '160');

    await next(user, 'Network and password');
    expect(screen.getByLabelText('VPC ID')).toHaveValue(source.vpc_id);
    expect(screen.getByLabelText('Root password')).toHaveAccessibleDescription(/\(~!@#%\^\*_\+=\?,\)/);
    await user.type(screen.getByLabelText('Root password'), 'Gauss_db2024x');
    await user.type(screen.getByLabelText('Confirm password'), 'Gauss_db2024x');
    await screen.findByText(/Not a known weak password/);
    await next(user, 'Parameters and time zone');
    await next(user, 'Summary');
    await user.click(screen.getByRole('button', { name: 'Restore to new instance' }));
    await waitFor(() => expect(bff.callsTo('restoreToNewInstance')).toHaveLength(1));
    expect(bff.callsTo('restoreToNewInstance')[0]!.body).toEqual({
      name: 'gauss-ledger-restored',
      availability_zone: 'az3xahz,az3xahz,az3xahz',
      flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha',
      volume: { type: 'ULTRAHIGH', size: 160 },
      vpc_id: source.vpc_id,
      subnet_id: source.subnet_id,
      password: 'Gauss_db2024x',
      restore_point: { instance_id: SOURCE_ID, type: 'timestamp', restore_time: T },
      port: '8000',
      time_zone: 'UTC+08:00',
    });
    await waitFor(() =>
      expect(router.state.location.pathname + router.state.location.search).toBe(
        `/p/demo/instances/${NEW_ID}?job=a2f5c6d7-1111-4222-8333-944455556666`,
      ),
    );
  }, 40_000);

  it('puts a refusal on the step and field it concerns', async () => {
    const { user } = setup({
      restoreToNewInstance: refusal(400, 'DBS.280661', 'flavor_ref: must be at least the source flavor', [
        { path: 'flavor_ref', message: 'must be at least the source flavor' },
      ]),
    });
    await screen.findByRole('heading', { name: 'Step 1 of 6: Source and name' });
    await next(user, 'Availability zones and flavor');
    await next(user, 'Storage');
    await next(user, 'Network and password');
    await user.type(screen.getByLabelText('Root password'), 'Gauss_db2024x');
    await user.type(screen.getByLabelText('Confirm password'), 'Gauss_db2024x');
    await screen.findByText(/Not a known weak password/);
    await next(user, 'Parameters and time zone');
    await next(user, 'Summary');
    await user.click(screen.getByRole('button', { name: 'Restore to new instance' }));
    expect(
      await screen.findByRole('heading', { name: 'Step 2 of 6: Availability zones and flavor' }),
    ).toBeInTheDocument();
    expect(screen.getByText('DBS.280661: must be at least the source flavor')).toBeInTheDocument();
  }, 40_000);

  it('tells a role that may not restore why, and asks nothing of the API', async () => {
    const bff = sharedFakeBff({ role: 'operator', policy: { restoreToNewInstance: ['admin'] } });
    renderWithBff(<RestoreInstancePage />, bff, {
      route: `/p/demo/instances/restore?instance=${SOURCE_ID}&time=${T}`,
      path: '/p/:project/instances/restore',
    });
    expect(await screen.findByText(/only an administrator may/)).toBeInTheDocument();
    expect(bff.operationsCalled()).toEqual([]);
  });
});
