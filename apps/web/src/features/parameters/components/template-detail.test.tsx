import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBff, refusal, type FakeBffOptions, type FakeCall } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import {
  DEFAULTS,
  INSTANCE_ID,
  instanceParameters,
  OTHER_ID,
  SYSTEM_ID,
  templateDetail,
  templateList,
  USER_ID,
  withValues,
} from './parameters.fixture';
import { TemplateDetailPage } from './template-detail-page';

const USER_VALUES = { max_connections: '10000', session_timeout: '1800' };
const templates = {
  [SYSTEM_ID]: templateDetail(SYSTEM_ID, 'Default-Enterprise-Edition-GaussDB-8.201-Centralized', DEFAULTS),
  [USER_ID]: templateDetail(USER_ID, 'oltp-high-concurrency', withValues(USER_VALUES)),
};
const idIn = (c: FakeCall, i: number) => decodeURIComponent(c.path.split('/')[i]!);

const answers = (extra: FakeBffOptions['answers'] = {}): FakeBffOptions['answers'] => ({
  listParameterTemplates: templateList,
  getParameterTemplate: (c) => templates[idIn(c, 6) as keyof typeof templates]!,
  listApplicableInstances: {
    instances: [
      { instance_id: INSTANCE_ID, instance_name: 'prod-core-01' },
      { instance_id: OTHER_ID, instance_name: 'prod-core-02' },
    ],
    total_count: 2,
  },
  getInstanceParameters: (c) =>
    instanceParameters(
      withValues(idIn(c, 6) === INSTANCE_ID ? { ...USER_VALUES, session_timeout: '300' } : USER_VALUES),
    ),
  ...extra,
});

const render = (
  tab: string,
  opts: Omit<FakeBffOptions, 'answers'> & { answers?: FakeBffOptions['answers'] } = {},
) => {
  const bff = fakeBff({ ...opts, answers: answers(opts.answers) });
  return {
    bff,
    ...renderWithBff(<TemplateDetailPage />, bff, {
      route: `/p/demo/parameters/${USER_ID}?tab=${tab}`,
      path: '/p/:project/parameters/:configId',
    }),
  };
};

