// Ad-hoc screenshots while developing: node e2e/shots.mjs BASE OUTDIR
import { chromium } from '@playwright/test';
const [base, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const [lang, theme] of [['en', 'light'], ['zh-CN', 'dark']]) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.addInitScript(([l, t]) => { localStorage.setItem('gaussdb-console.language', l); localStorage.setItem('gaussdb-console.theme', t); }, [lang, theme]);
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  await page.goto(base + '/login');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/login-${lang}-${theme}.png` });
  await page.fill('#username', 'admin');
  await page.fill('#password', 'admin-demo-pass');
  await page.press('#password', 'Enter');
  await page.waitForURL(/instances/);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/instances-${lang}-${theme}.png` });
  const first = page.locator('table a').first();
  await first.click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/detail-${lang}-${theme}.png`, fullPage: true });
  await page.goto(page.url().split('?')[0] + '?tab=topology');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/topology-${lang}-${theme}.png`, fullPage: true });
  const proj = page.url().split('/p/')[1].split('/')[0];
  await page.goto(`${base}/p/${proj}/tasks`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/tasks-${lang}-${theme}.png` });
  await page.goto(`${base}/wall/${proj}`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/wall-${lang}-${theme}.png` });
  await page.goto(`${base}/p/${proj}/instances/new`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/create-${lang}-${theme}.png` });
  await ctx.close();
}
await browser.close();
