import { expect, test, type Locator, type Page } from '@playwright/test';
import { pickPartner, signIn, uniqueCode } from './helpers';

/**
 * Pastes text into a field the way a clipboard does: one paste event (the browser then inserts a single line itself).
 */
async function paste(field: Locator, text: string) {
  await field.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    // A synthetic paste inserts nothing; do what the browser would when the page lets it through.
    if (element.dispatchEvent(event) && element instanceof HTMLInputElement) {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(element, element.value + value);
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, text);
}

async function newReceiptWithLine(page: Page, item: string, quantity: string) {
  await page.goto('/goods-receipts/new');
  await page.getByLabel('Add item by code or EAN').fill(item);
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByLabel('Quantity, line 1', { exact: true }).fill(quantity);
}

async function scan(dialog: Locator, serials: string[]) {
  for (const serial of serials) {
    await dialog.getByLabel('Scan or type a serial number').fill(serial);
    await dialog.getByLabel('Scan or type a serial number').press('Enter');
  }
}

test('a scanned serial that reads as a range is one serial; a pasted range is only offered', async ({ page }) => {
  await signIn(page, 'warehouse');
  await newReceiptWithLine(page, 'PHN-X1', '3');
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByLabel('Scan or type a serial number');
  await scan(dialog, ['UIW-K12-345']);
  await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('1 / 3');
  const entered = dialog.getByRole('list', { name: 'Entered serial numbers' });
  await expect(entered.getByRole('listitem')).toHaveCount(1);
  await expect(entered.getByText('UIW-K12-345', { exact: true })).toBeVisible();

  // A block of lines: each line one serial, a range-looking line included.
  await paste(box, 'LOT 7, BOX 2\nSN-0001-SN-0050\n');
  await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('3 / 3');

  // One pasted line that reads as a range: offered, not done. Enter keeps it one serial.
  await paste(box, 'R-0001-R-0050');
  await expect(box).toHaveValue('R-0001-R-0050');
  const offer = dialog.getByRole('group', { name: 'Pasted range' });
  await expect(offer).toContainText('Add as a range of 50? R-0001 … R-0050');
  await offer.getByRole('button', { name: 'Add range of 50' }).click();
  await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('53 / 3');
  await expect(box).toHaveValue('');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('3 / 3');
});

test('a repeat says it was not added again, and a serial of another line names the line', async ({ page }) => {
  const serial = `${uniqueCode('DUP')}-1`;
  await signIn(page, 'warehouse');
  await newReceiptWithLine(page, 'PHN-X1', '1');
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  let dialog = page.getByRole('dialog');
  await scan(dialog, [serial, serial.toLowerCase()]);
  await expect(dialog.getByRole('status').filter({ hasText: 'already entered' })).toHaveText(
    `${serial.toLowerCase()} looks the same as ${serial}, already entered (no. 1 in the list); it was not added again.`,
  );
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByLabel('Add item by code or EAN').fill('PHN-X1');
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByRole('button', { name: 'Serial numbers for line 2' }).click();
  dialog = page.getByRole('dialog');
  await scan(dialog, [serial]);
  await expect(dialog.getByRole('status').filter({ hasText: 'line 1' })).toHaveText(
    `${serial} is already entered on line 1; it was not added here.`,
  );
  await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('0 / 1');
  // The button shows "Serials 0 / 1" on one line.
  await dialog.getByRole('button', { name: 'Done' }).click();
  const button = page.getByRole('button', { name: 'Serial numbers for line 2' });
  expect((await button.boundingBox())!.height).toBeLessThanOrEqual(44);
});

test('Enter in the item picker adds the item; the item form shows prices without trailing zeros', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/goods-receipts/new');
  await page.getByRole('button', { name: 'Choose item…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an item' });
  await picker.getByLabel('Find item by code or name').fill('phn-x2');
  await picker.getByLabel('Find item by code or name').press('Enter');
  await expect(picker.getByRole('status')).toHaveText('Added PHN-X2.');
  await picker.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem', { name: 'Line 1' })).toContainText('PHN-X2');

  await page.goto('/items?q=PHN-X2');
  await page.getByRole('link', { name: 'PHN-X2', exact: true }).click();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Purchase price')).toHaveValue('13900');
  await expect(page.getByLabel('Sale price')).toHaveValue('17990');
  await expect(page.getByLabel('VAT rate (%)')).toHaveValue('21');
});

test('the favicon is served', async ({ page, request }) => {
  await page.goto('/sign-in');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toBeTruthy();
  expect((await request.get(href!)).status()).toBe(200);
  expect((await request.get('/favicon.ico')).status()).toBe(200);
});

test('searching serials finds any part: the agenda, Pick from stock, the header and the document list', async ({
  page,
}) => {
  const item = uniqueCode('SRCH');
  const tail = item.slice(-5);
  await signIn(page, 'admin');
  await page.goto('/items/new');
  await page.getByLabel('Code').fill(item);
  await page.getByLabel('Name').fill('Search test item');
  await page.getByLabel('Track serial numbers').check();
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('heading', { name: `${item} · Search test item` })).toBeVisible();

  await newReceiptWithLine(page, item, '3');
  await pickPartner(page, 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  await scan(page.getByRole('dialog'), ['UIW-00012', 'UIW-00345', `X${tail}-77`]);
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Save goods receipt' }).click();
  const heading = page.getByRole('heading', { name: /^Goods receipt GR-/ });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace('Goods receipt ', '');

  await page.goto(`/serial-numbers?item=${item}`);
  await expect(page.getByText(/Any part of the serial number/).first()).toBeVisible();
  await page.getByLabel('Search serial numbers').fill('0012');
  await expect(page).toHaveURL(/q=0012/);
  await expect(page.getByRole('link', { name: 'UIW-00012', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'UIW-00345', exact: true })).toHaveCount(0);

  // The header's Find: the only serial containing the text opens.
  await page.getByLabel('Find serial number').fill(`${tail}-7`);
  await page.getByLabel('Find serial number').press('Enter');
  await expect(page.getByRole('heading', { name: `Serial X${tail}-77` })).toBeVisible();

  await page.goto(`/goods-receipts?serial=${tail}-77`);
  await expect(page.getByRole('link', { name: number })).toBeVisible();

  await page.goto('/goods-issues/new');
  await page.getByLabel('Add item by code or EAN').fill(item);
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Pick from stock' }).click();
  await dialog.getByLabel('Search serials in stock').fill('0012');
  await expect(dialog.getByRole('list', { name: 'Serial numbers in stock' }).getByRole('listitem')).toHaveText([
    'UIW-00012',
  ]);
});
