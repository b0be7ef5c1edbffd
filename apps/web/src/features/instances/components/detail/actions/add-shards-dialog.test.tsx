import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddShardsDialog } from './add-shards-dialog';
import { distributed, distributedComponents, fakeOps, refusal, renderDialog } from './action-dialogs.fixture';

afterEach(() => vi.unstubAllGlobals());

describe('add shards dialog', () => {
  it('shows the 256-shard limit for this instance, refuses 0, and shows the server refusal with its DBS code', async () => {
    const bff = fakeOps({
      listComponents: { status: 200, body: { nodes: distributedComponents, total_count: 3 } },
      expandInstance: refusal(
        400,
        'DBS.280607',
        'expand_cluster.shard.count: the instance has 3 shards; at most 253 more can be added (256 in total).',
        [{ path: 'expand_cluster.shard.count', message: 'at most 253 more can be added' }],
      ),
    });
    const { user, onJob } = renderDialog(AddShardsDialog, distributed, bff);
    const count = screen.getByLabelText('New shards');
    await waitFor(() =>
      expect(count).toHaveAccessibleDescription(
        /at most 256 shards after the operation, so at most 253 more/,
      ),
    );
    await user.clear(count);
    await user.type(count, '0');
    expect(screen.getByRole('button', { name: 'Add shards' })).toBeDisabled();
    await user.clear(count);
    await user.type(count, '2');
    await user.click(screen.getByRole('button', { name: 'Add shards' }));
    expect(await screen.findByText('DBS.280607: at most 253 more can be added')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('DBS.280607');
    expect(bff.sentTo('expandInstance').map((s) => s.body)).toEqual([
      { expand_cluster: { shard: { count: 2 } } },
    ]);
    expect(onJob).not.toHaveBeenCalled();
  });
});
