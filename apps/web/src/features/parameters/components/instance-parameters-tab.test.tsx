import { screen, within } from '@testing-library/react';
import { waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearPendingRestart, markPendingRestart } from '../api/pending-restart';
import { fakeBff, type FakeBffOptions } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { InstanceParametersTab } from './instance-parameters-tab';
import {
  DEFAULTS,
  instance,
  INSTANCE_ID,
  instanceParameters,
  SYSTEM_ID,
  templateDetail,
  templateList,
  withValues,
} from './parameters.fixture';

const answers = (extra: FakeBffOptions['answers'] = {}): FakeBffOptions['answers'] => ({
  getInstanceParameters: instanceParameters(withValues({ session_timeout: '900' })),
  listParameterTemplates: templateList,
  getParameterTemplate: templateDetail(
    SYSTEM_ID,
    'Default-Enterprise-Edition-GaussDB-8.201-Centralized',
    DEFAULTS,
  ),
  listTasks: { tasks: [], total_count: 0 },
  ...extra,
});

const render = (opts: FakeBffOptions, status = 'ACTIVE') => {
  const bff = fakeBff(opts);
  return {
    bff,
    ...renderWithBff(
      <InstanceParametersTab project="demo" instance={instance(INSTANCE_ID, 'prod-core-01', status)} />,
      bff,
    ),
  };
};

describe('the instance Parameters tab', { timeout: 20_000 }, () => {
  beforeEach(() => clearPendingRestart('demo', INSTANCE_ID));

  it('shows each parameter with its default from the version template, and read-only ones as text', async () => {
    render({ answers: answers() });
    const row = await screen.findByRole('row', { name: /session_timeout/ });
    expect(within(row).getByRole('textbox')).toHaveValue('900');
    // The defaults arrive with the version's system template (4.5.1, then 4.5.6).
    await waitFor(() =>
      expect(screen.getByRole('row', { name: /session_timeout/ })).toHaveTextContent('600'),
    );
    expect(screen.getByRole('row', { name: /session_timeout/ })).toHaveTextContent('Modified');
    expect(await screen.findByRole('row', { name: /ssl/ })).toHaveTextContent('read-only');
    expect(screen.queryByRole('combobox', { name: 'Value of ssl' })).not.toBeInTheDocument();
  });

  it('sends the staged values in one call and shows the restart banner when the answer asks for one', async () => {
    const { bff, user } = render({
      answers: answers({
        modifyInstanceParameters: { restart_required: true },
        listTasks: {
          tasks: [
            {
              job_id: 'old-restart',
              name: 'RestartGaussDBV5Instance',
              status: 'Completed',
              instance_info: { instance_id: INSTANCE_ID },
            },
          ],
          total_count: 1,
        },
      }),
    });
    const max = await screen.findByRole('textbox', { name: 'Value of max_connections' });
    await user.clear(max);
    await user.click(max);
    await user.paste('6000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Value of log_statement' }), 'ddl');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply 2 changes' }),
    );
    const banner = await screen.findByRole('status', { name: 'Changes waiting for a restart' });
    expect(banner).toHaveTextContent('1 changed parameter waits for a restart');
    expect(banner).toHaveTextContent('max_connections');
    expect(within(banner).getByRole('button', { name: 'Restart now' })).toBeEnabled();
    expect(bff.callsTo('modifyInstanceParameters')[0]?.body).toEqual({
      values: { max_connections: '6000', log_statement: 'ddl' },
    });
    // The restart that existed before the change does not clear the banner.
    expect(screen.getByRole('status', { name: 'Changes waiting for a restart' })).toBeInTheDocument();
  });

  it('clears the banner once a new restart of the instance completed', async () => {
    markPendingRestart('demo', INSTANCE_ID, ['max_connections'], ['old-restart']);
    render({
      answers: answers({
        listTasks: {
          tasks: [
            {
              job_id: 'new-restart',
              name: 'RestartGaussDBV5Instance',
              status: 'Completed',
              instance_info: { instance_id: INSTANCE_ID },
            },
          ],
          total_count: 1,
        },
      }),
    });
    await screen.findByRole('row', { name: /session_timeout/ });
    await expect.poll(() => localStorage.getItem('gaussdb-console.pending-restarts')).toBe('{}');
    expect(screen.queryByRole('status', { name: 'Changes waiting for a restart' })).not.toBeInTheDocument();
  });

  it('offers no edit to a viewer and says why', async () => {
    render({
      role: 'viewer',
      policy: { modifyInstanceParameters: ['admin', 'operator'], restartInstance: ['admin', 'operator'] },
      answers: answers(),
    });
    await screen.findByRole('row', { name: /session_timeout/ });
    expect(screen.queryByRole('textbox', { name: /^Value of/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Your role \(Viewer\) can read this instance's parameters/)).toBeInTheDocument();
  });

  it('keeps values read-only while the instance is busy, saying until when', async () => {
    render({ answers: answers() }, 'REBOOTING');
    await screen.findByRole('row', { name: /session_timeout/ });
    expect(screen.queryByRole('textbox', { name: /^Value of/ })).not.toBeInTheDocument();
    expect(screen.getByText(/can be changed again once it is Active/)).toBeInTheDocument();
  });
});
