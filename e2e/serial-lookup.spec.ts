import { expect, test, type Locator, type Page } from '@playwright/test';
import { addMonths } from '../lib/warranty/warranty-end';
import { addItem, saveDocument, startDocument, typeSerials } from './document-steps';
import { signIn, uniqueCode } from './helpers';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, hasTouch: true });
test.describe.configure({ mode: 'serial' });

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/** The value of one fact of a list of facts: the <dd> after the <dt> that reads `label`. */
const fact = (scope: Locator, label: string) =>
  scope
    .locator('dt')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

test.describe('look up a serial on a phone: where it is, whom it was sold to, its warranty', () => {
  const code = uniqueCode('WTY');
  const serial = `${uniqueCode('WS')}-7`;
  let receipt = '';
  let issue = '';

  test('an item gets its warranty periods from the form, refused with the field named when not whole months', async ({
    page,
  }) => {
    await signIn(page, 'admin');
    await page.goto('/items/new');
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('Name').fill('Warranted scanner');
    await page.getByLabel('Track serial numbers').check();
    await page.getByLabel('Sale warranty (months)').fill('12.5');
    await page.getByLabel('Purchase warranty (months)').fill('-1');
    await page.getByRole('button', { name: 'Save item' }).click();
    await expect(page.getByLabel('Sale warranty (months)')).toHaveAccessibleDescription(
      'Sale warranty must be a whole number of months, such as 12.',
    );
    await expect(page.getByLabel('Purchase warranty (months)')).toHaveAccessibleDescription(
      'Purchase warranty cannot be negative.',
    );
    await page.getByLabel('Sale warranty (months)').fill('24');
    await page.getByLabel('Purchase warranty (months)').fill('12');
    await page.getByRole('button', { name: 'Save item' }).click();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(page.getByRole('heading', { name: `${code} · Warranted scanner` })).toBeVisible();
    await expect(fact(details, 'Sale warranty')).toHaveText('24 months');
    await expect(fact(details, 'Purchase warranty')).toHaveText('12 months');
  });

  test('the serial is received from the supplier and sold to a customer', async ({ page }) => {
    await signIn(page, 'warehouse');
    await startDocument(page, '/goods-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
    await addItem(page, code, 1, '1');
    let dialog = await typeSerials(page, 1, [serial]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    receipt = await saveDocument(page, 'Goods receipt');

    await startDocument(page, '/goods-issues', 'Customer', 'CUS-BETA · Beta Retail a.s.');
    await addItem(page, code, 1, '1');
    dialog = await typeSerials(page, 1, [serial]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    issue = await saveDocument(page, 'Goods issue');
  });

  test('typed, scanned or read off a label with look-alike letters, it shows the customer, documents and warranty ends', async ({
    page,
  }) => {
    await signIn(page, 'warehouse');
    await page.goto('/');
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Look up a serial' }).tap();
    await expect(page.getByRole('heading', { name: 'Look up a serial' })).toBeVisible();
    const box = page.getByLabel('Serial number to look up');

    // Typed key by key, in lower case, then Enter.
    await box.pressSequentially(serial.toLowerCase());
    await box.press('Enter');
    const card = page.getByRole('region', { name: `${serial} · ${code}` });
    await expect(card).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `is serial ${serial} of ${code}` })).toBeVisible();
    await expect(fact(card, 'Where now')).toHaveText('Sold to CUS-BETA · Beta Retail a.s.');
    const purchased = fact(card, 'Purchased');
    await expect(purchased.getByRole('link', { name: receipt })).toBeVisible();
    const wentOut = fact(card, 'Went out');
    await expect(wentOut.getByRole('link', { name: issue })).toBeVisible();
    await expect(wentOut).toContainText('to CUS-BETA · Beta Retail a.s.');
    // Both documents are dated today (the forms' default); the ends are that date plus 12 and 24 months.
    const received = /of (\d{4}-\d{2}-\d{2})/.exec((await purchased.textContent()) ?? '')![1];
    const sold = /of (\d{4}-\d{2}-\d{2})/.exec((await wentOut.textContent()) ?? '')![1];
    await expect(fact(card, 'Purchase warranty')).toContainText(`Until ${addMonths(received, 12)}`);
    await expect(fact(card, 'Purchase warranty')).toContainText('Under warranty');
    await expect(fact(card, 'Sale warranty')).toContainText(`Until ${addMonths(sold, 24)}`);
    await expect(fact(card, 'Sale warranty')).toContainText(`24 months from ${sold}`);
    await noSidewaysScroll(page);

    // A USB scanner types the whole code at once and presses Enter; the box keeps the focus for the next scan.
    await expect(box).toBeFocused();
    await box.fill('NO-SUCH-SERIAL-0');
    await box.press('Enter');
    await expect(page.getByText('No serial number reads as “NO-SUCH-SERIAL-0”')).toBeVisible();
    await expect(box).toBeFocused();
    // A zero-width space and full-width letters: what a person reads as the serial.
    await box.fill(`\u200b${serial.replace(/[A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))}`);
    await box.press('Enter');
    await expect(fact(page.getByRole('region', { name: `${serial} · ${code}` }), 'Where now')).toHaveText(
      'Sold to CUS-BETA · Beta Retail a.s.',
    );

    // The serial's own page shows the same facts, and the documents open from there.
    await page.getByRole('link', { name: 'Full history' }).tap();
    await expect(page.getByRole('heading', { name: `Serial ${serial}` })).toBeVisible();
    const now = page.getByRole('region', { name: 'Now' });
    await expect(fact(now, 'Where now')).toHaveText('Sold to CUS-BETA · Beta Retail a.s.');
    await expect(fact(now, 'Sale warranty')).toContainText(`Until ${addMonths(sold, 24)}`);
    await noSidewaysScroll(page);
    await fact(now, 'Went out').getByRole('link', { name: issue }).tap();
    await expect(page.getByRole('heading', { name: `Goods issue ${issue}` })).toBeVisible();
  });
});
