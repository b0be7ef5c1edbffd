import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { bff, login, settle, uniqueName } from '../support/console';

// Journeys of the parameters area (issue #9) on the real stack. They use only scale-00020 … scale-00029 of the
// e2e seed (reserved for them) and templates they create.

interface SeedInstance {
  id: string;
  name: string;
  type?: string;
  datastore?: { version?: string };
}

/** The reserved instances that exist, as the BFF lists them. */
async function reserved(page: Page): Promise<SeedInstance[]> {
  const found: SeedInstance[] = [];
  for (let n = 20; n <= 29; n++) {
    const name = `scale-000${n}`;
    const res = await bff(page, 'GET', `/api/v1/projects/prod/instances?name=${name}`);
    const body = (await res.json()) as { instances: SeedInstance[] };
    const hit = body.instances.find((i) => i.name === name);
    if (hit) found.push(hit);
  }
  return found;
}

/** Centralized (primary/standby) instances of one engine version: what a 4.5.4 template applies to. */
async function centralized(page: Page, count: number): Promise<SeedInstance[]> {
  const all = (await reserved(page)).filter((i) => (i.type ?? '').toLowerCase().startsWith('centralization'));
  const version = all[0]?.datastore?.version;
  const same = all.filter((i) => i.datastore?.version === version);
  expect(same.length, 'centralized reserved instances of one version').toBeGreaterThanOrEqual(count);
  return same;
}

const screenshots =
  process.env.E2E_UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../test-results/screenshots';
const shot = (name: string) => path.resolve(import.meta.dirname, screenshots, name);

const value = (page: Page, name: string) =>
  page.getByRole('textbox', { name: `Value of ${name}`, exact: true });

test.describe.configure({ mode: 'serial' });

