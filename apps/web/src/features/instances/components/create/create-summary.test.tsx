import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREATED_ID, fakeBff, type FakeBffOptions } from './wizard-bff.fixture';
import { currentStep, fillToSummary, renderWizard } from './render-wizard.fixture';

function setup(options: FakeBffOptions = {}) {
  const bff = fakeBff(options);
  vi.stubGlobal('fetch', bff.fetch);
  return { bff, ...renderWizard() };
}
afterEach(() => vi.unstubAllGlobals());

// Each test walks all six steps by keyboard and mouse, so it needs more than the default 5 s on a slow machine.
const WALK_MS = 20_000;

const expectedBody = {
  name: 'gauss-prod-01',
  datastore: { type: 'GaussDB', version: '8.201' },
  ha: {
    mode: 'centralization_standard',
    consistency: 'strong',
    replication_mode: 'sync',
    consistency_protocol: 'quorum',
  },
  flavor_ref: 'gaussdb.opengauss.ee.dn.m6.xlarge.8.ha',
  volume: { type: 'ULTRAHIGH', size: 120 },
  region: 'cn-north-4',
  availability_zone: 'az1xahz,az1xahz,az1xahz',
  vpc_id: 'c0a17a45-5e4a-4166-9cd6-cf9846f776a2',
  subnet_id: 'ba239f09-7b59-4233-80c9-af2b418803ae',
  password: 'Gauss_db-2024x',
  solution: 'triset',
  port: '8000',
  backup_strategy: { start_time: '02:00-03:00', keep_days: 7 },
};

describe('create-instance wizard: summary and submit', () => {
  it(
    'shows the exact request JSON (password masked until asked) and sends exactly that',
    async () => {
      const { user, bff, router } = setup();
      await fillToSummary(user);
      const pre = screen.getByLabelText('Request body');
      const shown = JSON.parse(pre.textContent ?? '') as Record<string, unknown>;
      const { time_zone, ...rest } = shown;
      expect(time_zone).toMatch(/^UTC[+-]\d\d:00$/);
      expect(rest).toEqual({ ...expectedBody, password: '********' });

      await user.click(screen.getByLabelText('Show the password in the request'));
      const exact = screen.getByLabelText('Request body').textContent ?? '';
      expect(JSON.parse(exact)).toEqual({ ...expectedBody, time_zone });

      await user.click(screen.getByRole('button', { name: 'Create instance' }));
      await waitFor(() => expect(router.state.location.pathname).toBe(`/p/demo/instances/${CREATED_ID}`));
      expect(bff.callsTo('createInstance')).toHaveLength(1);
      expect(JSON.stringify(bff.callsTo('createInstance')[0]?.body, null, 2)).toBe(exact);
      expect(bff.callsTo('addInstanceTags')).toHaveLength(0);
    },
    WALK_MS,
  );

  it(
    'adds the tags with a second call after the create, shown on the summary too',
    async () => {
      const { user, bff, router } = setup();
      await fillToSummary(user, { tags: [['env', 'prod']] });
      expect(JSON.parse(screen.getByLabelText('Tags request body').textContent ?? '')).toEqual({
        tags: [{ key: 'env', value: 'prod' }],
      });
      await user.click(screen.getByRole('button', { name: 'Create instance' }));
      await waitFor(() => expect(router.state.location.pathname).toBe(`/p/demo/instances/${CREATED_ID}`));
      expect(bff.callsTo('addInstanceTags')[0]?.body).toEqual({ tags: [{ key: 'env', value: 'prod' }] });
    },
    WALK_MS,
  );

  it(
    "shows the server's DBS message under the field it names and reopens that step",
    async () => {
      const message = 'volume.size: must be an integer multiple of 4 GB (server says so)';
      const { user } = setup({
        createError: { status: 400, code: 'DBS.280611', message, fields: [{ path: 'volume.size', message }] },
      });
      await fillToSummary(user);
      await user.click(screen.getByRole('button', { name: 'Create instance' }));
      await waitFor(() => expect(currentStep()).toContain('Storage'));
      const size = screen.getByLabelText('Storage size');
      expect(size).toHaveAttribute('aria-invalid', 'true');
      expect(size).toHaveAccessibleDescription(new RegExp('server says so'));
    },
    WALK_MS,
  );

  it(
    'explains a quota refusal (HTTP 413, DBS.200046) in words',
    async () => {
      const { user, router } = setup({
        quota: { used: 49, quota: 50 },
        createError: {
          status: 413,
          code: 'DBS.200046',
          message: 'The number of DB instances has reached the quota.',
        },
      });
      await fillToSummary(user);
      await user.click(screen.getByRole('button', { name: 'Create instance' }));
      expect(await screen.findByText("The project's instance quota is used up")).toBeInTheDocument();
      expect(
        screen.getByText(
          /The project already has 49 of 50 instances\. Delete an instance you no longer need/,
        ),
      ).toBeInTheDocument();
      expect(await screen.findByText('DBS.200046')).toBeInTheDocument();
      expect(await screen.findByText('Request id: req-test-7')).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/p/demo/instances/new');
    },
    WALK_MS,
  );

  it(
    'blocks creating when the quota is already used up',
    async () => {
      const { user } = setup({ quota: { used: 50, quota: 50 } });
      expect(await screen.findByText(/The quota is used up/)).toBeInTheDocument();
      await fillToSummary(user);
      expect(screen.getByRole('button', { name: 'Create instance' })).toBeDisabled();
    },
    WALK_MS,
  );
});
