import type { ConsoleUserView, TenantHosts } from '@gaussdb-console/api-client/browser';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff, refusal, type FakeCall } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { UsersPage } from './users-page';

const INSTANCE = '7b29d88663de556bc84a851462bfded0in14';
const HR = 'b2c824bbe443d048f4d2bc220d3aa075po14';
const RETAIL = '8d23e64ea9b15d8ed93d898aa3db11f0po14';
const user = (u: Partial<ConsoleUserView> & Pick<ConsoleUserView, 'name' | 'role'>): ConsoleUserView => ({
  tenants: [],
  demo: false,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-02T00:00:00.000Z',
  unlocked_at: null,
  ...u,
});
const hosts: TenantHosts = {
  project: 'prod',
  generated_at: '2026-01-03T00:00:00.000Z',
  scanned: 3,
  truncated: false,
  unreadable: [],
  hosts: [
    {
      instance: { id: INSTANCE, name: 'prod-core-02', status: 'ACTIVE' },
      tenants: [
        { id: HR, name: 'tenant_hr', status: 'normal' },
        { id: RETAIL, name: 'tenant_retail', status: 'normal' },
      ],
      total_count: 2,
      remaining_disk: 96,
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

function setup(role: 'admin' | 'viewer' = 'admin') {
  const users = [
    user({ name: 'alice', role: 'admin' }),
    user({ name: 'tina', role: 'tenant', tenants: [{ instance_id: INSTANCE, pdb_id: HR }] }),
    user({
      name: 'rita',
      role: 'tenant',
      tenants: [
        { instance_id: INSTANCE, pdb_id: HR },
        { instance_id: INSTANCE, pdb_id: RETAIL },
      ],
    }),
    user({ name: 'admin', role: 'admin', demo: true, created_at: null, updated_at: null }),
  ];
  const bff = fakeBff({
    role,
    user: 'alice',
    projects: [{ name: 'prod', region: 'region-1' }],
    routes: {
      'GET /api/v1/users': { users },
      'GET /api/v1/projects/prod/tenants': hosts,
      'POST /api/v1/users': (c: FakeCall) => {
        const b = c.body as {
          name: string;
          role: ConsoleUserView['role'];
          tenants: ConsoleUserView['tenants'];
        };
        return { status: 201, body: user({ name: b.name, role: b.role, tenants: b.tenants }) };
      },
      [`DELETE /api/v1/users/tina/tenants/${INSTANCE}/${HR}`]: user({ name: 'tina', role: 'tenant' }),
      'DELETE /api/v1/users/tina/sessions': { user: 'tina', ended: 2 },
      [`DELETE /api/v1/users/rita/tenants/${INSTANCE}/${RETAIL}`]: user({
        name: 'rita',
        role: 'tenant',
        tenants: [{ instance_id: INSTANCE, pdb_id: HR }],
      }),
      'PUT /api/v1/users/tina/password': refusal(
        400,
        'VALIDATION_FAILED',
        'password: the password must have at least 12 characters',
        [{ path: 'body.password', message: 'password: the password must have at least 12 characters' }],
      ),
    },
  });
  return { bff, ...renderWithBff(<UsersPage />, bff, { route: '/p/prod/users', path: '/p/:project/users' }) };
}

const sent = (bff: ReturnType<typeof setup>['bff'], key: string) => bff.calls.filter((c) => c.op === key);

describe('console users page', () => {
  it('is for admins only: others fetch nothing', async () => {
    const { bff } = setup('viewer');
    expect(await screen.findByText("Only administrators manage the console's users.")).toBeInTheDocument();
    expect(sent(bff, 'GET /api/v1/users')).toHaveLength(0);
    expect(sent(bff, 'GET /api/v1/projects/prod/tenants')).toHaveLength(0);
  });

  it('lists users with roles and the tenants they hold, by name; demo logins cannot be changed', async () => {
    const { user: u } = setup();
    const tina = (await screen.findByText('tina')).closest('tr')!;
    expect(await within(tina).findByText('tenant_hr on prod-core-02')).toBeInTheDocument();
    expect(within(tina).getByText('Tenant owner')).toBeInTheDocument();
    const demo = screen.getByText('demo login').closest('tr')!;
    await u.click(within(demo).getByRole('button', { name: 'Actions for admin' }));
    expect(screen.getByRole('menuitem', { name: 'Change role' })).toHaveAttribute('data-disabled');
    // Why, said in the menu once (a disabled item shows no tooltip).
    expect(screen.getByRole('menu')).toHaveTextContent(/^A built-in demo login cannot be changed\./);
    expect(screen.getByRole('menuitem', { name: 'End sessions' })).not.toHaveAttribute('data-disabled');
  });

  it('adds a tenant owner only with a tenant, offered by name, and sends the grant ids', async () => {
    const { user: u, bff } = setup();
    await screen.findByText('tina');
    await u.click(screen.getByRole('button', { name: 'Add user' }));
    const d = screen.getByRole('dialog');
    await u.type(within(d).getByLabelText('User name'), 'team-b');
    await u.click(within(d).getByRole('radio', { name: /Tenant owner/ }));
    await u.type(within(d).getByLabelText('Password'), 'short');
    expect(await within(d).findByText('At least 12 characters.')).toBeInTheDocument();
    await u.clear(within(d).getByLabelText('Password'));
    await u.type(within(d).getByLabelText('Password'), 'team-b-password-1');
    await u.type(within(d).getByLabelText('Confirm password'), 'team-b-password-1');
    // The rule is said under the list before anything is ticked; the action waits for a tenant.
    expect(within(d).getByRole('group', { name: 'Tenants' })).toHaveAccessibleDescription(
      /A tenant owner holds at least one tenant/,
    );
    await waitFor(() => expect(within(d).getByRole('button', { name: 'Add user' })).toBeDisabled());
    await u.click(within(d).getByRole('checkbox', { name: /tenant_retail\s+on prod-core-02/ }));
    await waitFor(() => expect(within(d).getByRole('button', { name: 'Add user' })).toBeEnabled());
    await u.click(within(d).getByRole('button', { name: 'Add user' }));
    await waitFor(() => expect(sent(bff, 'POST /api/v1/users')).toHaveLength(1));
    expect(sent(bff, 'POST /api/v1/users')[0]?.body).toEqual({
      name: 'team-b',
      role: 'tenant',
      password: 'team-b-password-1',
      tenants: [{ instance_id: INSTANCE, pdb_id: RETAIL }],
    });
  }, 15_000);

  it('revokes a tenant after a confirmation, and ends sessions', async () => {
    const { user: u, bff } = setup();
    await u.click(await screen.findByRole('button', { name: 'Revoke tenant_hr on prod-core-02 from tina' }));
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(sent(bff, `DELETE /api/v1/users/tina/tenants/${INSTANCE}/${HR}`)).toHaveLength(1),
    );
    await u.click(screen.getByRole('button', { name: 'Actions for tina' }));
    await u.click(await screen.findByRole('menuitem', { name: 'End sessions' }));
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'End sessions' }));
    await waitFor(() => expect(sent(bff, 'DELETE /api/v1/users/tina/sessions')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  }, 15_000);

  it('revokes from the row menu too, an owner of several tenants choosing which by name', async () => {
    const { user: u, bff } = setup();
    await u.click(await screen.findByRole('button', { name: 'Actions for rita' }));
    await u.click(await screen.findByRole('menuitem', { name: 'Revoke a tenant' }));
    const d = screen.getByRole('dialog', { name: 'Revoke a tenant from rita' });
    await waitFor(() =>
      expect(within(d).getByRole('option', { name: 'tenant_retail on prod-core-02' })).toBeInTheDocument(),
    );
    await u.selectOptions(within(d).getByLabelText('Tenant'), 'tenant_retail on prod-core-02');
    expect(d).toHaveTextContent('rita loses access to tenant_retail on prod-core-02 at their next request.');
    await u.click(within(d).getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(sent(bff, `DELETE /api/v1/users/rita/tenants/${INSTANCE}/${RETAIL}`)).toHaveLength(1),
    );
    expect(bff.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it("shows the server's refusal of a password under the field", async () => {
    const { user: u } = setup();
    await u.click(await screen.findByRole('button', { name: 'Actions for tina' }));
    await u.click(await screen.findByRole('menuitem', { name: 'Reset password' }));
    const d = screen.getByRole('dialog');
    // Long enough for the form; the (test) server refuses it anyway, and its message lands on the field.
    await u.type(within(d).getByLabelText('Password'), 'a-long-password-1');
    await u.type(within(d).getByLabelText('Confirm password'), 'a-long-password-1');
    // The form validates as it is typed: wait until it lets the click through (a busy machine is slower).
    await waitFor(() => expect(within(d).getByRole('button', { name: 'Set password' })).toBeEnabled());
    await u.click(within(d).getByRole('button', { name: 'Set password' }));
    await waitFor(
      () =>
        expect(within(d).getByLabelText('Password')).toHaveAccessibleDescription(
          /password: the password must have at least 12 characters/,
        ),
      { timeout: 5000 },
    );
    expect(within(d).getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  }, 15_000);
});
