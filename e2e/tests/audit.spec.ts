import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { bff, login, PROJECT } from '../support/console';
import { instanceNamed } from '../support/instances';

// Reserved for this journey: scale-00047. An operator tags the instance through the console's API; an
// administrator finds it on the audit page by user and operation, opens the target, and downloads the CSV.
// A viewer sees no audit page and never asks for the trail.

test('the audit page shows who changed what, filters it and exports it as CSV; other roles never fetch it', async ({
  browser,
}) => {
  const opCtx = await browser.newContext();
  const operator = await opCtx.newPage();
  await login(operator, 'operator');
  const inst = await instanceNamed(operator, 'scale-00047');
  const value = `audit_${Date.now().toString(36)}`;
  const added = await bff(operator, 'POST', `/api/v1/projects/${PROJECT}/instances/${inst.id}/tags`, {
    tags: [{ key: 'e2e_audit', value }],
  });
  expect(added.status()).toBe(200);
  await opCtx.close();

  const adminCtx = await browser.newContext({ acceptDownloads: true });
  const admin = await adminCtx.newPage();
  await login(admin, 'admin');
  await admin.getByRole('link', { name: 'Audit' }).click();
  await expect(admin.getByRole('heading', { name: 'Audit' })).toBeVisible();
  await admin.getByLabel('User', { exact: true }).fill('operator');
  await admin.getByLabel('Operation').selectOption('addInstanceTags');
  await expect(admin).toHaveURL(/user=operator/);
  await expect(admin).toHaveURL(/operation=addInstanceTags/);
  const entry = admin.getByRole('row').filter({ hasText: inst.id }).first();
  await expect(entry).toContainText('operator');
  await expect(entry).toContainText('Add instance tags (4.11.4)');
  await expect(entry).toContainText('Success');

  const download = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync((await (await download).path()) as string, 'utf8');
  expect(csv).toContain('"operation"');
  expect(csv).toContain('"addInstanceTags"');
  expect(csv).toContain(`instance_id=${inst.id}`);
  expect(csv).not.toContain('"login"');

  await entry.getByRole('link', { name: inst.id }).click();
  await expect(admin).toHaveURL(new RegExp(`/instances/${inst.id}`));
  // Leave the instance as it was for the next run.
  expect(
    (
      await bff(admin, 'DELETE', `/api/v1/projects/${PROJECT}/instances/${inst.id}/tag?key=e2e_audit`)
    ).status(),
  ).toBe(200);
  await adminCtx.close();

  const viewerCtx = await browser.newContext();
  const viewer = await viewerCtx.newPage();
  const asked: string[] = [];
  viewer.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/audit') asked.push(r.url());
  });
  await login(viewer, 'viewer');
  await expect(viewer.getByRole('link', { name: 'Audit' })).toHaveCount(0);
  await viewer.goto(`/p/${PROJECT}/audit`);
  await expect(viewer.getByText('The audit trail is for administrators.')).toBeVisible();
  expect(asked).toEqual([]);
  await viewerCtx.close();
});
