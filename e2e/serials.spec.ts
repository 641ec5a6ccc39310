import { expect, test, type Page } from '@playwright/test';
import { pickPartner, signIn, uniqueCode } from './helpers';

/** Posts a goods document with one tracked line through the form; returns its number. */
async function postGoodsDocument(page: Page, kind: 'receipt' | 'issue', itemCode: string, serials: string[]) {
  const [path, partnerLabel, partner] =
    kind === 'receipt'
      ? ['/goods-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.']
      : ['/goods-issues', 'Customer', 'CUS-BETA · Beta Retail a.s.'];
  await page.goto(`${path}/new`);
  await pickPartner(page, partnerLabel, partner);
  await page.getByLabel('Warehouse', { exact: true }).selectOption({ label: 'MAIN · Main warehouse' });
  await page.getByLabel('Add item by code or EAN').fill(itemCode);
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByLabel('Quantity, line 1', { exact: true }).fill(String(serials.length));
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  const dialog = page.getByRole('dialog');
  for (const serial of serials) {
    await dialog.getByLabel('Scan or type a serial number').fill(serial);
    await dialog.getByLabel('Scan or type a serial number').press('Enter');
  }
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: kind === 'receipt' ? 'Save goods receipt' : 'Save goods issue' }).click();
  const heading = page.getByRole('heading', { name: kind === 'receipt' ? /^Goods receipt GR-/ : /^Goods issue GI-/ });
  await expect(heading).toBeVisible();
  return ((await heading.textContent()) ?? '').split(' ').pop()!;
}

test('the serial detail page shows its history, receipt and issue, linked; the header search finds it', async ({
  page,
}) => {
  const base = uniqueCode('HIS');
  const serial = `${base}-X`;
  await signIn(page, 'warehouse');
  const receipt = await postGoodsDocument(page, 'receipt', 'PHN-X2', [serial, `${base}-Y`]);
  const issue = await postGoodsDocument(page, 'issue', 'PHN-X2', [serial]);

  await page.getByLabel('Find serial number').fill(serial);
  await page.getByLabel('Find serial number').press('Enter');
  await expect(page.getByRole('heading', { name: `Serial ${serial}` })).toBeVisible();
  const history = page.getByRole('table', { name: 'Movements of this serial number' });
  const rows = history.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Received');
  await expect(rows.nth(1)).toContainText('SUP-ACME');
  await expect(rows.nth(1)).toContainText('Walter Warehouse');
  await expect(rows.nth(2)).toContainText('Issued');
  await expect(rows.nth(2)).toContainText('CUS-BETA');
  await history.getByRole('link', { name: receipt }).click();
  await expect(page.getByRole('heading', { name: `Goods receipt ${receipt}` })).toBeVisible();
  await page.goBack();
  await history.getByRole('link', { name: issue }).click();
  await expect(page.getByRole('heading', { name: `Goods issue ${issue}` })).toBeVisible();

  // Several matches: the header search opens the agenda searched for the text, issued serials included.
  await page.getByLabel('Find serial number').fill(base);
  await page.getByLabel('Find serial number').press('Enter');
  await expect(page.getByRole('heading', { name: 'Serial numbers' })).toBeVisible();
  await expect(page.getByLabel('Show every serial ever known')).toBeChecked();
  await expect(page.getByLabel('Search serial numbers')).toHaveValue(base);
  await expect(page.getByRole('link', { name: serial, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: `${base}-Y`, exact: true })).toBeVisible();
});

test('tracking cannot be switched off while a serial of the item is in stock', async ({ page }) => {
  const code = uniqueCode('TRK');
  await signIn(page, 'admin');
  await page.goto('/items/new');
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Name').fill('Tracked test item');
  await page.getByLabel('Track serial numbers').check();
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('heading', { name: `${code} · Tracked test item` })).toBeVisible();
  const itemUrl = page.url();

  await postGoodsDocument(page, 'receipt', code, [`${code}-S1`]);

  await page.goto(`${itemUrl}/edit`);
  // The form says before a click that documents fix the item's tracking.
  await expect(page.getByLabel('Track serial numbers')).toHaveAccessibleDescription(
    /^Documents use this item \(GR-\d{4}-\d+\), so its tracking can no longer be switched\.$/,
  );
  await page.getByLabel('Track serial numbers').uncheck();
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: `Serial-number tracking of ${code} cannot be switched off: 1 serial number is in stock.` }),
  ).toBeVisible();
});

test('labels: pick serials in the agenda and print them with barcodes', async ({ page }) => {
  const prefix = uniqueCode('LBL');
  await signIn(page, 'warehouse');
  const receipt = await postGoodsDocument(page, 'receipt', 'TAB-10', [`${prefix}-1A`, `${prefix}-2A`]);
  await page.getByRole('link', { name: 'Print labels' }).click();
  await expect(page.getByRole('heading', { name: `Labels for ${receipt}` })).toBeVisible();
  await expect(page.getByRole('img', { name: `Barcode ${prefix}-1A` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  // Code 128 unless another barcode type is chosen; the choice is kept in the address.
  await expect(page.getByLabel('Barcode type')).toHaveValue('code128');
  await page.getByLabel('Barcode type').selectOption({ label: 'QR code' });
  await expect(page).toHaveURL(/[?&]symbology=qrcode/);
  await expect(page.getByRole('img', { name: `Barcode ${prefix}-1A` }).locator('path')).toHaveAttribute('d', /v1h/);
  await page.reload();
  await expect(page.getByLabel('Barcode type')).toHaveValue('qrcode');

  await page.goto(`/serial-numbers?q=${prefix}`);
  await page.getByLabel(`Select ${prefix}-2A (TAB-10)`).check();
  await page.getByRole('link', { name: 'Print labels for selected (1)' }).click();
  const labels = page.getByRole('list', { name: 'Labels' }).getByRole('listitem');
  await expect(labels).toHaveCount(1);
  await expect(labels.first()).toContainText(`${prefix}-2A`);
  await expect(labels.first()).toContainText('TAB-10 · Tablet 10"');
  await expect(page.getByRole('img', { name: `Barcode ${prefix}-2A` })).toBeVisible();
});
