import { expect, test, type Page } from '@playwright/test';
import { reserved, reservedInstances } from '../support/backups';
import { bff, login, uniqueName } from '../support/console';

// Backup and restore journeys on the instances reserved for them (scale-00030 … scale-00039), at speed 60.

const header = (page: Page) =>
  page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });

async function openTab(page: Page, id: string, name: string, tab: 'backups' | 'logs') {
  await page.goto(`/p/prod/instances/${id}?tab=${tab}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test('changes the automatic backup policy with every field the reference lists', async ({ page }) => {
  await login(page);
  const inst = await reserved(page, 'scale-00036');
  await openTab(page, inst.id, inst.name, 'backups');
  await page.getByRole('button', { name: 'Edit policy' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Retention')).toHaveAccessibleDescription(/1–732 days/);
  await dialog.getByLabel('Retention').fill('0');
  await expect(dialog.getByText(/keep_days: must be 1–732/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save policy' })).toBeDisabled();
  await dialog.getByLabel('Retention').fill('21');
  await dialog.getByLabel('Backup window').selectOption('03:00-04:00');
  await dialog.getByLabel('Sat').uncheck();
  await dialog.getByLabel('Sun').uncheck();
  await dialog.getByLabel('Differential backup interval').selectOption('60');
  await dialog.getByLabel('Upload rate limit').fill('100');
  await dialog.getByLabel('Backup file split size').fill('8');
  await dialog.getByRole('button', { name: 'Save policy' }).click();
  await expect(dialog).toBeHidden();
  const policy = page.getByRole('region', { name: 'Automatic backup policy' });
  await expect(policy).toContainText('21 days');
  await expect(policy).toContainText('03:00–04:00 UTC');
  await expect(policy).toContainText('Mon, Tue, Wed, Thu, Fri');
  await expect(policy).toContainText('Every 60 minutes');
  const saved = await (
    await bff(page, 'GET', `/api/v1/projects/prod/instances/${inst.id}/backups/policy`)
  ).json();
  expect(saved.backup_policy).toMatchObject({
    keep_days: 21,
    start_time: '03:00-04:00',
    period: '1,2,3,4,5',
    rate_limit: 100,
    file_split_size: 8,
  });
});

test('takes a manual backup and sees it complete', async ({ page }) => {
  await login(page);
  const source = await reserved(page, 'scale-00030');
  expect(source.type).toBe('Centralization_standard');
  await openTab(page, source.id, source.name, 'backups');

  await page.getByRole('button', { name: 'Create manual backup' }).click();
  const dialog = page.getByRole('dialog');
  const backupName = uniqueName('e2e-manual');
  await dialog.getByLabel('Backup name').fill(backupName);
  await dialog.getByRole('button', { name: 'Create backup' }).click();
  await expect(dialog.getByText('Completed: Manual backup')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  const row = page.getByRole('row').filter({ hasText: backupName });
  await expect(row.getByText('Completed')).toBeVisible();
  await expect(row).toContainText('Manual full');
  await expect(row).toContainText(/\d+(\.\d)? (MB|GB)/);
});

test('restores a point in time to a new instance that becomes Active', async ({ page }) => {
  await login(page);
  const source = await reserved(page, 'scale-00030');
  await openTab(page, source.id, source.name, 'backups');
  const backupName = await page
    .getByRole('row')
    .filter({ hasText: 'e2e-manual' })
    .first()
    .locator('td')
    .first()
    .locator('span')
    .first()
    .innerText();

  // The backup of the previous journey opened a restorable window: its latest second is offered, with the
  // backup it starts from.
  const pitr = page.getByRole('region', { name: 'Point-in-time restore' });
  await pitr.getByRole('button', { name: 'Latest restorable' }).click();
  await expect(pitr.getByTestId('pitr-verdict')).toContainText('can be restored');
  await expect(pitr.getByTestId('pitr-verdict')).toContainText(`backup ${backupName}`);
  await pitr.getByRole('link', { name: 'Restore to a new instance' }).click();

  await expect(page.getByRole('heading', { name: 'Step 1 of 6: Source and name' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Restored from' })).toContainText(source.name);
  const newName = uniqueName('e2e-pitr');
  await page.getByLabel('New instance name').fill(newName);
  for (const step of ['Availability zones and flavor', 'Storage', 'Network and password']) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { name: new RegExp(step) })).toBeVisible();
  }
  await page.getByLabel('Root password').fill('Gauss_db2024x');
  await page.getByLabel('Confirm password').fill('Gauss_db2024x');
  await expect(page.getByText(/Not a known weak password/)).toBeVisible();
  for (const step of ['Parameters and time zone', 'Summary']) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { name: new RegExp(step) })).toBeVisible();
  }
  await expect(page.getByLabel('Request body')).toContainText('"type": "timestamp"');
  await page.getByRole('button', { name: 'Restore to new instance' }).click();

  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  await expect(header(page).getByText('Creating')).toBeVisible();
  await expect(header(page).getByText('Active')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(
    page.getByRole('region', { name: 'Restores' }).getByText('Created from a backup or point in time'),
  ).toBeVisible();
});

test('restores a backup over another instance only after its name is typed', async ({ page }) => {
  await login(page);
  const all = await reservedInstances(page);
  const source = all.find((i) => i.name === 'scale-00030')!;
  // A target of the same kind and engine: checked through the BFF, not assumed from the seed.
  const target = all.find(
    (i) =>
      i.name !== source.name &&
      i.name !== 'scale-00036' &&
      i.name !== 'scale-00039' &&
      i.type === source.type &&
      i.version === source.version &&
      i.status === 'ACTIVE',
  );
  expect(target, 'a second centralized instance of the same engine among scale-00030 … 39').toBeDefined();
  await openTab(page, source.id, source.name, 'backups');
  await expect(page.getByTestId('pitr-verdict')).toContainText('can be restored');
  const row = page.getByRole('row').filter({ hasText: 'e2e-manual' }).first();
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Restore over an existing instance…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Search by name or id').fill(target!.name);
  await dialog.getByRole('radio', { name: new RegExp(target!.name) }).check();
  await expect(dialog).toContainText(
    `Every piece of data in ${target!.name} is replaced by ${source.name}'s data`,
  );
  const submit = dialog.getByRole('button', { name: 'Replace the data' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel(`Type ${target!.name} to confirm`).fill(source.name);
  await expect(submit).toBeDisabled();
  await dialog.getByLabel(`Type ${target!.name} to confirm`).fill(target!.name);
  await submit.click();
  await expect(dialog.getByText(/^Running: Restore/)).toBeVisible();
  await page.keyboard.press('Escape');

  await openTab(page, target!.id, target!.name, 'backups');
  await expect(header(page).getByText('Restoring')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Restores' }).getByText("Data replaced by another instance's backup"),
  ).toBeVisible();
  await expect(header(page).getByText('Active')).toBeVisible({ timeout: 60_000 });
});

test('asks for slow-log files and sees their download links', async ({ page }) => {
  await login(page);
  const inst = await reserved(page, 'scale-00034');
  await openTab(page, inst.id, inst.name, 'logs');
  await expect(page.getByRole('heading', { name: 'Slow query logs' })).toBeVisible();
  await page.getByRole('button', { name: 'Prepare slow log files' }).click();
  const links = page.getByRole('link', { name: /^Download the slow log of / });
  await expect(links.first()).toBeVisible({ timeout: 30_000 });
  await expect(links.first()).toHaveAttribute('href', /^https:\/\/.+slowlog/);
  await expect(page.getByRole('row').nth(1)).toContainText(/\d+(\.\d)? (B|KB|MB)/);
});

test('an operator may not delete a backup or restore over an instance; a viewer changes nothing', async ({
  page,
}) => {
  await login(page, 'operator');
  const inst = await reserved(page, 'scale-00030');
  await openTab(page, inst.id, inst.name, 'backups');
  await expect(page.getByText(/Your role \(Operator\) cannot restore/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Restore over/ })).toHaveCount(0);
  await expect(page.getByTestId('pitr-verdict')).toContainText('can be restored');
  const row = page.getByRole('row').filter({ hasText: 'e2e-manual' }).first();
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Download links…' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Delete backup|Restore/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Create manual backup' })).toBeVisible();
  const backups = (
    await (
      await bff(page, 'GET', `/api/v1/projects/prod/backups?instance_id=${inst.id}&backup_type=manual`)
    ).json()
  ).backups;
  const refused = await bff(page, 'DELETE', `/api/v1/projects/prod/backups/${backups[0].id}`);
  expect(refused.status()).toBe(403);

  await page.context().clearCookies();
  await login(page, 'viewer');
  await openTab(page, inst.id, inst.name, 'backups');
  await expect(page.getByRole('region', { name: 'Automatic backup policy' })).toContainText('Retention');
  await expect(page.getByRole('button', { name: 'Edit policy' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create manual backup' })).toHaveCount(0);
  await expect(page.getByText('Your role (Viewer) cannot change the backup policy.')).toBeVisible();
  await openTab(page, inst.id, inst.name, 'logs');
  await expect(page.getByRole('button', { name: 'Prepare slow log files' })).toHaveCount(0);
  await page.goto('/p/prod/recycle-bin');
  await expect(page.getByRole('button', { name: 'Change retention' })).toHaveCount(0);
  await expect(page.getByText('Your role (Viewer) cannot change the retention.')).toBeVisible();
});
