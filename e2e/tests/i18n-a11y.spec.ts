import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { login, settle } from '../support/console';

const pages = (id: string): [string, string][] => [
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
];

async function firstInstanceId(page: Page): Promise<string> {
  const href = await page.locator('tbody tr a').first().getAttribute('href');
  return href!.split('/instances/')[1]!;
}

/** i18next shows a missing key as the key itself: dotted lower-camel words such as `instances.col.name`. */
const KEY_LIKE = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+(\.[a-zA-Z_]+)*\b/g;

test('zh-CN pages show no untranslated keys', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('gaussdb-console.language', 'zh-CN'));
  await login(page);
  const id = await firstInstanceId(page);
  for (const [what, url] of pages(id)) {
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

for (const theme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('gaussdb-console.theme', t), theme);
    await page.goto('/login');
    const loginResults = await new AxeBuilder({ page }).analyze();
    expect(
      loginResults.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
    await login(page);
    const id = await firstInstanceId(page);
    for (const [what, url] of pages(id)) {
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
