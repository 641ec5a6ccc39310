import { expect, test, type Page } from '@playwright/test';
import { pickPartner, signIn, uniqueCode } from './helpers';

/*
 * Serials are entered in two places that open the same form: the line's Serials button and the line's
 * detail view (and, from the price list, "Receive serials" / "Issue serials" open the detail view of a new
 * document's line). What one entry point adds, the other shows; both save with the document.
 */
const KINDS = [
  {
    label: 'Goods receipt',
    path: '/goods-receipts',
    partner: ['Supplier', 'SUP-ACME · Acme Components s.r.o.'],
    heading: /^Goods receipt GR-/,
  },
  {
    label: 'Goods issue',
    path: '/goods-issues',
    partner: ['Customer', 'CUS-BETA · Beta Retail a.s.'],
    heading: /^Goods issue GI-/,
  },
  {
    label: 'Purchase invoice',
    path: '/purchase-invoices',
    partner: ['Supplier', 'SUP-ACME · Acme Components s.r.o.'],
    heading: /^Purchase invoice PI-/,
  },
  {
    label: 'Sales invoice',
    path: '/sales-invoices',
    partner: ['Customer', 'CUS-BETA · Beta Retail a.s.'],
    heading: /^Sales invoice SI-/,
  },
] as const;

async function scan(page: Page, serials: string[]) {
  const dialog = page.getByRole('dialog');
  for (const serial of serials) {
    await dialog.getByLabel('Scan or type a serial number').fill(serial);
    await dialog.getByLabel('Scan or type a serial number').press('Enter');
  }
}

test.describe.configure({ mode: 'serial' });

test.describe('both entry points on every document kind', () => {
  const base = uniqueCode('EP');
  // Receipts bring in what the issue of the same pair takes out.
  const serialsOf = {
    'Goods receipt': ['G1', 'G2'],
    'Goods issue': ['G1', 'G2'],
    'Purchase invoice': ['P1', 'P2'],
    'Sales invoice': ['P1', 'P2'],
  };

  for (const kind of KINDS) {
    test(`${kind.label}: the line's Serials button and the line's detail view are one serial form`, async ({
      page,
    }) => {
      const [first, second] = serialsOf[kind.label].map((s) => `${base}-${s}`);
      await signIn(page, 'admin');
      await page.goto(`${kind.path}/new`);
      await pickPartner(page, kind.partner[0], kind.partner[1]);
      await page.getByLabel('Warehouse', { exact: true }).selectOption({ label: 'MAIN · Main warehouse' });
      await page.getByLabel('Add item by code or EAN').fill('PHN-X2');
      await page.getByLabel('Add item by code or EAN').press('Enter');
      await page.getByLabel('Quantity, line 1', { exact: true }).fill('2');

      await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
      await scan(page, [first]);
      await expect(page.getByRole('dialog').getByRole('status', { name: 'Serial numbers entered' })).toHaveText(
        '1 / 2',
      );
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

      await page.getByRole('button', { name: 'Details of line 1' }).click();
      const detail = page.getByRole('dialog', { name: /^Line 1 — PHN-X2 · Smartphone X2 256 GB$/ });
      await expect(detail.getByLabel('Quantity', { exact: true })).toHaveValue('2');
      // What an issue can take: the receipt of the same pair brought serials into MAIN.
      await expect(detail.getByRole('region', { name: 'Stock of the item' })).toContainText(
        kind.label.startsWith('Goods issue') || kind.label.startsWith('Sales')
          ? /MAIN · Main warehouse: \d+ pcs \(this document’s warehouse\)/
          : /Stock of the item(None|MAIN)/,
      );
      await expect(detail.getByRole('list', { name: 'Entered serial numbers' })).toContainText(first);
      await expect(detail.getByLabel('Scan or type a serial number')).toBeFocused();
      await scan(page, [second]);
      await expect(detail.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('2 / 2');
      await detail.getByRole('button', { name: 'Done' }).click();

      // The line's button shows what the detail view added: it is the same list.
      await expect(page.getByRole('button', { name: 'Serial numbers for line 1' })).toHaveText('Serials 2 / 2');
      await page.getByRole('button', { name: `Save ${kind.label.toLowerCase()}` }).click();
      await expect(page.getByRole('heading', { name: kind.heading })).toBeVisible();
      // An invoice shows the serials of the goods document it created.
      await expect(page.getByRole('list', { name: 'Serial numbers of line 1' })).toContainText(first);
      await expect(page.getByRole('list', { name: 'Serial numbers of line 1' })).toContainText(second);
    });
  }
});

test('from the item page, "Receive serials" and "Issue serials" start a document with the item and its serial form open', async ({
  page,
}) => {
  const serials = [`${uniqueCode('ITM')}-1`, `${uniqueCode('ITM')}-2`];
  await signIn(page, 'warehouse');
  await page.goto('/items?q=TAB-10');
  await page.getByRole('link', { name: 'TAB-10', exact: true }).click();
  await page.getByRole('link', { name: 'Receive serials' }).click();
  await expect(page).toHaveURL(/\/goods-receipts\/new\?item=\d+$/);
  const receive = page.getByRole('dialog', { name: /^Line 1 — TAB-10 · Tablet 10"$/ });
  await expect(receive.getByLabel('Scan or type a serial number')).toBeFocused();
  await scan(page, serials);
  await receive.getByLabel('Quantity', { exact: true }).fill('2');
  await expect(receive.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('2 / 2');
  await receive.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('Quantity, line 1', { exact: true })).toHaveValue('2');
  await pickPartner(page, 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
  await page.getByRole('button', { name: 'Save goods receipt' }).click();
  await expect(page.getByRole('heading', { name: /^Goods receipt GR-/ })).toBeVisible();

  await page.goto('/items?q=TAB-10');
  await page.getByRole('link', { name: 'TAB-10', exact: true }).click();
  await page.getByRole('link', { name: 'Issue serials' }).click();
  await expect(page).toHaveURL(/\/goods-issues\/new\?item=\d+$/);
  const issue = page.getByRole('dialog', { name: /^Line 1 — TAB-10 · Tablet 10"$/ });
  await issue.getByRole('button', { name: 'Pick from stock' }).click();
  await issue.getByLabel('Search serials in stock').fill(serials[0].slice(4));
  await issue.getByLabel(serials[0], { exact: true }).check();
  await expect(issue.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('1 / 1');
  await issue.getByRole('button', { name: 'Done' }).click();
  await pickPartner(page, 'Customer', 'CUS-BETA · Beta Retail a.s.');
  await page.getByRole('button', { name: 'Save goods issue' }).click();
  await expect(page.getByRole('heading', { name: /^Goods issue GI-/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Serial numbers of line 1' })).toContainText(serials[0]);
});
