import type { AuditEntryView } from '@gaussdb-console/api-client/browser';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff, type FakeBffOptions } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { AuditPage } from './audit-page';

afterEach(() => vi.unstubAllGlobals());

const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  id: 1,
  time: '2026-03-01T10:00:00.000Z',
  user: 'oscar',
  role: 'operator',
  ip: '10.0.0.7',
  project: 'demo',
  operation: 'restartInstance',
  target: { instance_id: 'i-1' },
  input: {},
  status: 202,
  result: 'success',
  job_id: 'job-1',
  error_code: null,
  request_id: 'r-1',
  client_request_id: null,
  outcome: { time: '2026-03-01T10:00:01.000Z', source: 'request' },
  ...over,
});

function setup(opts: FakeBffOptions = {}, route = '/p/demo/audit') {
  const bff = fakeBff({
    audit: (c) => ({
      entries: [
        entry({}),
        entry({
          id: 2,
          operation: 'createDatabase',
          result: 'unknown',
          status: 0,
          job_id: null,
          error_code: null,
        }),
        entry({
          id: 3,
          operation: 'login',
          user: 'ann',
          role: 'admin',
          target: {},
          job_id: null,
          status: 200,
        }),
        entry({
          id: 4,
          operation: 'addInstanceTags',
          result: 'failure',
          status: 400,
          job_id: null,
          error_code: 'DBS.280449',
        }),
      ].filter((e) => !c.query.get('user') || e.user === c.query.get('user')),
      total: 4,
      offset: Number(c.query.get('offset') ?? 0),
      limit: Number(c.query.get('limit') ?? 50),
    }),
    ...opts,
  });
  return { bff, ...renderWithBff(<AuditPage />, bff, { route, path: '/p/:project/audit' }) };
}

describe('audit page', () => {
  it('shows who did what with the result, the DBS code and the job', async () => {
    setup();
    const restart = (await screen.findByRole('cell', { name: /Restart DB instance|Restart/ })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(restart).getByText('oscar')).toBeInTheDocument();
    expect(within(restart).getByRole('link', { name: /job-1/ })).toHaveAttribute(
      'href',
      '/p/demo/tasks?job=job-1',
    );
    expect(within(restart).getByRole('link', { name: 'i-1' })).toHaveAttribute(
      'href',
      '/p/demo/instances/i-1',
    );
    const table = screen.getByRole('table');
    expect(within(table).getByText('Unknown').closest('[title]')).toHaveAttribute(
      'title',
      expect.stringMatching(/may have been applied/),
    );
    expect(within(table).getByText('DBS.280449')).toBeInTheDocument();
    expect(within(table).getByText('Sign in')).toBeInTheDocument();
  });

  it('sends the filters in the URL to the BFF and pages by offset', async () => {
    const { bff, user, router } = setup({}, '/p/demo/audit?user=oscar&result=unknown&size=10&page=2');
    await screen.findByText('4 in total');
    const q = bff.calls.find((c) => c.op === 'audit')?.query ?? new URLSearchParams();
    expect(Object.fromEntries(q)).toMatchObject({
      user: 'oscar',
      result: 'unknown',
      offset: '10',
      limit: '10',
    });
    await user.selectOptions(screen.getByLabelText('Result'), 'failure');
    await waitFor(() => expect(router.state.location.search).toContain('result=failure'));
  });

  it('never asks for the trail for a role other than admin', async () => {
    const { bff } = setup({ role: 'operator' });
    expect(await screen.findByText('The audit trail is for administrators.')).toBeInTheDocument();
    expect(bff.calls.filter((c) => c.op === 'audit')).toEqual([]);
  });
});
