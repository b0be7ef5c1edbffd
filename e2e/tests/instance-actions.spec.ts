import { expect, test, type Page } from '@playwright/test';
import { bff, login } from '../support/console';

/** Opens an instance of the scale seed by exact name (each test takes its own so they do not interfere). */
async function open(page: Page, name: string) {
  await page.goto(`/p/prod/instances?q=${encodeURIComponent('=' + name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('header').getByText('Active')).toBeVisible();
}

async function more(page: Page, item: RegExp) {
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

const header = (page: Page) =>
  page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });

test.describe.configure({ mode: 'serial' });

test('renames and restarts an instance, following each job to the end', async ({ page }) => {
  await login(page);
  await open(page, 'scale-00010');
  await more(page, /^Rename/);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New name').fill('1bad');
  await expect(dialog.getByRole('button', { name: 'Rename' })).toBeDisabled();
  await dialog.getByLabel('New name').fill('e2e-renamed-10');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'e2e-renamed-10' })).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restart' }).click();
  await expect(header(page).getByText('Rebooting')).toBeVisible();
  await expect(header(page).getByRole('progressbar')).toBeVisible();
  await expect(header(page).getByText('Active')).toBeVisible({ timeout: 60_000 });
});

test('changes the flavor to a larger one', async ({ page }) => {
  await login(page);
  await open(page, 'scale-00011');
  const before = await header(page).getByText(/vCPU/).innerText();
  await more(page, /^Change flavor/);
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=radio]:enabled').first().check();
  await dialog.getByRole('button', { name: 'Change flavor' }).click();
  await expect(header(page).getByText('Modifying')).toBeVisible();
  await expect(header(page).getByText('Active')).toBeVisible({ timeout: 60_000 });
  await expect(header(page).getByText(/vCPU/)).not.toHaveText(before);
});

test('adds a shard to a distributed instance and the topology shows it, then switches a primary', async ({
  page,
}) => {
  await login(page);
  await page.goto('/p/prod/instances?type=Enterprise');
  const row = page.locator('tbody tr').first();
  await expect(row.locator('td').nth(3)).toHaveText('Distributed');
  await row.getByRole('link').click();
  await expect(header(page).getByText('Active')).toBeVisible();
  await page.getByRole('tab', { name: 'Nodes and components' }).click();
  const shards = page.getByText(/^Shard \S+$/);
  await expect(shards.first()).toBeVisible();
  const shardIds = new Set(await shards.allInnerTexts());

  await more(page, /^Add shards/);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New shards').fill('1');
  await dialog.getByRole('button', { name: 'Add shards' }).click();
  await expect(header(page).getByText('Scaling out')).toBeVisible();
  await expect(header(page).getByText('Active')).toBeVisible({ timeout: 80_000 });
  await expect
    .poll(async () => new Set(await shards.allInnerTexts()).size, { timeout: 20_000 })
    .toBeGreaterThan(shardIds.size);

  // Switch the primary of the first shard to one of its standbys.
  await more(page, /^Switch primary/);
  const sw = page.getByRole('dialog');
  const firstShard = sw.locator('select').first();
  const promote = await firstShard
    .locator('option', { hasText: /^Promote/ })
    .first()
    .getAttribute('value');
  await firstShard.selectOption(promote!);
  await sw.getByRole('button', { name: 'Switch 1 shard' }).click();
  await expect(header(page).getByText('Switching over')).toBeVisible();
  await expect(header(page).getByText('Active')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Unbalanced/)).toBeVisible({ timeout: 20_000 });
});

test('deletes an instance after typing its name; it leaves the list and waits in the recycle bin', async ({
  page,
}) => {
  await login(page);
  await open(page, 'scale-00012');
  await more(page, /^Delete/);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('recycle bin');
  await expect(dialog.getByRole('button', { name: 'Delete instance' })).toBeDisabled();
  await dialog.getByRole('textbox').fill('scale-00012');
  await dialog.getByRole('button', { name: 'Delete instance' }).click();
  await expect(page).toHaveURL(/\/p\/prod\/instances$/);
  await expect
    .poll(
      async () =>
        (
          (await (await bff(page, 'GET', '/api/v1/projects/prod/instances?name=scale-00012')).json())
            .instances as unknown[]
        ).length,
      {
        timeout: 60_000,
      },
    )
    .toBe(0);
  const bin = await (await bff(page, 'GET', '/api/v1/projects/prod/recycle-instances?limit=50')).json();
  expect(JSON.stringify(bin)).toContain('scale-00012');
});
