import { expect, test, type Page } from '@playwright/test';
import { login, PROJECT } from '../support/console';
import { centralizedAmong } from '../support/instances';

// Reserved for this journey: scale-00040, 44, 45, 46 (the first centralized one). An operator creates a user, a
// database owned by it, a schema, grants read-write access and resets the password; the audit page, read by an
// administrator, shows each action under the operator's name.

const STRONG = 'Strong_pass-2024';
// 4.9.5 has its own special characters: no "-", but "/".
const RESET = 'Other/pass2025';

async function typePassword(page: Page, password: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByLabel('Confirm password').fill(password);
  await expect(dialog.getByText('Not a known weak password.')).toBeVisible();
}

test('an operator creates a database, a user and a schema, grants privileges and resets the password', async ({
  page,
  browser,
}) => {
  await login(page, 'operator');
  const inst = await centralizedAmong(page, ['scale-00040', 'scale-00044', 'scale-00045', 'scale-00046']);
  const suffix = Date.now().toString(36);
  const user = `e2e_u_${suffix}`;
  const db = `e2e_db_${suffix}`;
  const schema = `e2e_s_${suffix}`;
  const tab = `/p/${PROJECT}/instances/${inst.id}?tab=databases`;

  await page.goto(`${tab}&view=users`);
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.getByRole('dialog').getByLabel('User name').fill(user);
  await typePassword(page, STRONG);
  await page.getByRole('dialog').getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('cell', { name: user, exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Databases', exact: true }).click();
  await page.getByRole('button', { name: 'Create database' }).click();
  const create = page.getByRole('dialog');
  await create.getByLabel('Database name').fill(db);
  await create.getByLabel(/^Owner/).selectOption(user);
  await create.getByRole('button', { name: 'Create database' }).click();
  await expect(create).toHaveCount(0);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: db, exact: true }) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: user, exact: true })).toBeVisible();

  await row.getByRole('button', { name: 'Schemas' }).click();
  await expect(page).toHaveURL(new RegExp(`view=schemas.*db=${db}|db=${db}.*view=schemas`));
  await page.getByRole('button', { name: 'Create schemas' }).click();
  const schemas = page.getByRole('dialog');
  await schemas.getByLabel('Schema 1', { exact: true }).fill(schema);
  await schemas.getByLabel('Owner of schema 1', { exact: true }).selectOption(user);
  await schemas.getByRole('button', { name: 'Create schema' }).click();
  await expect(schemas).toHaveCount(0);
  await expect(page.getByRole('cell', { name: schema, exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Users', exact: true }).click();
  await page.getByRole('button', { name: `Grant privileges to ${user}` }).click();
  const grant = page.getByRole('dialog');
  await grant.getByLabel('Database').selectOption(db);
  await grant.getByLabel('Schema').selectOption(schema);
  await grant.getByRole('radio', { name: 'Read-write' }).check();
  await grant.getByRole('button', { name: 'Grant' }).click();
  await expect(grant).toHaveCount(0);
  await expect(page.getByText(`Privileges on ${db} granted`)).toBeVisible();

  await page.getByRole('button', { name: `Reset the password of ${user}` }).click();
  await typePassword(page, RESET);
  await page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(`Password of ${user} reset`)).toBeVisible();

  // The audit trail, as an administrator sees it: every step, by the operator, on this instance.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await login(admin, 'admin');
  await admin.goto(`/p/${PROJECT}/audit?user=operator&target=${inst.id}`);
  const trail = admin.getByRole('table');
  for (const title of [
    'Create database user (4.9.2)',
    'Create database (4.9.1)',
    'Create schemas (4.9.3)',
    'Grant database privileges (4.9.4)',
    'Reset database user password (4.9.5)',
  ]) {
    const entry = trail.getByRole('row').filter({ hasText: title }).first();
    await expect(entry, title).toBeVisible();
    await expect(entry).toContainText('operator');
    await expect(entry).toContainText('Success');
  }
  await adminCtx.close();
});
