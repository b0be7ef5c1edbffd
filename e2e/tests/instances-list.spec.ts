import { expect, test } from '@playwright/test';
import { login } from '../support/console';

// Runs on the e2e console's `scale:1000` seed: 1,000 instances named scale-00000 … scale-00999.
test.describe('instance list', () => {
  test('pages, searches with the * rule and filters, with the state in the URL', async ({ page }) => {
    await login(page);
    await expect(page.getByText(/1,?0\d\d in total/)).toBeVisible();
    const rows = page.locator('tbody tr');
    await expect(rows).toHaveCount(20);

    // Page size and page live in the URL.
    await page.getByLabel('Rows per page').selectOption('50');
    await expect(rows).toHaveCount(50);
    await expect(page).toHaveURL(/size=50/);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();

    // Fuzzy search: * stands for anything.
    await page.getByLabel('Search instances by name or id').fill('scale-0099*');
    await expect(page).toHaveURL(/q=scale-0099/);
    await expect(page.getByText('10 in total')).toBeVisible();
    await expect(rows).toHaveCount(10);
    for (const name of await rows.locator('td:nth-child(2) a').allInnerTexts())
      expect(name).toMatch(/^scale-0099\d$/);

    // A shared link reproduces the view.
    const url = page.url();
    await page.goto(url);
    await expect(page.getByText('10 in total')).toBeVisible();

    // Filter by deployment.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Deployment').selectOption('Enterprise');
    await expect(page).toHaveURL(/type=Enterprise/);
    await expect
      .poll(async () => [...new Set(await rows.locator('td:nth-child(4)').allInnerTexts())])
      .toEqual(['Distributed']);

    // A filter that matches nothing says so.
    await page.getByLabel('VPC id').fill('vpc-none');
    await page.getByLabel('VPC id').press('Enter');
    await expect(page.getByText('No instance matches these filters')).toBeVisible();
  });

  test('exports every row of the current filter as CSV', async ({ page }) => {
    await login(page);
    await page.getByLabel('Search instances by name or id').fill('scale-001*');
    await expect(page.getByText('100 in total')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const csv = Buffer.concat(text as Buffer[]).toString('utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(101);
    expect(csv).toContain('"scale-00199"');
  });
});