test('edits three parameters of an instance, one needing a restart; restarts from the banner', async ({
  page,
}) => {
  await login(page);
  const [inst] = await centralized(page, 1);
  await page.goto(`/p/prod/instances/${inst!.id}?tab=parameters`);
  await expect(page.getByRole('tab', { name: 'Parameters', selected: true })).toBeVisible();
  await expect(value(page, 'session_timeout')).toBeVisible();

  // A value is checked against its type and range before anything is sent.
  await value(page, 'failed_login_attempts').fill('five');
  await expect(page.getByText('Must be a whole number.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
  await value(page, 'failed_login_attempts').fill('5000');
  await expect(page.getByText('Must be at most 1000.')).toBeVisible();
  await value(page, 'failed_login_attempts').fill('5');
  await value(page, 'session_timeout').fill('900');
  await value(page, 'max_connections').fill('6000');
  const bar = page.getByRole('region', { name: 'Staged changes' });
  await expect(bar).toContainText('3 changes staged');
  await expect(bar).toContainText('1 needs a restart');

  await bar.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog');
  const rows = review.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(review.getByRole('row', { name: /max_connections/ })).toContainText('Restart needed');
  await expect(review.getByRole('row', { name: /session_timeout/ })).toContainText('900');
  await review.getByRole('button', { name: 'Apply 3 changes' }).click();
  await expect(review).toBeHidden();

  const banner = page.getByRole('status', { name: 'Changes waiting for a restart' });
  await expect(banner).toContainText('1 changed parameter waits for a restart');
  await expect(banner).toContainText('max_connections');
  await expect(value(page, 'session_timeout')).toHaveValue('900');

  await banner.getByRole('button', { name: 'Restart now' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('max_connections');
  await confirm.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(banner).toBeHidden({ timeout: 60_000 });
  // The restart is over: the instance is Active again and nothing waits.
  await expect(page.locator('header').getByText('Active')).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(value(page, 'max_connections')).toHaveValue('6000');
  await expect(page.getByRole('status', { name: 'Changes waiting for a restart' })).toHaveCount(0);
});

test('creates a template, compares it with the default, applies it to two instances and reads the history and the drift', async ({
  page,
}) => {
  await login(page);
  const instances = await centralized(page, 3);
  const [a, b] = [instances[1]!, instances[2]!];
  const name = uniqueName('e2e-tpl');

  await page.goto('/p/prod/parameters');
  await page.getByRole('link', { name: 'Create template' }).click();
  await page.getByLabel('Template name').fill('Default-Enterprise-Edition-GaussDB-8.201-Centralized');
  await expect(page.getByText(/already exists/)).toBeVisible();
  await page.getByLabel('Template name').fill(name);
  await expect(page.getByText('The name is free.')).toBeVisible();
  await page.getByLabel('Engine version').selectOption(a.datastore!.version!);
  await value(page, 'work_mem').fill('32768');
  await value(page, 'session_timeout').fill('1200');
  await expect(page.getByText('2 values differ from the defaults')).toBeVisible();
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: 'Parameters', exact: true }).first().click();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await page.screenshot({ path: shot('parameters.png') });
  await page.getByRole('link', { name, exact: true }).click();

  await page.getByRole('link', { name: 'Compare with…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'parameters differ' })).toHaveText(
    /^2 of \d+ parameters differ$/,
  );
  await expect(page.getByRole('rowheader', { name: /work_mem/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /session_timeout/ })).toBeVisible();
  await page.screenshot({ path: shot('parameters-diff.png') });
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('button', { name: 'Apply to instances' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Filter instances').fill('scale-0002');
  await dialog.getByRole('checkbox', { name: a.name }).check();
  await dialog.getByRole('checkbox', { name: b.name }).check();
  await dialog.getByRole('button', { name: 'Apply to 2 instances' }).click();
  await expect(dialog.getByText('Applied')).toHaveCount(2, { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Show apply history' }).click();
  const history = page.getByRole('table');
  for (const i of [a, b]) {
    const row = history.getByRole('row', { name: new RegExp(i.name) });
    await expect(row).toContainText('Succeeded');
    await expect(row).toContainText('admin');
  }

  // A hand edit on one instance: the template's drift view shows it, and only it.
  const edit = await bff(page, 'PUT', `/api/v1/projects/prod/instances/${a.id}/configurations`, {
    values: { session_timeout: '300' },
  });
  expect(edit.status()).toBe(200);
  await page.getByRole('tab', { name: 'Instances and drift' }).click();
  await page.getByLabel('Search instances').fill('scale-0002');
  await expect(page.getByRole('row', { name: new RegExp(a.name) })).toContainText('1 parameter differs');
  await expect(page.getByRole('row', { name: new RegExp(b.name) })).toContainText('Matches');
  await page.getByRole('link', { name: `Show the differences of ${a.name}` }).click();
  await expect(page.getByRole('rowheader', { name: /session_timeout/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'differs' })).toHaveText(
    /1 of \d+ parameters differs/,
  );
});

test('a viewer reads parameters and templates without any edit control; an operator cannot delete', async ({
  page,
}) => {
  await login(page, 'viewer');
  const [inst] = await centralized(page, 1);
  await page.goto(`/p/prod/instances/${inst!.id}?tab=parameters`);
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByText(/Your role \(Viewer\) can read this instance's parameters/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Value of / })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /^Value of / })).toHaveCount(0);

  await page.goto('/p/prod/parameters');
  await settle(page);
  await expect(page.getByRole('link', { name: 'Create template' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Copy / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await page
    .getByRole('link', { name: 'Default-Enterprise-Edition-GaussDB-8.201-Centralized', exact: true })
    .click();
  await expect(page.getByRole('textbox', { name: /^Value of / })).toHaveCount(0);
  for (const action of ['Apply to instances', 'Copy', 'Reset to defaults', 'Delete'])
    await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Apply history' }).click();
  await expect(
    page.getByText('Who made each change is in the audit trail, which administrators can read.'),
  ).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Console user' })).toHaveCount(0);

  await page.context().clearCookies();
  await login(page, 'operator');
  await page.goto('/p/prod/parameters');
  await settle(page);
  await expect(page.getByRole('link', { name: 'Create template' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await expect(page.getByText(/deleting a template is for administrators/)).toBeVisible();
});
