import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instance, refusal, renderTab } from './databases.fixture';

afterEach(() => vi.unstubAllGlobals());

async function openCreateDatabase() {
  const r = renderTab();
  await r.user.click(await screen.findByRole('button', { name: 'Create database' }));
  return { ...r, dialog: await screen.findByRole('dialog') };
}

describe('create database (4.9.1)', () => {
  it('shows the name rule before anything is typed and refuses a name starting with "pg"', async () => {
    const { user, dialog } = await openCreateDatabase();
    const name = within(dialog).getByLabelText('Database name');
    expect(name).toHaveAccessibleDescription(
      /1–63 letters, digits or "_".*not postgres, template0 or template1/,
    );
    await user.type(name, 'pgdata');
    expect(await within(dialog).findByText(/must not start with "pg"/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create database' })).toBeDisabled();
  });

  it('asks for template0 when the character set differs from UTF8, then sends only what was set', async () => {
    const { user, dialog, bff } = await openCreateDatabase();
    await user.type(within(dialog).getByLabelText('Database name'), 'ledger');
    await user.type(within(dialog).getByLabelText(/Character set/), 'GBK');
    expect(await within(dialog).findByText(/needs template0/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create database' })).toBeDisabled();
    await user.selectOptions(within(dialog).getByLabelText(/Template/), 'template0');
    await waitFor(() => expect(within(dialog).queryByText(/needs template0/)).toBeNull());
    await user.selectOptions(within(dialog).getByLabelText(/Owner/), 'app');
    await user.click(within(dialog).getByRole('button', { name: 'Create database' }));
    await waitFor(() => expect(bff.callsTo('createDatabase')).toHaveLength(1));
    expect(bff.callsTo('createDatabase')[0]?.body).toEqual({
      name: 'ledger',
      owner: 'app',
      character_set: 'GBK',
      template: 'template0',
    });
    // System users are never offered as owners.
    expect(within(dialog).queryByRole('option', { name: 'rdsAdmin' })).toBeNull();
  });

  it("puts the service's refusal under the field it names, with its DBS code", async () => {
    const { user, dialog } = await (async () => {
      const r = renderTab({
        createDatabase: refusal(
          409,
          'DBS.280631',
          'The database ledger already exists.',
          [{ path: 'body.name', message: 'The database ledger already exists.' }],
          { dbsCode: 'DBS.280631' },
        ),
      });
      await r.user.click(await screen.findByRole('button', { name: 'Create database' }));
      return { ...r, dialog: await screen.findByRole('dialog') };
    })();
    await user.type(within(dialog).getByLabelText('Database name'), 'ledger');
    await user.click(within(dialog).getByRole('button', { name: 'Create database' }));
    const name = within(dialog).getByLabelText('Database name');
    await waitFor(() => expect(name).toHaveAccessibleDescription(/already exists/));
    expect(name).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('database users (4.9.2, 4.9.5, 4.9.7)', () => {
  it('lists users with their attributes and connection limit', async () => {
    renderTab({}, { search: '?tab=databases&view=users' });
    const row = (await screen.findByRole('cell', { name: 'app' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Can log in')).toBeInTheDocument();
    expect(within(row).getByText('20')).toBeInTheDocument();
  });

  it('refuses root as a new user and a password that is the name backwards', async () => {
    const { user } = renderTab({}, { search: '?tab=databases&view=users' });
    await user.click(await screen.findByRole('button', { name: 'Create user' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('User name'), 'root');
    expect(await within(dialog).findByText(/root.* are reserved|are reserved/)).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('User name'));
    await user.type(within(dialog).getByLabelText('User name'), 'Report_2024x');
    await user.type(within(dialog).getByLabelText('Password'), 'x4202_tropeR');
    expect(
      await within(dialog).findByText(/must not equal name or name spelled backwards/),
    ).toBeInTheDocument();
  });

  it('creates a user with a strong password typed twice, sending name and password once', async () => {
    const { user, bff } = renderTab({}, { search: '?tab=databases&view=users' });
    await user.click(await screen.findByRole('button', { name: 'Create user' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Password')).toHaveAccessibleDescription(/~!@#%\^\*_-=\+\?,/);
    await user.type(within(dialog).getByLabelText('User name'), 'reporter');
    await user.type(within(dialog).getByLabelText('Password'), 'Strong_pass-2024');
    await user.type(within(dialog).getByLabelText('Confirm password'), 'Strong_pass-2025');
    expect(await within(dialog).findByText('The two passwords differ.')).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Confirm password'));
    await user.type(within(dialog).getByLabelText('Confirm password'), 'Strong_pass-2024');
    await within(dialog).findByText('Not a known weak password.');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));
    await waitFor(() =>
      expect(bff.callsTo('createDbUser').map((c) => c.body)).toEqual([
        { name: 'reporter', password: 'Strong_pass-2024' },
      ]),
    );
  });

  it('resets a user password with 4.9.5\'s own special characters ("/" allowed, "-" not)', async () => {
    const { user, bff } = renderTab({}, { search: '?tab=databases&view=users' });
    await user.click(await screen.findByRole('button', { name: 'Reset the password of app' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Password'), 'Strong-pass2024');
    expect(await within(dialog).findByText(/The character "-" is not allowed here/)).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Password'));
    await user.type(within(dialog).getByLabelText('Password'), 'Strong/pass2024');
    await user.type(within(dialog).getByLabelText('Confirm password'), 'Strong/pass2024');
    await within(dialog).findByText('Not a known weak password.');
    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    await waitFor(() =>
      expect(bff.callsTo('resetDbUserPassword').map((c) => c.body)).toEqual([
        { name: 'app', password: 'Strong/pass2024' },
      ]),
    );
  });
});

describe('schemas and privileges (4.9.3, 4.9.4, 4.9.8)', () => {
  it('lists the schemas of the database in the URL and creates one owned by a user', async () => {
    const { user, bff } = renderTab({}, { search: '?tab=databases&view=schemas&db=sales' });
    expect(await screen.findByRole('cell', { name: 'orders' })).toBeInTheDocument();
    expect(bff.callsTo('listSchemas')[0]?.query.get('db_name')).toBe('sales');
    await user.click(screen.getByRole('button', { name: 'Create schemas' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Schema 1'), 'public');
    expect(await within(dialog).findByText(/are reserved/)).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Schema 1'));
    await user.type(within(dialog).getByLabelText('Schema 1'), 'billing');
    await user.selectOptions(within(dialog).getByLabelText('Owner of schema 1'), 'app');
    await user.click(within(dialog).getByRole('button', { name: 'Create schema' }));
    await waitFor(() =>
      expect(bff.callsTo('createSchema').map((c) => c.body)).toEqual([
        { db_name: 'sales', schemas: [{ name: 'billing', owner: 'app' }] },
      ]),
    );
  });

  it('grants read-only and read-write access per schema, never offering public or root', async () => {
    const { user, bff } = renderTab();
    await user.click(await screen.findByRole('button', { name: 'Grant privileges' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Database')).toHaveValue('sales');
    await within(dialog).findByRole('option', { name: 'orders' });
    expect(within(dialog).queryByRole('option', { name: 'public' })).toBeNull();
    expect(within(dialog).queryByRole('option', { name: 'root' })).toBeNull();
    await user.selectOptions(within(dialog).getByLabelText('User'), 'app');
    await user.selectOptions(within(dialog).getByLabelText('Schema'), 'orders');
    await user.click(within(dialog).getByRole('radio', { name: 'Read-write' }));
    await user.click(within(dialog).getByRole('button', { name: 'Grant' }));
    await waitFor(() =>
      expect(bff.callsTo('grantDbPrivilege').map((c) => c.body)).toEqual([
        { db_name: 'sales', users: [{ name: 'app', readonly: false, schema_name: 'orders' }] },
      ]),
    );
  });
});

describe('roles and the database service', () => {
  it('shows a viewer the lists without any action', async () => {
    renderTab(
      {},
      {
        role: 'viewer',
        policy: {
          createDatabase: ['admin', 'operator'],
          grantDbPrivilege: ['admin', 'operator'],
          createDbUser: ['admin', 'operator'],
        },
      },
    );
    expect(await screen.findByRole('cell', { name: 'sales' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create database' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Grant privileges' })).toBeNull();
  });

  it('offers to start the service on the stopped nodes and says why a busy instance cannot', async () => {
    const stopped = { ...instance, nodes: [{ id: 'n1no14', name: 'gauss-prod-01_dn_1', status: 'STOPPED' }] };
    const { unmount } = renderTab({}, { inst: stopped });
    expect(await screen.findByText(/Stopped on 1 node/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Start database service' })).toBeEnabled();
    unmount();
    renderTab({}, { inst: { ...stopped, status: 'REBOOTING' } });
    expect(await screen.findByRole('button', { name: 'Start database service' })).toBeDisabled();
    expect(screen.getByText(/Not while the instance is/)).toBeInTheDocument();
  });
});
