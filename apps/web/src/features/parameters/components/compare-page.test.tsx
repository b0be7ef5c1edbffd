import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBff, type FakeCall } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { ComparePage } from './compare-page';
import {
  DEFAULTS,
  instance,
  INSTANCE_ID,
  instanceParameters,
  OTHER_ID,
  SYSTEM_ID,
  templateDetail,
  templateList,
  USER_ID,
  withValues,
} from './parameters.fixture';

const templates = {
  [SYSTEM_ID]: templateDetail(SYSTEM_ID, 'Default-Enterprise-Edition-GaussDB-8.201-Centralized', DEFAULTS),
  [USER_ID]: templateDetail(
    USER_ID,
    'oltp-high-concurrency',
    withValues({ max_connections: '10000', session_timeout: '1800' }),
  ),
};
const instanceValues: Record<string, ReturnType<typeof withValues>> = {
  [INSTANCE_ID]: withValues({ session_timeout: '300', log_statement: 'NONE' }),
  [OTHER_ID]: withValues({ log_statement: 'ddl' }),
};
const idIn = (c: FakeCall, i: number) => decodeURIComponent(c.path.split('/')[i]!);

const render = (route: string) => {
  const bff = fakeBff({
    answers: {
      listParameterTemplates: templateList,
      getParameterTemplate: (c) => templates[idIn(c, 6) as keyof typeof templates]!,
      compareParameterTemplates: {
        differences: [
          { name: 'max_connections', source_value: '10000', target_value: '5000' },
          { name: 'session_timeout', source_value: '1800', target_value: '600' },
        ],
      },
      getInstanceParameters: (c) => instanceParameters(instanceValues[idIn(c, 6)]!),
      listInstances: (c) => {
        const id = c.query.get('id') ?? '';
        return {
          instances: [instance(id, id === INSTANCE_ID ? 'prod-core-01' : 'prod-core-02')],
          total_count: 1,
        };
      },
    },
  });
  return { bff, ...renderWithBff(<ComparePage />, bff, { route, path: '/p/:project/parameters/compare' }) };
};

describe('comparing parameters', () => {
  it('compares two templates with 4.5.9 and highlights its differences, all rows on demand', async () => {
    const { bff, user } = render(`/p/demo/parameters/compare?left=t:${USER_ID}&right=t:${SYSTEM_ID}`);
    expect(await screen.findByText('2 of 4 parameters differ')).toBeInTheDocument();
    expect(bff.callsTo('compareParameterTemplates')[0]?.body).toEqual({
      source_id: USER_ID,
      target_id: SYSTEM_ID,
    });
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const max = within(table).getByRole('row', { name: /max_connections/ });
    expect(max).toHaveTextContent('10000');
    expect(max).toHaveTextContent('5000');
    expect(within(max).getByLabelText('differs')).toBeInTheDocument();
    expect(max).toHaveTextContent('Restart needed');
    expect(within(table).getByRole('columnheader', { name: /oltp-high-concurrency/ })).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Only differences' }));
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(
      within(within(table).getByRole('row', { name: /log_statement/ })).queryByLabelText('differs'),
    ).toBeNull();
  });

  it('shows how an instance drifted from a template, comparing values by their meaning', async () => {
    const { bff } = render(`/p/demo/parameters/compare?left=t:${SYSTEM_ID}&right=i:${INSTANCE_ID}`);
    // `NONE` on the instance is `none`: only the hand edit of session_timeout differs.
    expect(await screen.findByText('1 of 4 parameters differs')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /session_timeout/ })).toHaveTextContent('300');
    expect(screen.queryByRole('row', { name: /log_statement/ })).not.toBeInTheDocument();
    expect(bff.callsTo('compareParameterTemplates')).toHaveLength(0);
    expect(
      await screen.findByRole('columnheader', { name: /prod-core-01 \(Instance\)/ }),
    ).toBeInTheDocument();
  });

  it('compares two instances', async () => {
    render(`/p/demo/parameters/compare?left=i:${INSTANCE_ID}&right=i:${OTHER_ID}`);
    expect(await screen.findByText('2 of 4 parameters differ')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /session_timeout/ })).toHaveTextContent('300');
    expect(screen.getByRole('row', { name: /log_statement/ })).toHaveTextContent('ddl');
  });

  it('asks for both sides before comparing', async () => {
    render(`/p/demo/parameters/compare?left=t:${SYSTEM_ID}`);
    expect(await screen.findByText('Choose what to compare on both sides.')).toBeInTheDocument();
  });
});
