import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';
import { addItem, saveDocument, typeSerials } from './document-steps';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, hasTouch: true });

async function phoneAs(browser: Browser, role: 'admin' | 'warehouse') {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, role);
  return { context, page };
}

async function scan(page: Page, serial: string) {
  const box = page.getByLabel('Scan or type a serial number');
  await box.fill(serial);
  await box.press('Enter');
}

const lastScan = (page: Page) => page.getByRole('status', { name: 'Last scan' });
/** The figure under a label of the count's totals. */
const total = (page: Page, label: string) =>
  page.locator(`xpath=//dl[@aria-label="Count totals"]//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);

test('two phones count the same warehouse at once, then the count is closed into a receipt and an issue', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const code = uniqueCode('STW');
  const prefix = uniqueCode('STS');
  const serials = [1, 2, 3, 4].map((n) => `${prefix}-${n}`);
  const unknown = `${prefix}-NEW`;
  const a = await phoneAs(browser, 'admin');
  const b = await phoneAs(browser, 'warehouse');

  // A warehouse of its own, holding four serials.
  await a.page.goto('/warehouses');
  const form = a.page.getByRole('form', { name: 'New warehouse' });
  await form.getByLabel('Code').fill(code);
  await form.getByLabel('Name').fill('Count room');
  await form.getByRole('button').click();
  await expect(a.page.getByRole('cell', { name: code, exact: true })).toBeVisible();
  await a.page.goto('/goods-receipts/new');
  await a.page.getByLabel('Warehouse', { exact: true }).selectOption({ label: `${code} · Count room` });
  await addItem(a.page, 'PHN-X1', 1, '4');
  const dialog = await typeSerials(a.page, 1, serials);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await saveDocument(a.page, 'Goods receipt');

  // The count is opened on one phone and scanned on both.
  await a.page.goto('/stocktakes');
  await a.page.getByRole('link', { name: 'New stocktake' }).click();
  await a.page.getByLabel('Warehouse').selectOption({ label: `${code} — Count room` });
  await a.page.getByRole('button', { name: 'Open stocktake' }).click();
  const heading = a.page.getByRole('heading', { name: /^Stocktake ST-\d{4}-\d{5}$/ });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace('Stocktake ', '');
  const url = a.page.url();
  await b.page.goto(url);

  await scan(a.page, serials[0]);
  await expect(lastScan(a.page)).toHaveText(`${serials[0]}: found, in stock here.`);
  await scan(a.page, serials[1]);
  await expect(lastScan(a.page)).toHaveText(`${serials[1]}: found, in stock here.`);
  await scan(b.page, serials[1].toLowerCase());
  await expect(lastScan(b.page)).toContainText('was already scanned by Ada Admin');
  await scan(b.page, serials[2]);
  await expect(lastScan(b.page)).toHaveText(`${serials[2]}: found, in stock here.`);
  await scan(b.page, unknown);
  await expect(lastScan(b.page)).toHaveText(`${unknown} is not a known serial: choose its item to record it as found.`);
  await b.page.getByLabel('Item of an unknown serial').selectOption({ label: 'PHN-X1 — Smartphone X1 128 GB' });
  await scan(b.page, unknown);
  await expect(lastScan(b.page)).toHaveText(`${unknown}: unknown serial; closing receives it as new.`);

  // The other phone sees the totals move without scanning (the poll), and the missing serial on its list.
  await expect(total(a.page, 'Found')).toHaveText('3');
  await expect(total(a.page, 'Missing')).toHaveText('1');
  await expect(total(a.page, 'Unknown')).toHaveText('1');
  await expect(a.page.getByRole('region', { name: 'Latest scans' })).toContainText(unknown);
  await a.page.getByRole('link', { name: 'Refresh the lists' }).click();
  await expect(a.page.getByRole('region', { name: 'Missing serials' })).toContainText(serials[3]);
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // Closing: the confirmation lists the differences, then posts them.
  await a.page.getByRole('link', { name: 'Close count…' }).click();
  await expect(a.page.getByRole('region', { name: 'Differences to post' })).toContainText(
    'Goods issue: 1 missing serials leave the stock',
  );
  await expect(a.page.getByRole('region', { name: 'Unknown serials to receive' })).toContainText(unknown);
  await a.page.getByLabel('Reason').fill('Quarterly count');
  await a.page.getByRole('button', { name: 'Post adjustments and close' }).click();
  await expect(a.page.getByText('Closed and read-only.')).toBeVisible();
  await expect(a.page.getByLabel('Scan or type a serial number')).toHaveCount(0);

  // The scanning phone learns the count is closed; the missing serial's history names the count.
  await b.page.reload();
  await expect(b.page.getByText('Closed and read-only.')).toBeVisible();
  await a.page.getByRole('link', { name: /^GI-\d{4}-\d{5}$/ }).click();
  await a.page.getByRole('link', { name: serials[3], exact: true }).click();
  await expect(a.page.getByRole('row').filter({ hasText: 'Missing at count' })).toContainText(number);
  await a.context.close();
  await b.context.close();
});

test('a new count is limited to items found by search (the page ships no item list)', async ({ page }) => {
  await signIn(page, 'warehouse');
  await page.goto('/stocktakes/new');
  await expect(page.getByText('None chosen: every item of the warehouse is counted.')).toBeVisible();
  await page.getByRole('button', { name: 'Choose item…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose an item' });
  await dialog.getByLabel('Find item by code or name').fill('PHN-X1');
  await dialog.getByRole('button', { name: 'Add PHN-X1' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const chosen = page.getByRole('list', { name: 'Items to count' });
  await expect(chosen).toContainText('PHN-X1 — Smartphone X1 128 GB');
  await expect(page.getByText('Only these items are counted.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove PHN-X1' }).click();
  await expect(chosen).toHaveCount(0);
});
