import { expect, test } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '@gaussdb-console/emulator';

// The whole browser harness against a real emulator: in-memory demo data on a random port, started in the test.
let emu: RunningEmulator;

test.beforeAll(async () => {
  emu = await startEmulator({ memory: true, seed: 'demo', port: 0 });
});

test.afterAll(async () => {
  await emu?.close();
});

test('chromium opens the emulator root and sees the API versions', async ({ page }) => {
  const response = await page.goto(`${emu.url}/`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('body')).toContainText('v3');
  await expect(page.locator('body')).toContainText('v3.1');
});
