import { expect, test, type Page } from '@playwright/test';
import { login, uniqueName } from '../support/console';

async function fillWizard(page: Page, name: string, distributed: boolean) {
  await page.getByRole('link', { name: 'Create instance' }).click();
  await expect(page.getByText(/Instance quota: \d+ of \d+ used/)).toBeVisible();
  await page.getByLabel('Instance name').fill(name);
  if (distributed) await page.getByRole('radio', { name: /Distributed/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Availability zone 1').selectOption('az1xahz');
  await page.locator('input[type=radio][name=flavor_ref]:enabled').first().check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Storage size').fill(distributed ? '120' : '40');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('VPC ID').fill('vpc-e2e');
  await page.getByLabel('Subnet ID').fill('subnet-e2e');
  await page.getByLabel('Root password').fill('Gauss#e2e-Str0ng');
  await page.getByLabel('Confirm password').fill('Gauss#e2e-Str0ng');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Step 5 of 6')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  // The summary shows the exact request before anything is sent.
  await expect(page.getByText('Step 6 of 6: Summary')).toBeVisible();
  await expect(page.locator('pre')).toContainText(`"name": "${name}"`);
  await expect(page.locator('pre')).toContainText(
    distributed ? '"mode": "enterprise"' : '"mode": "centralization_standard"',
  );
  await page.getByRole('button', { name: 'Create instance' }).click();
}

for (const distributed of [false, true]) {
  test(`creates a ${distributed ? 'distributed' : 'centralized'} instance and sees it become Active live`, async ({
    page,
  }) => {
    await login(page);
    const name = uniqueName(distributed ? 'e2e-dist' : 'e2e-central');
    await fillWizard(page, name, distributed);
    await expect(page).toHaveURL(/\/instances\/[0-9a-f]{32}in14/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    // No reload from here on: the status moves through the live event stream.
    await expect(page.getByText('Creating').first()).toBeVisible();
    await expect(page.getByRole('progressbar').first()).toBeVisible();
    await expect(page.locator('header').getByText('Active')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Nodes and components' }).click();
    const shards = page.getByText(/^Shard /);
    if (distributed) {
      await expect(page.getByRole('heading', { name: 'Coordinators' })).toBeVisible();
      await expect(page.locator('table').getByText('CN', { exact: true }).first()).toBeVisible();
    }
    await expect(shards.first()).toBeVisible();
  });
}
