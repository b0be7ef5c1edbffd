import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResetPasswordDialog } from './reset-password-dialog';
import { centralized, fakeOps, renderDialog } from './action-dialogs.fixture';

const WEAK = 'Gauss_db2024';

function setup() {
  const bff = fakeOps({
    checkWeakPassword: (c) => ({
      status: 200,
      body: { is_weak_password: (c.body as { password: string }).password === WEAK },
    }),
    resetRootPassword: { status: 200, body: {} },
  });
  return { bff, ...renderDialog(ResetPasswordDialog, centralized, bff) };
}
afterEach(() => vi.unstubAllGlobals());

describe('reset administrator password dialog', () => {
  it('shows the 4.4.5 rule with its own special characters before anything is typed', () => {
    setup();
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      /8–32 characters with at least 3 of.*~!@#%&\^\*-_\+=\?,/,
    );
    expect(screen.getByRole('button', { name: 'Reset password' })).toBeDisabled();
  });

  it('refuses a password the service calls weak, and sends nothing', async () => {
    const { user, bff } = setup();
    await user.type(screen.getByLabelText('New password'), WEAK);
    await user.type(screen.getByLabelText('Confirm password'), WEAK);
    expect(
      await screen.findByText('The service calls this a weak password; choose another.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Password strength' })).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByRole('button', { name: 'Reset password' })).toBeDisabled();
    expect(bff.sentTo('checkWeakPassword').at(-1)?.body).toEqual({ password: WEAK });
    expect(bff.sentTo('resetRootPassword')).toHaveLength(0);
  });

  it('says when the two passwords differ and keeps the button disabled', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('New password'), 'Strong_pass-2024');
    await user.type(screen.getByLabelText('Confirm password'), 'Strong_pass-2025');
    expect(await screen.findByText('The two passwords differ.')).toBeInTheDocument();
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute('aria-invalid', 'true');
    await screen.findByText('Not a known weak password.');
    expect(screen.getByRole('button', { name: 'Reset password' })).toBeDisabled();
  });

  it('marks a character outside the set of 4.4.5 ("$" is allowed only at creation)', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('New password'), 'Strong$pass2024');
    expect(await screen.findByText(/The character "\$" is not allowed/)).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends a strong password typed twice once, then closes', async () => {
    const { user, bff, onOpenChange } = setup();
    await user.type(screen.getByLabelText('New password'), 'Strong_pass-2024');
    await user.type(screen.getByLabelText('Confirm password'), 'Strong_pass-2024');
    await screen.findByText('Not a known weak password.');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(bff.sentTo('resetRootPassword').map((s) => s.body)).toEqual([{ password: 'Strong_pass-2024' }]);
  });
});
