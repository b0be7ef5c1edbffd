import path from 'node:path';
import { expect, test } from '@playwright/test';
import { login, settle } from '../support/console';

// The README's pictures, made by the e2e run. They land in docs/screenshots (committed) with
// E2E_UPDATE_SCREENSHOTS=1, else in test-results, so an ordinary test run leaves the work tree clean.
const dir =
  process.env.E2E_UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../test-results/screenshots';
const out = (name: string) => path.resolve(import.meta.dirname, dir, name);

test('README screenshots: the instance list and a distributed topology', async ({ page }) => {
  await login(page);
  await settle(page);
  await page.screenshot({ path: out('instances.png') });
  await page.getByLabel('Deployment').selectOption('Enterprise');
  await expect(page).toHaveURL(/type=Enterprise/);
  const first = page.locator('tbody tr').first();
  await expect(first.locator('td').nth(3)).toHaveText('Distributed');
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/instances\/[0-9a-f]{32}in14/);
  await page.getByRole('tab', { name: 'Nodes and components' }).click();
  await expect(page.getByText(/^Shard /).first()).toBeVisible();
  await page.screenshot({ path: out('topology.png'), fullPage: false });
});
