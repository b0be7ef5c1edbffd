import { expect, test } from '@playwright/test';
import { bff, PROJECT, signIn } from '../support/console';
import { emulatorAdmin } from '../support/emulator';
import { instanceNamed } from '../support/instances';

// Reserved for this journey: scale-00043. The emulator's admin API makes the next restart fail; the
// dashboard (the home page) shows the failure within seconds, live, and its figure opens the task list
// filtered to exactly those failures.

test('the dashboard shows a new failed job within seconds and links to the filtered task list', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const failures = page.getByRole('region', { name: 'Failures in the last 24 h' });
  await expect(failures.getByText('failed tasks')).toBeVisible();
  const before = Number(await failures.getByRole('link').first().locator('span').first().innerText());

  const inst = await instanceNamed(page, 'scale-00043');
  await emulatorAdmin('POST', '/faults', {
    failJob: 'RestartGaussDBV5Instance',
    error_msg: 'Injected by e2e: a node did not come back.',
    count: 1,
  });
  const restart = await bff(page, 'POST', `/api/v1/projects/${PROJECT}/instances/${inst.id}/restart`);
  expect(restart.status()).toBe(202);

  // No reload: the live stream refreshes the dashboard when the job ends.
  await expect(failures.getByRole('link', { name: /scale-00043/ })).toBeVisible({ timeout: 20_000 });
  await expect(failures.getByText(/a node did not come back/)).toBeVisible();
  await expect(failures.getByRole('link').first().locator('span').first()).toHaveText(String(before + 1));

  await failures.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/tasks\?status=Failed&from=/);
  const row = page.getByRole('row').filter({ hasText: 'scale-00043' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('Failed');
});
