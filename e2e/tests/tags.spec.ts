import { expect, test } from '@playwright/test';
import { login, PROJECT } from '../support/console';
import { instanceNamed } from '../support/instances';

// Reserved for this journey: scale-00041. Add a tag on the instance's Tags tab, follow its chip to the list
// filtered by it, remove it again; the audit page shows both changes under the administrator's name.

test('a DBA adds a tag on the instance page, filters the list by its chip, and removes it', async ({
  page,
}) => {
  await login(page, 'admin');
  const inst = await instanceNamed(page, 'scale-00041');
  const value = `e2e_${Date.now().toString(36)}`;
  await page.goto(`/p/${PROJECT}/instances/${inst.id}?tab=tags`);

  await page.getByRole('button', { name: 'Add tag' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Key').fill('e2e_journey');
  await dialog.getByLabel('Value').fill(value);
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog).toHaveCount(0);

  const chip = page.getByRole('link', { name: `e2e_journey=${value}` });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`/instances\\?tags=e2e_journey%3D${value}`));
  await expect(page.getByText('1 in total')).toBeVisible();
  await expect(page.getByRole('link', { name: 'scale-00041', exact: true })).toBeVisible();

  await page.goto(`/p/${PROJECT}/instances/${inst.id}?tab=tags`);
  await page.getByRole('button', { name: 'Remove tag e2e_journey' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('link', { name: `e2e_journey=${value}` })).toHaveCount(0);

  await page.goto(`/p/${PROJECT}/audit?user=admin&target=${inst.id}`);
  for (const title of ['Add instance tags (4.11.4)', 'Delete an instance tag (4.11.5)']) {
    await expect(page.getByRole('row').filter({ hasText: title }).first(), title).toContainText('Success');
  }
});
