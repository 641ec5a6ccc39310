import { expect, test, type Page } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';
import { addItem, saveDocument, startDocument } from './document-steps';

/** The company default of the invoices' goods-document switch, set by the admin on the settings page. */
async function setInvoiceDefault(admin: Page, createsGoods: boolean) {
  await admin.goto('/admin/settings');
  await admin.getByLabel('New invoices create their goods receipt or issue').setChecked(createsGoods);
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByText('Settings saved.')).toBeVisible();
}

/*
 * Issue 16, tried as an accountant would: an invoice saved without its goods receipt (the company default
 * off) gets one later from its page — the edit form opens with the switch on and the tracked line's
 * serial form, and saving creates the receipt with its serials.
 */
test('an invoice saved without its goods receipt gets one later, with the serials of its tracked line', async ({
  page,
  browser,
}) => {
  const serials = [`${uniqueCode('SOD')}-1`, `${uniqueCode('SOD')}-2`];
  await signIn(page, 'admin');
  await setInvoiceDefault(page, false);
  const context = await browser.newContext();
  try {
    const accountant = await context.newPage();
    await signIn(accountant, 'accountant');
    await startDocument(accountant, '/purchase-invoices', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
    await expect(accountant.getByLabel('Create goods receipt')).not.toBeChecked();
    await addItem(accountant, 'CBL-HDMI', 1, '3');
    await addItem(accountant, 'PHN-X1', 2, '2');
    await expect(accountant.getByText('Entered on the goods document (this invoice creates none).')).toBeVisible();
    const invoice = await saveDocument(accountant, 'Purchase invoice');
    await expect(accountant.getByRole('region', { name: 'Lines' })).toContainText('No goods receipt yet');

    await accountant.getByRole('link', { name: 'Create goods receipt' }).click();
    await expect(accountant).toHaveURL(/\/purchase-invoices\/\d+\/edit\?stock=1$/);
    await expect(accountant.getByText(`Saving creates the goods receipt of ${invoice}`)).toBeVisible();
    // The first tracked line's serial form opens by itself; the switch is on.
    const line = accountant.getByRole('dialog', { name: /^Line 2 — PHN-X1/ });
    const scan = line.getByLabel('Scan or type a serial number');
    for (const serial of serials) {
      await scan.fill(serial);
      await scan.press('Enter');
    }
    await expect(line.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('2 / 2');
    await line.getByRole('button', { name: 'Done' }).click();
    await expect(accountant.getByLabel('Create goods receipt')).toBeChecked();
    await accountant.getByRole('button', { name: 'Save purchase invoice' }).click();

    await expect(accountant.getByRole('heading', { name: `Purchase invoice ${invoice}` })).toBeVisible();
    await expect(accountant.getByText(/Saving this invoice created goods receipt GR-\d{4}-\d{5}/)).toBeVisible();
    await expect(accountant.getByRole('link', { name: 'Create goods receipt' })).toHaveCount(0);
    for (const serial of serials) await expect(accountant.getByRole('link', { name: serial })).toBeVisible();
  } finally {
    await context.close();
    await setInvoiceDefault(page, true);
  }
  // Back to the default the other specs expect: a new invoice creates its goods document.
  await page.goto('/purchase-invoices/new');
  await expect(page.getByLabel('Create goods receipt')).toBeChecked();
});
