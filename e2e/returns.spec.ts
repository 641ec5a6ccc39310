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

  test('warehouse staff return goods but cannot write credit notes', async ({ page }) => {
    await signIn(page, 'warehouse');
    await page.goto(issueUrl);
    await expect(page.getByRole('link', { name: 'Return…' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Credit note…' })).toHaveCount(0);
    await page.goto('/customer-returns/new');
    await expect(page.getByText('open a sales invoice or goods issue and choose Return…')).toBeVisible();
    expect((await page.goto('/credit-notes/new'))?.status()).toBe(403);
  });
});
