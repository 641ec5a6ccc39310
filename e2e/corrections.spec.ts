import { expect, test } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';
import { addItem, issueSerials, receiveSerials, saveDocument, startDocument, typeSerials } from './document-steps';

test.describe.configure({ mode: 'serial' });

/*
 * Issue 16, tried as an accountant and a clerk would: a document whose serials later documents moved keeps
 * its note, partner, prices, VAT and external number correctable; what would move stock is read-only in
 * the form with the reason and a link to each blocking document, and the buttons say so before a click.
 */
test.describe('corrections of documents that later documents pin', () => {
  const prefix = uniqueCode('COR');

  test('an accountant corrects the note, price and external number of an invoice whose serial was sold', async ({
    page,
  }) => {
    await signIn(page, 'accountant');
    await startDocument(page, '/purchase-invoices', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
    await addItem(page, 'PHN-X1', 1, '2');
    await (await typeSerials(page, 1, [`${prefix}-A`, `${prefix}-B`])).getByRole('button', { name: 'Done' }).click();
    const invoice = await saveDocument(page, 'Purchase invoice');
    const invoiceUrl = page.url();
    await startDocument(page, '/sales-invoices', 'Customer', 'CUS-BETA · Beta Retail a.s.');
    await addItem(page, 'PHN-X1', 1, '1');
    await (await typeSerials(page, 1, [`${prefix}-A`])).getByRole('button', { name: 'Done' }).click();
    const sale = await saveDocument(page, 'Sales invoice');

    await page.goto(invoiceUrl);
    const edit = page.getByRole('link', { name: 'Edit (note, partner, prices only)' });
    await expect(edit).toHaveAccessibleDescription(
      new RegExp(`serial numbers: ${sale} \\(serial ${prefix}-A\\)\\. Until they are changed`),
    );
    await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveAccessibleDescription(/it cannot be deleted/);
    await expect(page.getByRole('link', { name: sale })).toHaveAttribute('href', /\/sales-invoices\/\d+$/);

    await edit.click();
    const form = page.getByRole('form', { name: 'Edit purchase invoice' });
    await expect(form.getByLabel('Date')).not.toBeEditable();
    await expect(form.getByLabel('Date')).toHaveAccessibleDescription(/are fixed: later documents moved/);
    await expect(form.getByLabel('Warehouse', { exact: true })).toBeDisabled();
    await expect(form.getByLabel('Create goods receipt')).toBeDisabled();
    await expect(form.getByLabel('Quantity, line 1', { exact: true })).not.toBeEditable();
    await expect(form.getByLabel('Quantity, line 1', { exact: true })).toHaveAccessibleDescription(
      new RegExp(`fixed by later documents: ${sale}`),
    );
    await expect(form.getByRole('button', { name: 'Remove line 1' })).toHaveCount(0);
    await expect(form.getByLabel('Add item by code or EAN')).toHaveCount(0);
    await expect(form.getByText('2 serial numbers (fixed)')).toBeVisible();
    await expect(form.getByRole('link', { name: sale }).first()).toBeVisible();

    await form.getByLabel('Note').fill('Credit note 42 applied');
    await form.getByLabel('Unit price, line 1', { exact: true }).fill('9500');
    await form.getByLabel('External number').fill(`${prefix}-INV`);
    await form.getByRole('button', { name: 'Save purchase invoice' }).click();
    await expect(page.getByRole('heading', { name: `Purchase invoice ${invoice}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('Credit note 42 applied');
    await expect(page.getByRole('region', { name: 'Details' })).toContainText(`${prefix}-INV`);
    await expect(page.getByRole('region', { name: 'Lines' })).toContainText('9,500.00');

    await page.goto('/purchase-invoices');
    await page.getByLabel('Search by number or external number').fill(`${prefix}-inv`.toLowerCase());
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('row').nth(1)).toContainText(`${prefix}-INV`);
    await expect(page.getByRole('row').nth(1).getByRole('link', { name: invoice })).toBeVisible();
  });

  test('a clerk changes the note and price of a receipt with an issued serial', async ({ page }) => {
    await signIn(page, 'warehouse');
    const receipt = await receiveSerials(page, [`${prefix}-C`, `${prefix}-D`]);
    const issue = await issueSerials(page, [`${prefix}-C`]);
    await page.goto(receipt.url);
    await page.getByRole('link', { name: 'Edit (note, partner, prices only)' }).click();
    await expect(page.getByRole('link', { name: issue.number }).first()).toHaveAttribute(
      'href',
      /\/goods-issues\/\d+$/,
    );
    await page.getByLabel('Note').fill('Price agreed after delivery');
    await page.getByLabel('Unit price, line 1', { exact: true }).fill('9100');
    await page.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(page.getByRole('heading', { name: `Goods receipt ${receipt.number}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Lines' })).toContainText('9,100.00');
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('Price agreed after delivery');
  });

  test('a delete refused after the page opened lists every problem with the document to change first', async ({
    page,
    context,
  }) => {
    await signIn(page, 'warehouse');
    const receipt = await receiveSerials(page, [`${prefix}-E`, `${prefix}-F`, `${prefix}-G`]);
    const other = await context.newPage();
    const issue = await issueSerials(other, [`${prefix}-E`, `${prefix}-F`]);
    // This page was loaded before the issue: Delete is still offered, and the core refuses it.
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    const alert = page.getByRole('alert').filter({ hasText: `${receipt.number} not deleted: 2 problems.` });
    await expect(alert).toBeVisible();
    const problems = alert.getByRole('list', { name: 'Problems' }).getByRole('listitem');
    await expect(problems).toHaveCount(2);
    for (const serial of ['E', 'F']) {
      const problem = problems.filter({ hasText: `serial ${prefix}-${serial} was issued later by ${issue.number}` });
      await expect(problem.getByRole('link', { name: issue.number })).toHaveAttribute('href', /\/goods-issues\/\d+$/);
    }
    await page.reload();
    await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
  });

  test('a save refused after the form opened lists every problem with links', async ({ page, context }) => {
    await signIn(page, 'warehouse');
    const receipt = await receiveSerials(page, [`${prefix}-H`, `${prefix}-I`]);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    const issue = await issueSerials(await context.newPage(), [`${prefix}-H`, `${prefix}-I`]);
    await page.getByLabel('Date').fill('2020-01-02');
    await page.getByRole('button', { name: 'Save goods receipt' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Goods receipt not saved: 2 problems.' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('listitem')).toHaveCount(2);
    await expect(alert.getByRole('link', { name: issue.number })).toHaveCount(2);
    await expect(page.getByRole('alert', { name: 'Problems on line 1' })).toContainText(
      `${receipt.number} cannot be changed or deleted`,
    );
  });

  test('the same supplier paper is refused a second time, with a link to the first', async ({ page }) => {
    await signIn(page, 'warehouse');
    const first = await receiveSerials(page, [`${prefix}-J`], { externalNumber: `${prefix}-DL` });
    await startDocument(page, '/goods-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
    await page.getByLabel('External number').fill(`${prefix}-dl`.toLowerCase());
    await addItem(page, 'CBL-HDMI', 1, '1');
    await page.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(page.getByLabel('External number')).toHaveAccessibleDescription(
      new RegExp(`is already entered as ${first.number}`),
    );
    await expect(page.getByRole('alert').getByRole('link', { name: first.number })).toHaveAttribute(
      'href',
      /\/goods-receipts\/\d+$/,
    );
  });
});
