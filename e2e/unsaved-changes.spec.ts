import { expect, test, type Page } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';

async function receiptWithSerials(page: Page, serials: string[]) {
  await page.goto('/goods-receipts/new');
  await page.getByLabel('Add item by code or EAN').fill('PHN-X1');
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByLabel('Quantity, line 1', { exact: true }).fill(String(serials.length));
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  const dialog = page.getByRole('dialog');
  for (const serial of serials) {
    await dialog.getByLabel('Scan or type a serial number').fill(serial);
    await dialog.getByLabel('Scan or type a serial number').press('Enter');
  }
  await dialog.getByRole('button', { name: 'Done' }).click();
}

const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

test('leaving a receipt with unsaved serials asks first; Back offers the draft, which restores lines and serials', async ({
  page,
}) => {
  const serials = ['A', 'B', 'C'].map((s) => `${uniqueCode('UNS')}-${s}`);
  await signIn(page, 'warehouse');
  await receiptWithSerials(page, serials);

  await menu(page, 'Serial numbers').click();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toContainText('This browser keeps a draft of it');
  await ask.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(page).toHaveURL(/\/goods-receipts\/new$/);
  await expect(page.getByRole('button', { name: 'Serial numbers for line 1' })).toHaveText('Serials 3 / 3');

  await menu(page, 'Serial numbers').click();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'Serial numbers' })).toBeVisible();
  await page.goBack();
  const draft = page.getByRole('region', { name: 'Unsaved draft' });
  await expect(draft).toContainText('1 line, 3 serial numbers');
  await draft.getByRole('button', { name: 'Restore draft' }).click();
  await expect(draft).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Serial numbers for line 1' })).toHaveText('Serials 3 / 3');
  await expect(page.getByLabel('Quantity, line 1', { exact: true })).toHaveValue('3');
});

test('a draft survives a reload; Discard drops it; closing the tab asks', async ({ page }) => {
  const serials = [`${uniqueCode('RLD')}-1`];
  await signIn(page, 'warehouse');
  // Reloaded at once: the draft, due half a second after the last change, is written as the page goes.
  await receiptWithSerials(page, serials);

  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  const draft = page.getByRole('region', { name: 'Unsaved draft' });
  await expect(draft).toContainText('1 line, 1 serial number');
  await draft.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('No lines yet: add an item above.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Unsaved draft' })).toHaveCount(0);

  // A tab with unsaved changes asks before it closes (the browser's own question).
  await receiptWithSerials(page, [`${uniqueCode('TAB')}-1`]);
  const question = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  expect((await question).type()).toBe('beforeunload');
});

test('catalog forms ask before unsaved changes are left behind', async ({ page }) => {
  await signIn(page, 'admin');
  page.on('dialog', (dialog) => void dialog.accept()); // the browser's question when a test goes to another address
  await page.goto('/items/new');
  await page.getByLabel('Name').fill('Not saved');
  await menu(page, 'Partners').click();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toContainText('The changes to this item are not saved');
  await ask.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('Not saved');

  await page.goto('/partners/new');
  await page.getByLabel('Name').fill('Not saved');
  await menu(page, 'Price list').click();
  await expect(ask).toContainText('The changes to this partner are not saved');
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'Price list' })).toBeVisible();

  await page.goto('/warehouses');
  await page.getByRole('form', { name: 'New warehouse' }).getByLabel('Name').fill('Not saved');
  await menu(page, 'Stock').click();
  await expect(ask).toContainText('The changes to this warehouse are not saved');
  await ask.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(page).toHaveURL(/\/warehouses$/);
});
