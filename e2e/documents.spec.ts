import { expect, test, type Locator } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';
import { addItem, startDocument, typeSerials } from './document-steps';

/** Pastes a list into a field the way a spreadsheet column arrives: one paste event with newlines. */
async function paste(field: Locator, text: string) {
  await field.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.describe.configure({ mode: 'serial' });

test.describe('documents move serial numbers', () => {
  const prefix = uniqueCode('DOC');
  const serials = ['A', 'B', 'C', 'D', 'E'].map((s) => `${prefix}-${s}`);
  let receiptUrl = '';
  let issueNumber = '';
  let invoiceNumber = '';

  test('a goods receipt receives 5 serials typed with Enter and pasted, and the agenda lists them', async ({
    page,
  }) => {
    await signIn(page, 'warehouse');
    await startDocument(page, '/goods-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
    await addItem(page, 'PHN-X1', 1, '5');
    await expect(page.getByLabel('Unit price, line 1', { exact: true })).toHaveValue('9800');
    const dialog = await typeSerials(page, 1, serials.slice(0, 3));
    await paste(dialog.getByLabel('Scan or type a serial number'), serials.slice(3).join('\n'));
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('5 / 5');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(page.getByRole('heading', { name: /^Goods receipt GR-\d{4}-\d{5}$/ })).toBeVisible();
    receiptUrl = page.url();
    for (const serial of serials) await expect(page.getByRole('link', { name: serial })).toBeVisible();

    await page.goto('/serial-numbers');
    await page.getByLabel('Search serial numbers').fill(prefix);
    await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
    for (const serial of serials) await expect(page.getByRole('link', { name: serial, exact: true })).toBeVisible();
  });

  test('a sales invoice issuing 2 of them creates a goods issue and takes them out of stock', async ({ page }) => {
    await signIn(page, 'accountant');
    await startDocument(page, '/sales-invoices', 'Customer', 'CUS-BETA · Beta Retail a.s.');
    await expect(page.getByLabel('Create goods issue')).toBeChecked();
    await addItem(page, 'PHN-X1', 1, '2');
    const dialog = await typeSerials(page, 1, [serials[0]]);
    await dialog.getByRole('button', { name: 'Pick from stock' }).click();
    await dialog.getByLabel('Search serials in stock').fill(prefix);
    await dialog.getByLabel(serials[1], { exact: true }).check();
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('2 / 2');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Save sales invoice' }).click();
    await expect(page.getByRole('heading', { name: /^Sales invoice SI-/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Totals' })).toContainText('25,980.00');
    invoiceNumber = ((await page.getByRole('heading', { name: /^Sales invoice SI-/ }).textContent()) ?? '').replace(
      'Sales invoice ',
      '',
    );
    const issueLink = page.getByRole('link', { name: /^GI-\d{4}-\d{5}$/ });
    issueNumber = (await issueLink.textContent()) ?? '';
    await issueLink.click();
    await expect(page.getByRole('heading', { name: `Goods issue ${issueNumber}` })).toBeVisible();
    await expect(page.getByText(/was created by SI-\d{4}-\d{5}; change the invoice instead\./)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);

    await page.goto(`/serial-numbers?q=${prefix}`);
    await expect(page.getByRole('link', { name: serials[2], exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: serials[0], exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: serials[1], exact: true })).toHaveCount(0);
    await page.getByLabel('Show every serial ever known').check();
    await expect(page).toHaveURL(/all=1/);
    await expect(page.getByRole('row').filter({ hasText: serials[0] }).getByText('Issued')).toBeVisible();
  });

  test('a count mismatch is refused with the rule message', async ({ page }) => {
    await signIn(page, 'warehouse');
    await startDocument(page, '/goods-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
    await addItem(page, 'PHN-X1', 1, '5');
    const dialog = await typeSerials(page, 1, [`${prefix}-M1`, `${prefix}-M2`, serials[2]]);
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('3 / 5');
    // The live check names a serial that is already in stock while the user is still typing.
    await expect(
      dialog.getByText(
        new RegExp(`Serial ${serials[2]} of item PHN-X1 is already in stock in warehouse MAIN \\(received by GR-`),
      ),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Item PHN-X1 needs 5 serial numbers, 3 entered.' }).first(),
    ).toBeVisible();
    await expect(page.getByRole('alert', { name: 'Problems on line 1' })).toContainText(
      'Item PHN-X1 needs 5 serial numbers, 3 entered.',
    );
    await expect(page).toHaveURL(/\/goods-receipts\/new$/);
  });

  test('a receipt whose serial was sold later cannot be deleted, and says so before a click', async ({ page }) => {
    await signIn(page, 'warehouse');
    await page.goto(receiptUrl);
    // The sales invoice owns the issue: it is the document to change first (warehouse staff see its number, not a
    // link).
    const remove = page.getByRole('button', { name: 'Delete' });
    await expect(remove).toBeDisabled();
    await expect(remove).toHaveAccessibleDescription(
      new RegExp(`moved this document’s serial numbers: ${invoiceNumber} \\(serial ${prefix}-[AB]\\)`),
    );
    await expect(page.getByRole('link', { name: invoiceNumber })).toHaveCount(0);
    expect(issueNumber).toMatch(/^GI-/);
  });
});

test('warehouse staff cannot open invoices', async ({ page }) => {
  await signIn(page, 'warehouse');
  expect((await page.goto('/purchase-invoices'))?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  expect((await page.goto('/sales-invoices/new'))?.status()).toBe(403);
  await page.goto('/goods-receipts');
  await expect(page.getByRole('link', { name: 'New goods receipt' })).toBeVisible();
});

test('accountants read goods documents but cannot create them', async ({ page }) => {
  await signIn(page, 'accountant');
  await page.goto('/goods-receipts');
  await expect(page.getByRole('heading', { name: 'Goods receipts' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New goods receipt' })).toHaveCount(0);
  expect((await page.goto('/goods-receipts/new'))?.status()).toBe(403);
});

test('document lists filter by serial number and fit a phone screen', async ({ page }) => {
  const serial = `${uniqueCode('FLT')}-A`;
  await signIn(page, 'warehouse');
  await startDocument(page, '/goods-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
  await addItem(page, 'PHN-X1', 1, '1');
  await addItem(page, 'CBL-HDMI', 2, '3');
  const dialog = await typeSerials(page, 1, [serial]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Save goods receipt' }).click();
  const heading = page.getByRole('heading', { name: /^Goods receipt GR-/ });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace('Goods receipt ', '');

  // Editing keeps the number; the live check does not hold the document's own serial against it.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Quantity, line 2', { exact: true }).fill('4');
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  await page.waitForTimeout(1000); // the live check runs 400 ms after the list settles
  await expect(page.getByRole('dialog').getByText(/has a problem|is already in stock/)).toHaveCount(0);
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Save goods receipt' }).click();
  await expect(page.getByRole('heading', { name: `Goods receipt ${number}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History of this document' })).toContainText('Changed.');
  await expect(page.getByRole('region', { name: 'Lines' })).toContainText('4 pcs');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/goods-receipts');
  await page.getByRole('button', { name: 'Filters' }).click(); // folded on a phone
  await page.getByLabel('Serial number', { exact: true }).fill(serial);
  await expect(page).toHaveURL(new RegExp(`serial=${serial}`));
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  for (const path of ['/goods-receipts', '/goods-receipts/new', '/serial-numbers', '/stock', '/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
