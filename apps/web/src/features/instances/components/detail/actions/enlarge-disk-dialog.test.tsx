import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diskProblem, EnlargeDiskDialog, nextDiskSize } from './enlarge-disk-dialog';
import { refusal, renderOnDistributed, type Answer } from './action-dialogs.fixture';

const setup = (answer: Answer = { status: 202, body: { job_id: 'job-disk-1' } }) =>
  renderOnDistributed(EnlargeDiskDialog, 'expandInstance', answer);
afterEach(() => vi.unstubAllGlobals());

describe('enlarge disk dialog', () => {
  it('shows the multiple-of-shards rule for the instance before typing', async () => {
    setup();
    const size = screen.getByLabelText('New disk size');
    await waitFor(() =>
      expect(size).toHaveAccessibleDescription(
        /A multiple of 12 GB \(4 GB × 3 shards\), 120–49152 GB, larger than now\./,
      ),
    );
    expect(await screen.findByText('The next possible size is 492 GB.')).toBeInTheDocument();
  });

  it('refuses a size that is not a multiple of shards × 4 GB, and sends nothing', async () => {
    const { user, bff } = setup();
    await screen.findByText('Now: 480 GB on 3 shards.');
    await user.type(screen.getByLabelText('New disk size'), '500');
    expect(await screen.findByText('Not a multiple of 12 GB.')).toBeInTheDocument();
    expect(screen.getByLabelText('New disk size')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Enlarge disk' })).toBeDisabled();
    await user.clear(screen.getByLabelText('New disk size'));
    await user.type(screen.getByLabelText('New disk size'), '480');
    expect(await screen.findByText('Must be larger than the current 480 GB.')).toBeInTheDocument();
    expect(bff.sentTo('expandInstance')).toHaveLength(0);
  });

  it('sends enlarge_volume with a size that keeps the rule and follows the job', async () => {
    const { user, bff, onJob } = setup();
    await screen.findByText('Now: 480 GB on 3 shards.');
    await user.type(screen.getByLabelText('New disk size'), '504');
    await user.click(screen.getByRole('button', { name: 'Enlarge disk' }));
    await waitFor(() => expect(onJob).toHaveBeenCalledWith('job-disk-1'));
    expect(bff.sentTo('expandInstance').map((s) => s.body)).toEqual([{ enlarge_volume: { size: 504 } }]);
  });

  it('shows the server refusal with its DBS code under the field', async () => {
    const { user } = setup(
      refusal(400, 'DBS.200086', 'The disk can be enlarged only when every node is normal.', [
        { path: 'enlarge_volume.size', message: 'every node must be normal' },
      ]),
    );
    await screen.findByText('Now: 480 GB on 3 shards.');
    await user.type(screen.getByLabelText('New disk size'), '504');
    await user.click(screen.getByRole('button', { name: 'Enlarge disk' }));
    expect(await screen.findByText('DBS.200086: every node must be normal')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('DBS.200086');
  });

  it('words each broken rule (unit)', () => {
    expect(diskProblem(124, 1, 120)).toBe(undefined);
    expect(diskProblem(126, 1, 120)).toBe('notMultiple');
    expect(diskProblem(36, 1, undefined)).toBe('tooSmall');
    expect(diskProblem(16388, 1, 120)).toBe('tooLarge');
    expect(nextDiskSize(120, 1)).toBe(124);
    expect(nextDiskSize(40, 3)).toBe(120);
  });
});