describe('a template page', { timeout: 20_000 }, () => {
  it('lists the instances it fits with how many parameters drifted from it', async () => {
    render('instances');
    const drifted = await screen.findByRole('row', { name: /prod-core-01/ });
    await waitFor(() => expect(drifted).toHaveTextContent('1 parameter differs'));
    await waitFor(() =>
      expect(screen.getByRole('row', { name: /prod-core-02/ })).toHaveTextContent('Matches'),
    );
    expect(
      within(drifted).getByRole('link', { name: 'Show the differences of prod-core-01' }),
    ).toHaveAttribute('href', `/p/demo/parameters/compare?left=t%3A${USER_ID}&right=i%3A${INSTANCE_ID}`);
  });

  it('applies to each chosen instance in its own call and follows each job; a refusal stays with its instance', async () => {
    const { bff, user } = render('parameters', {
      answers: {
        applyParameterTemplate: (c) =>
          (c.body as { instance_ids: string[] }).instance_ids[0] === INSTANCE_ID
            ? { job_id: 'job-1' }
            : refusal(409, 'DBS.200011', 'The instance is being modified.'),
        getJob: {
          job: { id: 'job-1', name: 'ApplyGaussDBV5ParameterTemplate', status: 'Completed', progress: '' },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Apply to instances' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('replaces all parameters of each instance');
    await user.click(await within(dialog).findByRole('checkbox', { name: /prod-core-01/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /prod-core-02/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 2 instances' }));
    expect(bff.callsTo('applyParameterTemplate').map((c) => c.body)).toEqual([
      { instance_ids: [INSTANCE_ID] },
      { instance_ids: [OTHER_ID] },
    ]);
    const items = await within(dialog).findAllByRole('listitem');
    await waitFor(() => expect(items[0]).toHaveTextContent('Applied'));
    expect(items[1]).toHaveTextContent('Refused');
    expect(items[1]).toHaveTextContent('DBS.200011');
    expect(within(dialog).getByRole('button', { name: 'Show apply history' })).toBeInTheDocument();
  });

  it('names the console user of each application for an administrator, from the audit trail', async () => {
    const { bff } = render('applied', {
      answers: {
        listTemplateApplyHistory: {
          histories: [
            {
              instance_id: INSTANCE_ID,
              instance_name: 'prod-core-01',
              apply_result: 'SUCCESS',
              applied_at: '2025-01-02T09:01:30+0000',
              error_code: null,
            },
            {
              instance_id: OTHER_ID,
              instance_name: 'prod-core-02',
              apply_result: 'FAILED',
              applied_at: '2024-12-01T09:01:30+0000',
              error_code: 'DBS.212011',
            },
          ],
          total_count: 2,
        },
        getJob: {
          job: {
            id: 'job-1',
            name: 'ApplyGaussDBV5ParameterTemplate',
            status: 'Completed',
            created: '2025-01-02T09:00:00Z',
            ended: '2025-01-02T09:01:30Z',
          },
        },
      },
      audit: {
        entries: [
          {
            id: 7,
            time: '2025-01-02T09:00:00.000Z',
            user: 'alice',
            role: 'operator',
            ip: null,
            project: 'demo',
            operation: 'applyParameterTemplate',
            target: { config_id: USER_ID },
            input: { instance_ids: [INSTANCE_ID] },
            status: 202,
            result: 'success',
            job_id: 'job-1',
            error_code: null,
            request_id: null,
            client_request_id: null,
            outcome: null,
          },
        ],
        total: 1,
        offset: 0,
        limit: 200,
      },
    });
    const mine = await screen.findByRole('row', { name: /prod-core-01/ });
    await waitFor(() => expect(mine).toHaveTextContent('alice'));
    expect(mine).toHaveTextContent('Succeeded');
    const other = screen.getByRole('row', { name: /prod-core-02/ });
    expect(other).toHaveTextContent('not through this console');
    expect(other).toHaveTextContent('DBS.212011');
    expect(bff.calls.find((c) => c.op === 'audit')?.query.get('operation')).toBe('applyParameterTemplate');
  });

  it('never reads the audit trail for another role, and says who can', async () => {
    const { bff } = render('applied', {
      role: 'operator',
      policy: { deleteParameterTemplate: ['admin'] },
      answers: { listTemplateApplyHistory: { histories: [], total_count: 0 } },
    });
    expect(await screen.findByText('Not applied yet')).toBeInTheDocument();
    expect(screen.getByText(/which administrators can read/)).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Console user' })).not.toBeInTheDocument();
    expect(bff.calls.some((c) => c.op === 'audit')).toBe(false);
    // An operator changes and applies, but is not offered deletion, and is told so.
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.getByText(/deleting a template is for administrators/)).toBeInTheDocument();
  });

  it('saves staged edits as a new template carrying the template’s own values (no call edits a template in place)', async () => {
    const { bff, user } = render('parameters', {
      answers: {
        checkParameterTemplateName: { exist: false },
        createParameterTemplate: { id: 'new-template-id', name: 'oltp-high-concurrency-edited' },
      },
    });
    const field = await screen.findByRole('textbox', { name: 'Value of session_timeout' });
    await waitFor(() =>
      expect(screen.getByRole('row', { name: /session_timeout/ })).toHaveTextContent('Modified'),
    );
    await user.clear(field);
    await user.type(field, '2400');
    await user.click(screen.getByRole('button', { name: 'Review and save as new template' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('row', { name: /session_timeout/ })).toHaveTextContent('2400');
    expect(await within(dialog).findByText('The name is free.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create template' }));
    await waitFor(() => expect(bff.callsTo('createParameterTemplate')).toHaveLength(1));
    expect(bff.callsTo('createParameterTemplate')[0]?.body).toEqual({
      name: 'oltp-high-concurrency-edited',
      description: '',
      datastore: { engine_version: '8.201', instance_mode: 'ha' },
      parameter_values: { max_connections: '10000', session_timeout: '2400' },
    });
  });

  it('shows why a template cannot be deleted while the service refuses', async () => {
    const { user } = render('parameters', {
      answers: {
        deleteParameterTemplate: refusal(
          400,
          'DBS.212032',
          'The parameter template has been applied to prod-core-01; apply another template to them first.',
        ),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Delete template' });
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 'oltp-high-concurrency');
    await user.click(submit);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('DBS.212032');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('has been applied to prod-core-01');
  });
});
