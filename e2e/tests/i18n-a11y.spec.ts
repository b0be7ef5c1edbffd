import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { completedManualBackup, reserved } from '../support/backups';
import { bff, login, settle } from '../support/console';

type PageList = [string, string][];

/** Every page of the console, by area: each area's pages are checked in tests of their own, so each test stays within its time. */
const areas: Record<string, (ids: { id: string; tpl: string; restore: string }) => PageList> = {
  core: ({ id }) => [
    ['dashboard', '/p/prod/dashboard'],
    ['instances', '/p/prod/instances'],
    ['instance overview', `/p/prod/instances/${id}`],
    ['topology', `/p/prod/instances/${id}?tab=topology`],
    ['databases', `/p/prod/instances/${id}?tab=databases`],
    ['database users', `/p/prod/instances/${id}?tab=databases&view=users`],
    ['tags', `/p/prod/instances/${id}?tab=tags`],
    ['audit', '/p/prod/audit'],
    ['create wizard', '/p/prod/instances/new'],
    ['tasks', '/p/prod/tasks'],
    ['wall', '/wall/prod'],
  ],
  parameters: ({ id, tpl }) => [
    ['instance parameters', `/p/prod/instances/${id}?tab=parameters`],
    ['parameter templates', '/p/prod/parameters'],
    ['create template', '/p/prod/parameters/new'],
    ['template', `/p/prod/parameters/${tpl}`],
    ['template instances', `/p/prod/parameters/${tpl}?tab=instances`],
    ['template apply history', `/p/prod/parameters/${tpl}?tab=applied`],
    ['compare parameters', `/p/prod/parameters/compare?left=i:${id}&right=t:${tpl}&all=1`],
  ],
  backups: ({ id, restore }) => [
    ['backups', '/p/prod/backups'],
    ['instance backups', `/p/prod/instances/${id}?tab=backups`],
    ['instance logs', `/p/prod/instances/${id}?tab=logs`],
    ['recycle bin', '/p/prod/recycle-bin'],
    ['restore to new instance', restore],
  ],
};

/** A system parameter template (they exist whatever the seed). */
async function systemTemplateId(page: Page): Promise<string> {
  const res = await bff(page, 'GET', '/api/v1/projects/prod/configurations?limit=100');
  const list = (await res.json()) as { configurations: { id: string; user_defined?: boolean }[] };
  return list.configurations.find((c) => c.user_defined === false)!.id;
}

/** The restore page of a completed backup of scale-00039 (reserved for the backup pages). */
async function restorePage(page: Page): Promise<string> {
  const inst = await reserved(page, 'scale-00039');
  const b = await completedManualBackup(page, inst.id);
  return `/p/prod/instances/restore?instance=${inst.id}&backup=${b.id}`;
}

async function firstInstanceId(page: Page): Promise<string> {
  const href = await page.locator('tbody tr a').first().getAttribute('href');
  return href!.split('/instances/')[1]!;
}

/** The ids an area's pages need (the restore page only for the backups area: it takes a backup first). */
async function pagesOf(page: Page, area: string): Promise<PageList> {
  const id = await firstInstanceId(page);
  const tpl = area === 'parameters' ? await systemTemplateId(page) : '';
  const restore = area === 'backups' ? await restorePage(page) : '';
  return areas[area]!({ id, tpl, restore });
}

/**
 * The tenancy pages (issue #11), each with what shows it is drawn: the DBA's on scale-00051 (a multi-tenant
 * instance of the scale seed) and tenant_51 in it, then the demo tenant owner's own pages and a "not yours".
 */
type Check = [what: string, url: string, ready: string];
async function tenantHost(page: Page): Promise<string> {
  const found = (await (
    await bff(page, 'GET', '/api/v1/projects/prod/instances?name=scale-00051')
  ).json()) as { instances: { id: string }[] };
  return found.instances[0]!.id;
}

async function tenancyPages(page: Page): Promise<Check[]> {
  const host = await tenantHost(page);
  const tenants = (await (
    await bff(page, 'POST', `/api/v1/projects/prod/instances/${host}/pdb-info`, {
      name: 'tenant_51',
      offset: 0,
      limit: 1,
    })
  ).json()) as {
    pdb_infos: { id: string }[];
  };
  const pdb = tenants.pdb_infos[0]!.id;
  return [
    ['tenants', '/p/prod/tenants', 'tbody tr a'],
    ['instance tenants', `/p/prod/instances/${host}?tab=tenants`, 'tbody tr a'],
    ['tenant users', `/p/prod/tenants/${host}/${pdb}`, 'tbody tr'],
    ['tenant schemas', `/p/prod/tenants/${host}/${pdb}?tab=schemas`, 'table'],
    ['tenant parameters', `/p/prod/tenants/${host}/${pdb}?tab=parameters`, 'tbody tr'],
    ['tenant nodes', `/p/prod/tenants/${host}/${pdb}?tab=nodes`, 'tbody tr'],
    ['console users', '/p/prod/users', 'tbody tr'],
  ];
}

/**
 * The tenancy forms, opened where a DBA finds them: creating a tenant on scale-00051 (once its flavors and
 * templates are in) and adding a console user who owns tenants (once the tenants to tick are listed).
 */
