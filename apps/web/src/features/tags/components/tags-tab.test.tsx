import type { Instance } from '@gaussdb-console/api-client/browser';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff, refusal, type FakeBffOptions } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { TagsTab } from './tags-tab';

afterEach(() => vi.unstubAllGlobals());

const instance: Instance = {
  id: '6f1e2d3c4b5a69788796a5b4c3d2e1f0in14',
  name: 'gauss-prod-01',
  status: 'ACTIVE',
};
const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: [`v${i}`] }));

function setup(answers: FakeBffOptions['answers'] = {}, opts: Omit<FakeBffOptions, 'answers'> = {}) {
  const bff = fakeBff({
    ...opts,
    answers: {
      listInstanceTags: { tags: [{ key: 'env', value: ['prod'] }], total_count: 1 },
      listPredefinedTags: {
        tags: [
          { key: 'env', values: ['prod', 'test'] },
          { key: 'team', values: ['dba'] },
        ],
      },
      addInstanceTags: { instance_id: instance.id },
      deleteInstanceTag: { result: 'success' },
      ...answers,
    },
  });
  return { bff, ...renderWithBff(<TagsTab project="demo" instance={instance} />, bff) };
}

describe('instance tags tab (4.11)', () => {
  it('lists the tags with the quota, each a link to the instances carrying it', async () => {
    setup();
    const chip = await screen.findByRole('link', { name: 'env=prod' });
    expect(chip).toHaveAttribute('href', '/p/demo/instances?tags=env%3Dprod');
    expect(screen.getByText('1 of 20 tags')).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: /quota/ })).toHaveAttribute('aria-valuenow', '1');
  });

  it('offers predefined tags first, disables keys the instance has, and adds the one picked', async () => {
    const { user, bff } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add tag' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('button', { name: 'env=test' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'team=dba' }));
    expect(within(dialog).getByLabelText('Key')).toHaveValue('team');
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }));
    await waitFor(() =>
      expect(bff.callsTo('addInstanceTags').map((c) => c.body)).toEqual([
        { tags: [{ key: 'team', value: 'dba' }] },
      ]),
    );
  });

  it('refuses a key the instance already carries and a key breaking the rule, before sending', async () => {
    const { user, bff } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add tag' }));
    const dialog = await screen.findByRole('dialog');
    const key = within(dialog).getByLabelText('Key');
    expect(key).toHaveAccessibleDescription(/1–36 characters/);
    await user.type(key, 'env');
    expect(await within(dialog).findByText(/already has a tag "env"/)).toBeInTheDocument();
    await user.clear(key);
    await user.type(key, 'bad key!');
    expect(await within(dialog).findByText(/tag key: 1–36 characters/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Add tag' })).toBeDisabled();
    expect(bff.callsTo('addInstanceTags')).toHaveLength(0);
  });

  it("says when the quota is reached and shows the server's DBS code when it refuses", async () => {
    const { unmount } = setup({ listInstanceTags: { tags: tags(20) } });
    expect(await screen.findByText(/carries the most tags/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add tag' })).toBeDisabled();
    unmount();
    const { user } = setup({
      addInstanceTags: refusal(
        400,
        'DBS.280449',
        'The DB instance is frozen; its tags cannot be changed.',
        undefined,
        { dbsCode: 'DBS.280449' },
      ),
    });
    await user.click(await screen.findByRole('button', { name: 'Add tag' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Key'), 'owner');
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }));
    expect(await within(dialog).findByText(/frozen/)).toBeInTheDocument();
    expect(within(dialog).getByText(/DBS\.280449/)).toBeInTheDocument();
  });

  it('removes a tag after one confirmation, by its key', async () => {
    const { user, bff } = setup();
    await user.click(await screen.findByRole('button', { name: 'Remove tag env' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(bff.callsTo('deleteInstanceTag')).toHaveLength(1));
    expect(bff.callsTo('deleteInstanceTag')[0]?.query.get('key')).toBe('env');
  });

  it('shows a viewer the tags without add or remove', async () => {
    setup(
      {},
      {
        role: 'viewer',
        policy: { addInstanceTags: ['admin', 'operator'], deleteInstanceTag: ['admin', 'operator'] },
      },
    );
    expect(await screen.findByRole('link', { name: 'env=prod' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add tag' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove tag/ })).toBeNull();
  });
});
