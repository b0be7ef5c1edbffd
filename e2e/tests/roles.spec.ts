import { expect, test } from '@playwright/test';
import { bff, login } from '../support/console';

test('a viewer sees no action and a forced call is refused with 403', async ({ page }) => {
  await login(page, 'viewer');
  await expect(page.getByRole('link', { name: 'Create instance' })).toHaveCount(0);
  await expect(page.locator('tbody input[type=checkbox]')).toHaveCount(0);
  await page.locator('tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/instances\/[0-9a-f]{32}in14/);
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restart' })).toHaveCount(0);
  // Only look-only entries remain for a viewer (certificate download, viewing advanced features).
  const more = page.getByRole('button', { name: 'More' });
  if (await more.count()) {
    await more.click();
    const items = await page.getByRole('menuitem').allInnerTexts();
    for (const item of items) expect(item).toMatch(/^(Download SSL certificate|Advanced features)/);
    await page.keyboard.press('Escape');
  }

  const id = page.url().split('/instances/')[1]!.split(/[?#]/)[0]!;
  const forced = await bff(page, 'POST', `/api/v1/projects/prod/instances/${id}/restart`);
  expect(forced.status()).toBe(403);
  expect((await forced.json()).error.code).toBe('FORBIDDEN');
});

test('an operator may restart but is not offered deletion', async ({ page }) => {
  await login(page, 'operator');
  await page.locator('tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/instances\/[0-9a-f]{32}in14/);
  await expect(page.getByRole('button', { name: 'Restart' })).toBeVisible();
  await page.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: /Delete/ })).toHaveCount(0);
});
