import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { completedManualBackup, reserved } from '../support/backups';
import { login, settle } from '../support/console';

const pages = (id: string, restore: string): [string, string][] => [
  ['instances', '/p/prod/instances'],
  ['instance overview', `/p/prod/instances/${id}`],
  ['topology', `/p/prod/instances/${id}?tab=topology`],
  ['create wizard', '/p/prod/instances/new'],
  ['tasks', '/p/prod/tasks'],
  ['wall', '/wall/prod'],
  ['backups', '/p/prod/backups'],
  ['instance backups', `/p/prod/instances/${id}?tab=backups`],
  ['instance logs', `/p/prod/instances/${id}?tab=logs`],
  ['recycle bin', '/p/prod/recycle-bin'],
  ['restore to new instance', restore],
];

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

/** i18next shows a missing key as the key itself: dotted lower-camel words such as `instances.col.name`. */
const KEY_LIKE = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+(\.[a-zA-Z_]+)*\b/g;

test('zh-CN pages show no untranslated keys', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('gaussdb-console.language', 'zh-CN'));
  await login(page);
  const id = await firstInstanceId(page);
  for (const [what, url] of pages(id, await restorePage(page))) {
    await page.goto(url);
    await settle(page);
    const text = await page.locator('body').innerText();
    const keys = (text.match(KEY_LIKE) ?? []).filter((k) => !/^(gaussdb|opengauss)\./.test(k) && !/\.(ha|in)$/.test(k));
    expect(keys, `${what} shows raw keys`).toEqual([]);
    expect(text, `${what} has Chinese text`).toMatch(/[\u4e00-\u9fff]/);
  }
});

for (const theme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('gaussdb-console.theme', t), theme);
    await page.goto('/login');
    const loginResults = await new AxeBuilder({ page }).analyze();
    expect(loginResults.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await login(page);
    const id = await firstInstanceId(page);
    for (const [what, url] of pages(id, await restorePage(page))) {
      await page.goto(url);
      await settle(page);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`), `${what}`).toEqual([]);
    }
  });
}
