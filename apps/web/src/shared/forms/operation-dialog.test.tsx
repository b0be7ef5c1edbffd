// The one form pattern: a dialog that runs an operation validates with the contract's schema as the
// user types, puts the server's DBS refusal on the field it concerns, asks for the target's name before a
// destructive call, and follows the job it starts until it ends.
import { operations } from '@gaussdb-console/api-client/browser';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff, refusal, type FakeBffOptions } from '../../test/fake-bff';
import { jobKeys } from '../api/job-keys';
import { setLanguage } from '../lib/i18n';
import { renderWithBff } from '../../test/render';
import { Field, inputClass } from './form-field';
import { OperationDialog } from './operation-dialog';
import { useOperationForm } from './use-operation-form';

const INSTANCE = '6f1e2d3c4b5a69788796a5b4c3d2e1f0in14';

/** A rename form: the smallest dialog on the pattern (the body is exactly the contract's). */
function RenameForm(props: { danger?: boolean; follow?: boolean; onAccepted?: (job?: string) => void }) {
  const op = useOperationForm('renameInstance', {
    project: 'demo',
    schema: operations.renameInstance.body,
    defaultValues: { name: 'gauss-prod-01' },
    toInput: (body) => ({ path: { instance_id: INSTANCE }, body }),
    onAccepted: (a) => props.onAccepted?.(a.jobId),
  });
  return (
    <OperationDialog
      op={op}
      open
      onOpenChange={() => {}}
      title="Rename"
      submitLabel="Rename it"
      afterAccept={props.follow ? 'follow' : 'close'}
      danger={
        props.danger
          ? { confirmText: 'gauss-prod-01', consequence: 'Clients that use the old name stop finding it.' }
          : undefined
      }
    >
      <Field name="name" label="New name">
        {(a) => <input {...a} {...op.form.register('name')} className={inputClass} />}
      </Field>
    </OperationDialog>
  );
}

function setup(answers: FakeBffOptions['answers'], props: Parameters<typeof RenameForm>[0] = {}) {
  const bff = fakeBff({ answers });
  return { bff, ...renderWithBff(<RenameForm {...props} />, bff) };
}

afterEach(() => vi.unstubAllGlobals());

describe('useOperationForm + OperationDialog', () => {
  it("shows the contract's rule message as the user types and keeps the action disabled", async () => {
    const { user, bff } = setup({});
    const expected = operations.renameInstance.body.safeParse({ name: '1bad' }).error?.issues[0]?.message;
    expect(expected).toBeTruthy();
    await user.clear(screen.getByLabelText('New name'));
    await user.type(screen.getByLabelText('New name'), '1bad');
    expect(await screen.findByText(expected as string)).toBeInTheDocument();
    expect(screen.getByLabelText('New name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Rename it' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(bff.callsTo('renameInstance')).toHaveLength(0);
  });

  it("says in Chinese that a value breaks the rule, keeping the contract's precise words", async () => {
    await setLanguage('zh-CN');
    try {
      const { user } = setup({});
      const expected = operations.renameInstance.body.safeParse({ name: '1bad' }).error?.issues[0]?.message;
      await user.clear(screen.getByLabelText('New name'));
      await user.type(screen.getByLabelText('New name'), '1bad');
      expect(await screen.findByText(`不符合规则：${expected}`)).toBeInTheDocument();
    } finally {
      await setLanguage('en');
    }
  });

  it('puts a DBS refusal that names no field on the field the code registry says, with the code and request id', async () => {
    const { user, bff } = setup({
      renameInstance: refusal(400, 'DBS.200021', 'The instance name already exists.'),
    });
    await user.clear(screen.getByLabelText('New name'));
    await user.type(screen.getByLabelText('New name'), 'gauss-prod-02{Enter}');
    const onField = await screen.findByText('DBS.200021: The instance name already exists.');
    expect(screen.getByLabelText('New name')).toHaveAccessibleDescription(
      /DBS\.200021: The instance name already exists\./,
    );
    expect(onField).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('DBS.200021');
    expect(alert).toHaveTextContent('req-test-7');
    expect(bff.callsTo('renameInstance').map((c) => c.body)).toEqual([{ name: 'gauss-prod-02' }]);
  });

  it('asks for the typed name before a destructive call, then sends it once', async () => {
    const onAccepted = vi.fn();
    const { user, bff } = setup(
      { renameInstance: { status: 202, body: { job_id: 'job-rn-1' } } },
      { danger: true, onAccepted },
    );
    await user.clear(screen.getByLabelText('New name'));
    await user.type(screen.getByLabelText('New name'), 'gauss-prod-02');
    const submit = screen.getByRole('button', { name: 'Rename it' });
    expect(screen.getByRole('dialog')).toHaveTextContent('Clients that use the old name stop finding it.');
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Type gauss-prod-01 to confirm'), 'gauss-prod-0');
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Type gauss-prod-01 to confirm'), '1');
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);
    await waitFor(() => expect(onAccepted).toHaveBeenCalledWith('job-rn-1'));
    expect(bff.callsTo('renameInstance')).toHaveLength(1);
  });

  it('follows the job it started until it completes', async () => {
    let polls = 0;
    const job = (status: string, progress: string) => ({
      job: { id: 'job-rn-2', name: 'RenameGaussDBV5Instance', status, progress },
    });
    const { user, client } = setup(
      {
        renameInstance: { status: 202, body: { job_id: 'job-rn-2' } },
        getJob: () => (++polls < 2 ? job('Running', '40%') : job('Completed', '')),
      },
      { follow: true },
    );
    await user.clear(screen.getByLabelText('New name'));
    await user.type(screen.getByLabelText('New name'), 'gauss-prod-02{Enter}');
    const dialog = screen.getByRole('dialog');
    const bar = await within(dialog).findByRole('progressbar', { name: 'Rename instance' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    // The live stream invalidates a job's query when it moves (app/live-events.ts): the dialog reads it again.
    await client.invalidateQueries({ queryKey: jobKeys.job('demo', 'job-rn-2') });
    expect(await within(dialog).findByText('Completed: Rename instance')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Open the task' })).toHaveAttribute(
      'href',
      '/p/demo/tasks?job=job-rn-2',
    );
    expect(within(dialog).queryByRole('button', { name: 'Rename it' })).not.toBeInTheDocument();
  });
});
