import { expect, test } from '@playwright/test';
import { bff, login } from '../support/console';

test('the wall screen shows a running job’s progress, then its completion, live', async ({ browser }) => {
  const wallCtx = await browser.newContext();
  const wall = await wallCtx.newPage();
  await login(wall, 'viewer');
  await wall.goto('/wall/prod');
  await expect(wall.getByRole('heading', { name: /Operations · prod/ })).toBeVisible();
  await expect(wall.getByText(/Running jobs \(\d+\)/)).toBeVisible();

  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await login(admin, 'admin');
  const list = await bff(admin, 'GET', '/api/v1/projects/prod/instances?name=scale-00042&limit=1');
  const inst = (await list.json()).instances[0] as { id: string; name: string };
  const restart = await bff(admin, 'POST', `/api/v1/projects/prod/instances/${inst.id}/restart`);
  expect(restart.status()).toBe(202);

  const running = wall.locator('section', { has: wall.getByText(/Running jobs/) });
  const row = running.getByRole('listitem').filter({ hasText: inst.name });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByRole('progressbar')).toBeVisible();
  // Completed jobs leave the running zone; the instance is not listed as unhealthy any more.
  await expect(row).toHaveCount(0, { timeout: 60_000 });
  await expect(wall.getByRole('status').filter({ hasText: /reconnecting/i })).toHaveCount(0);
  await wallCtx.close();
  await adminCtx.close();
});
