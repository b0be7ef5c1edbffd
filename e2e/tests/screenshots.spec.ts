import path from 'node:path';
import { expect, test } from '@playwright/test';
import { login, settle } from '../support/console';

// The README's pictures, made by the e2e run (docs/screenshots/*.png).
const out = (name: string) => path.resolve(import.meta.dirname, '../../docs/screenshots', name);

test('README screenshots: the instance list and a distributed topology', async ({ page }) => {
  await login(page);
  await settle(page);
  await page.screenshot({ path: out('instances.png') });
  await page.getByLabel('Deployment').selectOption('Enterprise');
  await expect(page).toHaveURL(/type=Enterprise/);
  await page.locator('tbody tr a').first().click();
  await page.getByRole('tab', { name: 'Nodes and components' }).click();
  await expect(page.getByText(/^Shard /).first()).toBeVisible();
  await page.screenshot({ path: out('topology.png'), fullPage: false });
});
