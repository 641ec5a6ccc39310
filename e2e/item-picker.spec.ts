import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the item picker finds items as the user types and adds each pick as a line', async ({ page }) => {
  await signIn(page, 'warehouse');
  await page.goto('/goods-receipts/new');
  await page.getByRole('button', { name: 'Choose item…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose an item' });
  await dialog.getByLabel('Find item by code or name').fill('PHN-X1');
  await expect(dialog.getByRole('status')).toHaveText('1 item found.');
  await dialog.getByRole('button', { name: 'Add PHN-X1' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added PHN-X1.');
  await dialog.getByLabel('Find item by code or name').fill('no item is called this');
  await expect(dialog.getByRole('status')).toHaveText('0 items found.');
  await expect(dialog.getByRole('list', { name: 'Items' }).getByRole('listitem')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('Quantity, line 1', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Quantity, line 2', { exact: true })).toHaveCount(0);
});
