import { expect, test, type Locator } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';
import { addItem, saveDocument, startDocument } from './document-steps';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
test.describe.configure({ mode: 'serial' });

/** Pastes a list into a field the way a spreadsheet column arrives: one paste event with newlines. */
async function paste(field: Locator, text: string) {
  await field.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.describe('expected serials: prepared from a pasted list, confirmed by scanning on a phone', () => {
  const prefix = uniqueCode('EXP');
  const listed = ['A', 'B', 'C', 'D'].map((s) => `${prefix}-${s}`);
  const extra = `${prefix}-X`;

  test('paste a list, scan some and one unexpected, resolve both, post: in stock with history', async ({ page }) => {
    await signIn(page, 'warehouse');
    await startDocument(page, '/expected-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
    await addItem(page, 'PHN-X1', 1, '4');
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    const dialog = page.getByRole('dialog');
    await paste(dialog.getByLabel('Scan or type a serial number'), listed.join('\n'));
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('4 / 4');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const number = await saveDocument(page, 'Expected receipt');
    expect(number).toMatch(/^ER-\d{4}-\d{5}$/);
    const expectedCard = page.getByRole('region', { name: 'Expected serial numbers' });
    await expect(expectedCard.getByRole('list', { name: 'Still expected' })).toContainText(listed[3]);
    const expectedUrl = page.url();

    // Expected is not in stock: the agenda does not list it.
    await page.goto(`/serial-numbers?q=${prefix}`);
    await expect(page.getByRole('row').filter({ hasText: listed[0] })).toHaveCount(0);

    await page.goto(expectedUrl);
    await expectedCard.getByRole('link', { name: 'Receive by scanning' }).click();
    await expect(page.getByRole('heading', { name: `Receive ${number}` })).toBeVisible();
    const scan = page.getByLabel('Scan or type a serial number');
    for (const serial of [listed[0], listed[1], extra]) {
      await scan.fill(serial);
      await scan.press('Enter');
    }
    await expect(page.getByRole('list', { name: 'Not scanned yet: PHN-X1' })).toHaveText(`${listed[2]}${listed[3]}`);
    const unexpected = page.getByRole('region', { name: 'Arrived but not expected' });
    await expect(unexpected).toContainText(extra);

    // Nothing is posted while the unexpected serial and the missing ones are unresolved.
    await page.getByRole('button', { name: 'Save receipt' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `not expected: ${extra}` })).toBeVisible();
    await unexpected.getByLabel(`Accept ${extra} as extra`).check();
    await page.getByRole('button', { name: 'Save receipt' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'keep them expected or drop them' })).toBeVisible();
    await page.getByLabel(/^Keep them expected/).check();
    await page.getByRole('button', { name: 'Save receipt' }).click();

    const heading = page.getByRole('heading', { name: /^Goods receipt GR-\d{4}-\d{5}$/ });
    await expect(heading).toBeVisible();
    const receipt = ((await heading.textContent()) ?? '').replace('Goods receipt ', '');
    for (const serial of [listed[0], listed[1], extra])
      await expect(page.getByRole('link', { name: serial })).toBeVisible();

    await page.getByRole('link', { name: listed[0], exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: receipt })).toContainText('Received');

    // The remainder stays expected on the expected receipt, which now names its receipt.
    await page.goto(expectedUrl);
    await expect(expectedCard.getByRole('list', { name: 'Still expected' })).toHaveText(`${listed[2]}${listed[3]}`);
    await expect(expectedCard.getByRole('list', { name: 'Received by' })).toContainText(receipt);
  });

  test('preparing a serial already in stock is refused, naming it', async ({ page }) => {
    await signIn(page, 'warehouse');
    await startDocument(page, '/expected-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
    await addItem(page, 'PHN-X1', 1, '1');
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    const dialog = page.getByRole('dialog');
    const scan = dialog.getByLabel('Scan or type a serial number');
    await scan.fill(listed[0]);
    await scan.press('Enter');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Save expected receipt' }).click();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: `Serial ${listed[0]} of item PHN-X1 is already in stock in warehouse MAIN` })
        .first(),
    ).toBeVisible();
  });
});
