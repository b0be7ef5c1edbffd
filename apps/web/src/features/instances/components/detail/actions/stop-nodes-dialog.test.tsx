import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StopNodesDialog } from './stop-nodes-dialog';
import { refusal, renderOnDistributed, type Answer } from './action-dialogs.fixture';

const setup = (stop: Answer = { status: 202, body: { job_id: 'job-stop-1' } }) =>
  renderOnDistributed(StopNodesDialog, 'stopNodes', stop);
afterEach(() => vi.unstubAllGlobals());

describe('stop nodes dialog', () => {
  it('explains what keeps running before a node is chosen', async () => {
    setup();
    expect(
      await screen.findByText(
        /at least one CN keeps running, and fewer than half of any shard's replicas may be stopped/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();
  });

  it('asks for the typed instance name, says what stops, and sends the chosen node once', async () => {
    const { user, bff, onJob } = setup();
    await user.click(await screen.findByRole('checkbox', { name: 'gauss-dist-01_node_2' }));

    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).getByText(/Stops 1 node of gauss-dist-01; connections to it drop/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getAllByText(/CN · DN 6001 \(standby\) · DN 6002 \(primary\)/).length,
    ).toBeGreaterThan(0);
    const confirm = within(dialog).getByRole('button', { name: 'Stop' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type gauss-dist-01 to confirm'), 'gauss-dist-0');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type gauss-dist-01 to confirm'), '1');
    expect(confirm).toBeEnabled();
    expect(bff.sentTo('stopNodes')).toHaveLength(0);

    await user.click(confirm);
    await waitFor(() => expect(onJob).toHaveBeenCalledWith('job-stop-1'));
    expect(bff.sentTo('stopNodes').map((s) => s.body)).toEqual([{ node_ids: ['n2no14'] }]);
  });

  it('stops the whole instance with node_ids [] after the name is typed', async () => {
    const { user, bff } = setup();
    await user.click(screen.getByRole('radio', { name: 'The whole instance' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Stops every node of gauss-dist-01: the database is unavailable until it is started again.',
    );
    await user.type(within(dialog).getByLabelText('Type gauss-dist-01 to confirm'), 'gauss-dist-01');
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(bff.sentTo('stopNodes')).toHaveLength(1));
    expect(bff.sentTo('stopNodes')[0]?.body).toEqual({ node_ids: [] });
  });

  it('shows the DBS code when the service refuses the stop', async () => {
    const { user, onJob } = setup(
      refusal(400, 'DBS.200086', 'Stopping these nodes would stop 2 of the 3 replicas of shard 6001.'),
    );
    await user.click(await screen.findByRole('checkbox', { name: 'gauss-dist-01_node_1' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Type gauss-dist-01 to confirm'), 'gauss-dist-01');
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('DBS.200086');
    expect(alert).toHaveTextContent('2 of the 3 replicas of shard 6001');
    expect(onJob).not.toHaveBeenCalled();
  });
});
