import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SwitchShardDialog } from './switch-shard-dialog';
import { distributed, distributedComponents, fakeOps, renderDialog } from './action-dialogs.fixture';

afterEach(() => vi.unstubAllGlobals());

describe('switch shard primary dialog', () => {
  it('offers the running standbys of each shard, explains the write pause, and sends one pick per shard', async () => {
    const bff = fakeOps({
      listComponents: { status: 200, body: { nodes: distributedComponents, total_count: 3 } },
      switchShardPrimary: { status: 202, body: { job_id: 'job-sw-1' } },
    });
    const { user, onJob } = renderDialog(SwitchShardDialog, distributed, bff);
    expect(await screen.findByText(/writes to that shard pause for a few seconds/)).toBeInTheDocument();
    const shard1 = await screen.findByLabelText('Shard 6001');
    expect(shard1).toHaveAccessibleDescription('Primary now: dn_6011 on gauss-dist-01_node_1 (az1xahz)');
    expect([...(shard1 as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      '',
      'n2no14|dn_6012',
      'n3no14|dn_6013',
    ]);
    expect(screen.getByRole('button', { name: 'Switch 0 shards' })).toBeDisabled();
    await user.selectOptions(shard1, 'n3no14|dn_6013');
    await user.click(screen.getByRole('button', { name: 'Switch 1 shard' }));
    await waitFor(() => expect(onJob).toHaveBeenCalledWith('job-sw-1'));
    expect(bff.sentTo('switchShardPrimary')[0]?.body).toEqual({
      shards: [{ node_id: 'n3no14', component_id: 'dn_6013' }],
    });
  });
});
