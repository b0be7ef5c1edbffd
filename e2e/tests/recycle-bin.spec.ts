import { expect, test } from '@playwright/test';
import { reserved } from '../support/backups';
import { bff, login } from '../support/console';

// The recycle bin journey on scale-00031 (reserved for it): delete, find it with its countdown, change
// the retention, and reach the restore from its final backup.

test('deletes an instance, finds it in the recycle bin with its countdown, changes the retention and opens its restore', async ({
  page,
}) => {
  await login(page);
  const inst = await reserved(page, 'scale-00031');
  await page.goto(`/p/prod/instances/${inst.id}`);
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: /^Delete/ }).click();
  const del = page.getByRole('dialog');
  await del.getByRole('textbox').fill(inst.name);
  await del.getByRole('button', { name: 'Delete instance' }).click();
  await expect(page).toHaveURL(/\/p\/prod\/instances$/);

  await page.getByRole('link', { name: 'Recycle bin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recycle bin' })).toBeVisible();
  await page.getByLabel('Search by instance name').fill(inst.name);
  const row = page.getByRole('row').filter({ hasText: inst.name });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(row).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  const left = row.getByTitle(/^Purged at /);
  await expect(left).toHaveText(/^\d d \d+ h \d+ min$/);
  const before = await left.getAttribute('title');
  await expect(
    row.getByRole('link', { name: `Restore ${inst.name} to a new instance from its final backup` }),
  ).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Change retention' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Keep deleted instances')).toHaveAccessibleDescription(/1–7 days/);
  await dialog.getByLabel('Keep deleted instances').selectOption('5');
  await dialog.getByRole('button', { name: 'Save retention' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText('Deleted instances are kept 5 days, then purged with their final backup.'),
  ).toBeVisible();
  await expect(left).not.toHaveAttribute('title', before!);
  await expect(left).toHaveText(/^[45] d \d+ h \d+ min$/);

  await row
    .getByRole('link', { name: `Restore ${inst.name} to a new instance from its final backup` })
    .click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 6: Source and name' })).toBeVisible();
  const source = page.getByRole('region', { name: 'Restored from' });
  await expect(source).toContainText(inst.name);
  await expect(source).toContainText('(deleted)');

  // Leave the project's retention as the seed had it for the other journeys.
  const reset = await bff(page, 'PUT', '/api/v1/projects/prod/recycle-policy', {
    recycle_policy: { retention_period_in_days: 7 },
  });
  expect(reset.status()).toBe(200);
});
