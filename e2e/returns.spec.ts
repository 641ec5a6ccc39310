import { expect, test } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';
import { addItem, issueSerials, receiveSerials, saveDocument, startDocument, typeSerials } from './document-steps';

test.describe.configure({ mode: 'serial' });

test.describe('returns bring sold serials back, named by the document they left with', () => {
  const prefix = uniqueCode('RET');
  const serials = ['A', 'B'].map((s) => `${prefix}-${s}`);
  let invoiceUrl = '';
  let invoiceNumber = '';
  let issueUrl = '';

  test('sell a serial, return it with the Return… button, sell it again; its page tells the story', async ({
    page,
  }) => {
    await signIn(page, 'admin');
    await receiveSerials(page, serials);
    await startDocument(page, '/sales-invoices', 'Customer', 'CUS-BETA · Beta Retail a.s.');
    await addItem(page, 'PHN-X1', 1, '2');
    const sold = await typeSerials(page, 1, serials);
    await sold.getByRole('button', { name: 'Done' }).click();
    invoiceNumber = await saveDocument(page, 'Sales invoice');
    invoiceUrl = page.url();

    await page.getByRole('link', { name: 'Return…' }).click();
    await expect(page.getByRole('heading', { name: 'New customer return' })).toBeVisible();
    await expect(page.getByText(`Returns goods of ${invoiceNumber}`)).toBeVisible();
    // The line offers exactly the serials still out with the sale; one of them does not come back.
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('2 / 2');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel('Quantity, line 1', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    await dialog.getByRole('button', { name: `Remove ${serials[1]}` }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const returnNumber = await saveDocument(page, 'Customer return');
    expect(returnNumber).toMatch(/^CR-\d{4}-\d{5}$/);
    await expect(page.getByRole('region', { name: 'Details' })).toContainText(`Returns goods of${invoiceNumber}`);

    // Back in stock, it sells again.
    const again = await issueSerials(page, [serials[0]]);
    issueUrl = again.url;
    await page.goto(`/serial-numbers?q=${serials[0]}`);
    // Sold again, it is no longer in stock: the agenda lists it with every serial ever known.
    await page.getByLabel('Show every serial ever known').check();
    await page.getByRole('link', { name: serials[0], exact: true }).click();
    const history = page.getByRole('table', { name: 'Movements of this serial number' });
    await expect(history.getByRole('row').filter({ hasText: returnNumber })).toContainText('Returned by the customer');
    await expect(history.getByRole('row').filter({ hasText: again.number })).toContainText('Issued');
    await expect(history.getByRole('row')).toHaveCount(5);
  });

  test('a sale with a return is pinned; a second return offers only what is still out', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto(invoiceUrl);
    await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
    await page.getByRole('link', { name: 'Return…' }).click();
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('1 / 1');
    await expect(dialog.getByText(serials[1], { exact: true })).toBeVisible();
    await expect(dialog.getByText(serials[0], { exact: true })).toHaveCount(0);
  });

  test('the edit of a return picks from what can go back on its sale, its own serial among them', async ({ page }) => {
    const more = ['C', 'D', 'E'].map((s) => `${prefix}-${s}`);
    await signIn(page, 'admin');
    await receiveSerials(page, more);
    await startDocument(page, '/sales-invoices', 'Customer', 'CUS-BETA · Beta Retail a.s.');
    await addItem(page, 'PHN-X1', 1, '3');
    const sold = await typeSerials(page, 1, more);
    await sold.getByRole('button', { name: 'Done' }).click();
    const sale = await saveDocument(page, 'Sales invoice');
    const saleUrl = page.url();
    await page.getByRole('link', { name: 'Return…' }).click();
    await page.getByLabel('Quantity, line 1', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: `Remove ${more[1]}` }).click();
    await dialog.getByRole('button', { name: `Remove ${more[2]}` }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const returnNumber = await saveDocument(page, 'Customer return');

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Quantity, line 1', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    await dialog.getByRole('button', { name: `Pick from ${sale}` }).click();
    // What this return holds and what is still out with the sale; not the stock, not another sale's serials.
    const list = dialog.getByRole('list', { name: `Serial numbers that can go back on ${sale}` });
    await expect(list.getByRole('checkbox')).toHaveCount(3);
    await expect(list.getByLabel(more[0], { exact: true })).toBeChecked();
    await list.getByLabel(more[1], { exact: true }).check();
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('2 / 2');
    // A serial still out with the first sale is named as one that cannot go back on this one.
    const scan = dialog.getByLabel('Scan or type a serial number');
    await scan.fill(serials[1]);
    await scan.press('Enter');
    await expect(dialog.getByText(`did not leave with ${sale} or is back already`)).toBeVisible();
    await dialog.getByRole('button', { name: `Remove ${serials[1]}` }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect(await saveDocument(page, 'Customer return')).toBe(returnNumber);
    // The sale now has one serial left out: a new return offers only that one.
    await page.goto(saleUrl);
    await page.getByRole('link', { name: 'Return…' }).click();
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('1 / 1');
    await expect(dialog.getByText(more[2], { exact: true })).toBeVisible();
  });

  test('a return started without its document finds it by serial, number or customer, on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'admin');
    await page.goto('/customer-returns/new');
    const box = page.getByLabel('Document number, serial number or customer');
    await box.fill(serials[1]);
    await box.press('Enter');
    const found = page.getByRole('list', { name: 'Documents found' });
    await expect(found.getByRole('listitem')).toHaveCount(1);
    await expect(found).toContainText(`moved serial ${serials[1]}`);
    await found.getByRole('link', { name: `Customer return of ${invoiceNumber}` }).click();
    await expect(page.getByRole('heading', { name: 'New customer return' })).toBeVisible();
    await expect(page.getByText(`Returns goods of ${invoiceNumber}`)).toBeVisible();

    await page.goto('/credit-notes/new');
    await page.getByLabel('Document number, serial number or customer').fill(invoiceNumber.toLowerCase());
    await page.getByRole('button', { name: 'Find document' }).click();
    await expect(found.getByRole('link', { name: `Credit note of ${invoiceNumber}` })).toBeVisible();

    await page.getByLabel('Document number, serial number or customer').fill('Beta Retail');
    await page.getByRole('button', { name: 'Find document' }).click();
    await expect(found.getByRole('listitem').first()).toContainText('CUS-BETA · Beta Retail a.s.');

    await page.getByLabel('Document number, serial number or customer').fill(`${prefix}-NOTHING`);
    await page.getByRole('button', { name: 'Find document' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nothing found for' })).toBeVisible();
  });

  test('warehouse staff return goods but cannot write credit notes', async ({ page }) => {
    await signIn(page, 'warehouse');
    await page.goto(issueUrl);
    await expect(page.getByRole('link', { name: 'Return…' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Credit note…' })).toHaveCount(0);
    await page.goto('/customer-returns/new');
    await expect(page.getByText('open it and choose Return… on its page')).toBeVisible();
    // They may not open sales invoices: a sale is offered as its goods issue.
    await page.getByLabel('Document number, serial number or customer').fill(serials[1]);
    await page.getByRole('button', { name: 'Find document' }).click();
    await expect(page.getByRole('link', { name: /^Customer return of GI-\d{4}-\d{5}$/ })).toBeVisible();
    expect((await page.goto('/credit-notes/new'))?.status()).toBe(403);
  });
});
