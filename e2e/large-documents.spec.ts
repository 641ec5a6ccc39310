import { expect, test, type Page } from '@playwright/test';
import { pickPartner, signIn, uniqueCode } from './helpers';

/** A goods receipt of PHN-X1 whose one line gets `count` serials from the range generator. */
async function receiptWithRange(page: Page, prefix: string, count: number) {
  await signIn(page, 'warehouse');
  await page.goto('/goods-receipts/new');
  await pickPartner(page, 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
  await page.getByLabel('Warehouse', { exact: true }).selectOption({ label: 'MAIN · Main warehouse' });
  await page.getByLabel('Add item by code or EAN').fill('PHN-X1');
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByLabel('Quantity, line 1', { exact: true }).fill(String(count));
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Generate range' }).click();
  const range = dialog.getByRole('group', { name: 'Generate range' });
  await range.getByLabel('Prefix').fill(prefix);
  await range.getByLabel('Start number').fill('1');
  await range.getByLabel('Count').fill(String(count));
  await range.getByLabel('Digits').fill('6');
  await range.getByRole('button', { name: 'Add range' }).click();
  const total = count.toLocaleString('en');
  await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText(`${total} / ${total}`, {
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Done' }).click();
}

test.describe('documents with very many serial numbers, from the form', () => {
  test.setTimeout(180_000);

  test('a receipt of 50,000 serials (about 1.3 MB, above a default 1 MB action body) saves', async ({ page }) => {
    const prefix = `${uniqueCode('BIG')}-`;
    await receiptWithRange(page, prefix, 50_000);
    await page.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(page.getByRole('heading', { name: /^Goods receipt GR-\d{4}-\d{5}$/ })).toBeVisible({
      timeout: 60_000,
    });
    await page.getByText('Serial numbers (50,000)').click();
    await expect(
      page.getByText(/Showing the first [\d,]+; find the others in the Serial Numbers agenda\./),
    ).toBeVisible();
    // The last serial of the range is in stock, found by its text in the agenda.
    await page.goto(`/serial-numbers?q=${encodeURIComponent(`${prefix}050000`)}`);
    await expect(page.getByRole('link', { name: `${prefix}050000`, exact: true })).toBeVisible();
  });

  test('a receipt too large for one form save is refused with the reason and the way out, and nothing is saved', async ({
    page,
  }) => {
    const prefix = `${uniqueCode('HUGE')}-A-SERIAL-NUMBER-PREFIX-OF-FORTY-CHARS-`;
    await receiptWithRange(page, prefix, 100_000);
    await page.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(
      page.getByText(
        /^This document is too large to save from the form: its 100,000 serial numbers make [\d.]+ MB, and one save takes at most 3\.9 MB\. Import it on the Import page/,
      ),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/goods-receipts\/new$/);
    await page.goto(`/serial-numbers?q=${encodeURIComponent(prefix)}`);
    await expect(page.getByText('Nothing found.')).toBeVisible();
  });
});
