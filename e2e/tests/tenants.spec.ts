import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { bff, login } from '../support/console';

// Tenants on the real stack (issue #11): a DBA creates, resizes and enlarges a tenant on scale-00051 (a multi-tenant
// instance of the scale seed, reserved for these journeys with scale-00050…59), grants it to a new console user;
// that tenant owner works inside it, and every address outside it answers "not yours" without a request reaching
// the BFF's project routes; revoked, their next request is refused.

test.describe.configure({ mode: 'serial' });

// The README's picture of the tenants tab, as screenshots.spec.ts makes its own (docs/screenshots with
// E2E_UPDATE_SCREENSHOTS=1, else test-results).
const shots =
  process.env.E2E_UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../test-results/screenshots';

const suffix = Date.now().toString(36).slice(-5);
const TENANT = `e2e_t_${suffix}`;
const OWNER = `e2e-owner-${suffix}`;
const OWNER_PASSWORD = 'owner-password-e2e-1';
const HOST = 'scale-00051';

let hostId = '';
let tenantId = '';
let otherTenantId = '';

const dialog = (page: Page) => page.getByRole('dialog');
const row = (page: Page, name: string) =>
  page.locator('tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });

async function openHostTenantsTab(page: Page) {
  await page.goto(`/p/prod/instances?q=${encodeURIComponent('=' + HOST)}`);
  await page.getByRole('link', { name: HOST, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: HOST })).toBeVisible();
  hostId = page.url().split('/instances/')[1]!.split(/[?#]/)[0]!;
  await page.getByRole('tab', { name: 'Tenants' }).click();
  await expect(page.getByText(/Tenant quotas .* for tenants/)).toBeVisible();
}

/** Follows the job in the open dialog to "Completed", then closes it. */
async function followToEnd(page: Page, what: RegExp) {
  await expect(dialog(page).getByText(what)).toBeVisible({ timeout: 60_000 });
  await dialog(page).getByRole('button', { name: 'Close' }).first().click();
}

async function signInAs(browser: Browser, user: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel(/user name/i).fill(user);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  // A tenant owner lands on their tenants.
  await expect(page).toHaveURL(/\/p\/prod\/my-tenants$/);
  return page;
}

test('a DBA creates a tenant under the reference rules, resizes it and enlarges its disk, following each job', async ({
  page,
}) => {
  await login(page);
  await openHostTenantsTab(page);
  await page.getByRole('button', { name: 'Create tenant' }).click();
  const d = dialog(page);
  await expect(d.getByLabel('CPU and memory')).not.toHaveValue('');
  await d.getByLabel('Tenant name').fill('template0');
  await expect(d.getByText('Reserved: postgres, template0')).toBeVisible();
  await d.getByLabel('Tenant name').fill(TENANT);
  // Not the name backwards (the rule is shown before anything is typed, broken ones are said under the field).
  await d.getByLabel('Tenant administrator (root) password').fill([...TENANT].reverse().join(''));
  await expect(d.getByText(/Must not be the name or the name backwards|Use at least three/)).toBeVisible();
  await d.getByLabel('Tenant administrator (root) password').fill('Tenant_Root_1');
  await d.getByLabel('Confirm password').fill('Tenant_Root_1');
  await d.getByLabel('Disk quota').fill('100000');
  await expect(d.getByText(/^At most \d+ GB: that is all the instance has for tenants\.$/)).toBeVisible();
  await d.getByLabel('Disk quota').fill('20');
  await d.getByRole('button', { name: 'Create tenant' }).click();
  await followToEnd(page, /Completed: Create tenant/);
  const created = row(page, TENANT);
  await expect(created.getByText('Normal')).toBeVisible({ timeout: 30_000 });
  tenantId = (await created.getByRole('link', { name: TENANT }).getAttribute('href'))!.split('/').pop()!;

  await created.getByRole('button', { name: `Actions for ${TENANT}` }).click();
  await page.getByRole('menuitem', { name: 'Change flavor' }).click();
  await dialog(page).getByLabel('CPU and memory').selectOption('2/8');
  await dialog(page).getByRole('button', { name: 'Change flavor' }).click();
  await followToEnd(page, /Completed: Change tenant flavor/);
  await expect(created.locator('td').nth(2)).toHaveText('2', { timeout: 30_000 });

  await created.getByRole('button', { name: `Actions for ${TENANT}` }).click();
  await page.getByRole('menuitem', { name: 'Enlarge disk' }).click();
  await expect(dialog(page).getByText(/can never be made smaller again/)).toBeVisible();
  await dialog(page).getByLabel('New disk quota').fill('15');
  await expect(dialog(page).getByText(/a tenant's disk quota cannot shrink/)).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: 'Enlarge disk' })).toBeDisabled();
  await dialog(page).getByLabel('New disk quota').fill('30');
  await dialog(page).getByRole('button', { name: 'Enlarge disk' }).click();
  await followToEnd(page, /Completed: Enlarge tenant disk/);
  await expect(created.getByText(/^30 GB of up to/)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: path.resolve(import.meta.dirname, shots, 'tenants.png') });

  const others = (await (
    await bff(page, 'POST', `/api/v1/projects/prod/instances/${hostId}/pdb-info`, {
      name: 'tenant_51',
      offset: 0,
      limit: 10,
    })
  ).json()) as {
    pdb_infos: { id: string }[];
  };
  otherTenantId = others.pdb_infos[0]!.id;
});

test('an admin adds a console user who owns the new tenant, chosen by name', async ({ page }) => {
  await login(page);
  await page.goto('/p/prod/users');
  await page.getByRole('button', { name: 'Add user' }).click();
  const d = dialog(page);
  await d.getByLabel('User name').fill(OWNER);
  await d.getByRole('radio', { name: /Tenant owner/ }).check();
  await d.getByPlaceholder('Filter tenants').fill(TENANT);
  await d.getByRole('checkbox', { name: new RegExp(`${TENANT}\\s+on ${HOST}`) }).check();
  await d.getByLabel('Password', { exact: true }).fill(OWNER_PASSWORD);
  await d.getByLabel('Confirm password').fill(OWNER_PASSWORD);
  await d.getByRole('button', { name: 'Add user' }).click();
  await expect(d).toBeHidden();
  const owner = page.locator('tbody tr').filter({ hasText: OWNER });
  await expect(owner.getByText(`${TENANT} on ${HOST}`)).toBeVisible();
});

test('the tenant owner lands on My tenants and works inside their tenant: user, schema, grant, password, parameter', async ({
  browser,
}) => {
  const page = await signInAs(browser, OWNER, OWNER_PASSWORD);
  await expect(page).toHaveURL(/\/p\/prod\/my-tenants$/);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link')).toHaveText(['My tenants']);
  // Their disk gauge: the quota enlarged above against what the instance has left (4.10.9, cut to that number).
  await expect(page.getByRole('meter', { name: /^Disk quota 30 GB of at most \d/ })).toBeVisible();
  await page.getByRole('link', { name: TENANT }).click();
  await expect(page.getByRole('heading', { level: 1, name: TENANT })).toBeVisible();
  // The DBA's changes are not offered to an owner.
  await expect(page.getByRole('button', { name: 'Delete tenant' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Create user' }).click();
  await dialog(page).getByLabel('Database user').fill('root');
  await expect(dialog(page).getByText(/^Reserved: rdsAdmin/)).toBeVisible();
  await dialog(page).getByLabel('Database user').fill('app_owner');
  await dialog(page).getByLabel('Password', { exact: true }).fill('App_Owner_pw1');
  await dialog(page).getByLabel('Confirm password').fill('App_Owner_pw1');
  await dialog(page).getByRole('button', { name: 'Create user' }).click();
  await expect(page.locator('tbody').getByText('app_owner', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Schemas' }).click();
  await page.getByRole('button', { name: 'Create schemas' }).click();
  await dialog(page).getByLabel('Schema name').fill('sales');
  await dialog(page).getByLabel('Owner').selectOption('app_owner');
  await dialog(page).getByRole('button', { name: 'Create schema' }).click();
  await expect(page.locator('tbody').getByText('sales', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Grant privileges', exact: true }).click();
  await dialog(page).getByLabel('User', { exact: true }).selectOption('app_owner');
  await dialog(page).getByLabel('Schema', { exact: true }).selectOption('sales');
  await dialog(page).getByRole('button', { name: 'Grant', exact: true }).click();
  await expect(page.getByText(`Privileges granted in ${TENANT}`)).toBeVisible();

  await page
    .locator('tbody tr')
    .filter({ hasText: 'app_owner' })
    .getByRole('button', { name: 'New password' })
    .click();
  await dialog(page).getByLabel('New password').fill('App_Owner_pw2');
  await dialog(page).getByLabel('Confirm password').fill('App_Owner_pw2');
  await dialog(page).getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText(`Password of app_owner in ${TENANT} changed`)).toBeVisible();

  // A tenant parameter, in the same staged editor as instance and template parameters.
  await page.getByRole('tab', { name: 'Parameters' }).click();
  const timeout = page.getByLabel('Value of dn:session_timeout');
  await timeout.fill('100000');
  await expect(page.getByText('Must be at most 86400.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
  await timeout.fill('900');
  await page.getByRole('button', { name: 'Review changes' }).click();
  await dialog(page).getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(timeout).toHaveValue('900', { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Staged changes' })).toHaveCount(0);
  await page.context().close();
});

test("another tenant's, an instance's and an admin page's address answer not yours, with no request to the project routes", async ({
  browser,
}) => {
  const page = await signInAs(browser, OWNER, OWNER_PASSWORD);
  await expect(page).toHaveURL(/\/my-tenants$/);
  // The landing page's own reads (their tenant) are done before counting starts.
  await expect(page.getByRole('link', { name: TENANT })).toBeVisible();
  const reached: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/v1/projects/') || path.startsWith('/api/v1/users'))
      reached.push(`${r.method()} ${path}`);
  });
  for (const url of [
    `/p/prod/tenants/${hostId}/${otherTenantId}`,
    `/p/prod/tenants/${hostId}/${otherTenantId}?tab=schemas`,
    `/p/prod/instances/${hostId}`,
    `/p/prod/instances/${hostId}?tab=tenants`,
    '/p/prod/instances',
    '/p/prod/tenants',
    '/p/prod/users',
    '/p/prod/tasks',
    '/wall/prod',
  ]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Not yours' }), url).toBeVisible();
    await expect(page.getByText(otherTenantId)).toHaveCount(0);
  }
  expect(reached).toEqual([]);
  await page.context().close();
});

test("an admin revokes the grant: the owner's next request for the tenant is refused; the DBA deletes the tenant", async ({
  page,
  browser,
}) => {
  const owner = await signInAs(browser, OWNER, OWNER_PASSWORD);
  await owner.goto(`/p/prod/tenants/${hostId}/${tenantId}`);
  await expect(owner.getByRole('heading', { level: 1, name: TENANT })).toBeVisible();

  await login(page);
  await page.goto(`/p/prod/users?q=${OWNER}`);
  await page.getByRole('button', { name: `Revoke ${TENANT} on ${HOST} from ${OWNER}` }).click();
  await dialog(page).getByRole('button', { name: 'Revoke' }).click();
  await expect(
    page.locator('tbody tr').filter({ hasText: OWNER }).getByText('No tenant: this owner sees nothing'),
  ).toBeVisible();

  const refused = owner.waitForResponse(
    (r) => r.url().includes(`/pdbs/${tenantId}/db-users`) && r.status() === 403,
  );
  await owner.getByRole('button', { name: 'Refresh' }).click();
  expect((await (await refused).json()).error.code).toBe('TENANT_SCOPE');
  await expect(owner.getByText('This tenant is not one of yours.')).toBeVisible();
  await owner.reload();
  await expect(owner.getByRole('heading', { name: 'Not yours' })).toBeVisible();
  await owner.context().close();

  // The DBA deletes the tenant (4.10.2): its name typed; back on the instance's list it is deleting, then gone.
  await page.goto(`/p/prod/tenants/${hostId}/${tenantId}`);
  await page.getByRole('button', { name: 'Delete tenant' }).click();
  await expect(dialog(page).getByText(/This cannot be undone/)).toBeVisible();
  await dialog(page).getByLabel(`Type ${TENANT} to confirm`).fill(TENANT);
  await dialog(page).getByRole('button', { name: 'Delete tenant' }).click();
  await expect(page).toHaveURL(new RegExp(`/instances/${hostId}\\?tab=tenants`));
  await expect(page.getByRole('link', { name: 'tenant_51' })).toBeVisible();
  await expect(page.getByRole('link', { name: TENANT })).toHaveCount(0, { timeout: 30_000 });
});