async function tenancyDialogs(page: Page, host: string): Promise<[string, () => Promise<void>][]> {
  const dialog = page.getByRole('dialog');
  return [
    [
      'create tenant dialog',
      async () => {
        await drawn(page, `/p/prod/instances/${host}?tab=tenants`, 'tbody tr a');
        await page.getByRole('button', { name: /^(Create tenant|创建租户)$/ }).click();
        await expect(dialog.locator('select').nth(0)).not.toHaveValue('');
        await expect(dialog.locator('select').nth(2)).not.toHaveValue('');
        await settle(page);
      },
    ],
    [
      'add console user dialog (tenant owner)',
      async () => {
        await drawn(page, '/p/prod/users', 'tbody tr');
        await page.getByRole('button', { name: /^(Add user|添加用户)$/ }).click();
        await dialog.getByRole('radio', { name: /Tenant owner|租户管理员/ }).check();
        await expect(dialog.getByRole('checkbox').first()).toBeVisible({ timeout: 60_000 });
        await settle(page);
      },
    ],
  ];
}

/** Signs the demo tenant owner in (their grant is the first tenant the console found) and lists their pages. */
async function ownerPages(page: Page): Promise<Check[]> {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel(/user name|用户名/i).fill('tenant');
  await page.getByLabel(/^password$|^密码$/i).fill('tenant-demo-pass');
  await page.getByRole('button', { name: /sign in|登录/i }).click();
  await expect(page).toHaveURL(/\/p\/prod\/my-tenants$/);
  const session = (await (await bff(page, 'GET', '/api/v1/session')).json()) as {
    tenants?: { instance_id: string; pdb_id: string }[];
  };
  const mine = session.tenants?.[0];
  return [
    ['my tenants', '/p/prod/my-tenants', 'main h1'],
    ...(mine
      ? ([['owner tenant', `/p/prod/tenants/${mine.instance_id}/${mine.pdb_id}`, 'tbody tr']] as Check[])
      : []),
    ['not yours', '/p/prod/instances', 'main h1'],
  ];
}

async function drawn(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  // The first look at the tenants page asks every centralized instance of the 1,000: give it time.
  await expect(page.locator(ready).first()).toBeVisible({ timeout: 60_000 });
  await settle(page);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 2)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** i18next shows a missing key as the key itself: dotted lower-camel words such as `instances.col.name`. */
const KEY_LIKE = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+(\.[a-zA-Z_]+)*\b/g;

for (const area of Object.keys(areas)) {
  test(`zh-CN pages show no untranslated keys (${area})`, async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('gaussdb-console.language', 'zh-CN'));
    await login(page);
    for (const [what, url] of await pagesOf(page, area)) {
      await page.goto(url);
      await settle(page);
      const text = await page.locator('body').innerText();
      const keys = (text.match(KEY_LIKE) ?? []).filter(
        (k) => !/^(gaussdb|opengauss)\./.test(k) && !/\.(ha|in)$/.test(k),
      );
      expect(keys, `${what} shows raw keys`).toEqual([]);
      expect(text, `${what} has Chinese text`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
}

for (const theme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation on the sign-in page (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('gaussdb-console.theme', t), theme);
    await page.goto('/login');
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  });

  for (const area of Object.keys(areas)) {
    test(`axe finds no serious or critical violation (${area}, ${theme})`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('gaussdb-console.theme', t), theme);
      await login(page);
      for (const [what, url] of await pagesOf(page, area)) {
        await page.goto(url);
        await settle(page);
        // The dashboard's charts load lazily: scan them too, not only the figures beside them.
        if (what === 'dashboard') await expect(page.locator('.recharts-surface').first()).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          bad.map(
            (v) =>
              `${v.id}: ${v.nodes
                .slice(0, 2)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          ),
          `${what}`,
        ).toEqual([]);
      }
    });
  }
}

// The tenancy pages in tests of their own (each page waits for its data; the first tenants page scans the fleet).
test('zh-CN tenancy pages (DBA and tenant owner) show no untranslated keys', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('gaussdb-console.language', 'zh-CN'));
  await login(page);
  const rawKeys = async (what: string) => {
    const text = await page.locator('body').innerText();
    const keys = (text.match(KEY_LIKE) ?? []).filter(
      (k) => !/^(gaussdb|opengauss)\./.test(k) && !/\.(ha|in)$/.test(k),
    );
    expect(keys, `${what} shows raw keys`).toEqual([]);
    expect(text, `${what} has Chinese text`).toMatch(/[\u4e00-\u9fff]/);
  };
  for (const [what, url, ready] of await tenancyPages(page)) {
    await drawn(page, url, ready);
    await rawKeys(what);
  }
  for (const [what, open] of await tenancyDialogs(page, await tenantHost(page))) {
    await open();
    await rawKeys(what);
  }
  for (const [what, url, ready] of await ownerPages(page)) {
    await drawn(page, url, ready);
    await rawKeys(what);
  }
});

for (const theme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation on the tenancy pages (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('gaussdb-console.theme', t), theme);
    await login(page);
    for (const [what, url, ready] of await tenancyPages(page)) {
      await drawn(page, url, ready);
      expect(await seriousViolations(page), what).toEqual([]);
    }
    for (const [what, open] of await tenancyDialogs(page, await tenantHost(page))) {
      await open();
      expect(await seriousViolations(page), what).toEqual([]);
    }
    for (const [what, url, ready] of await ownerPages(page)) {
      await drawn(page, url, ready);
      expect(await seriousViolations(page), what).toEqual([]);
    }
  });
}
