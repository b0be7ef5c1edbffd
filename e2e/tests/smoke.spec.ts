import { expect, test } from '@playwright/test';

// Proves the browser harness works on this machine (Debian chromium, our launch flags).
test('chromium renders a page and runs script', async ({ page }) => {
  await page.setContent('<title>GaussDB Console</title><main id="m"></main><script>document.getElementById("m").textContent = "ready"</script>');
  await expect(page).toHaveTitle('GaussDB Console');
  await expect(page.locator('#m')).toHaveText('ready');
});
