import { expect, test, type Locator, type Page } from '@playwright/test';
import { pickPartner, signIn, uniqueCode } from './helpers';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, hasTouch: true });

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not rendered');
  return found;
}

/** Entirely on the screen as it is, without scrolling sideways. */
async function expectOnScreen(locator: Locator) {
  const { x, y, width, height } = await box(locator);
  expect(x).toBeGreaterThanOrEqual(0);
  expect(x + width).toBeLessThanOrEqual(PHONE.width);
  expect(y).toBeGreaterThanOrEqual(0);
  expect(y + height).toBeLessThanOrEqual(PHONE.height);
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('the receipt journey on a 390×844 phone: line cards, the serial form at the thumb, saved', async ({ page }) => {
  const serials = [`${uniqueCode('PH')}-1`, `${uniqueCode('PH')}-2`];
  await signIn(page, 'warehouse');
  await page.goto('/goods-receipts/new');
  await pickPartner(page, 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
  await page.getByLabel('Add item by code or EAN').fill('PHN-X1');
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByLabel('Add item by code or EAN').fill('CBL-HDMI');
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByLabel('Quantity, line 1', { exact: true }).fill('2');

  // Each line is a card: item, quantity, and the Serials button with its count, seen together.
  const card = page.getByRole('listitem', { name: 'Line 1' });
  await card.scrollIntoViewIfNeeded();
  const serialsButton = card.getByRole('button', { name: 'Serial numbers for line 1' });
  await expect(serialsButton).toHaveText('Serials 0 / 2');
  for (const part of [
    card.getByText('PHN-X1', { exact: true }),
    card.getByLabel('Quantity, line 1', { exact: true }),
    serialsButton,
  ]) {
    await expectOnScreen(part);
  }
  expect((await box(serialsButton)).height).toBeLessThanOrEqual(44); // one line
  await noSidewaysScroll(page);

  await serialsButton.tap();
  const dialog = page.getByRole('dialog');
  const scanBox = dialog.getByLabel('Scan or type a serial number');
  const camera = dialog.getByRole('button', { name: 'Scan with camera' });
  await expect(scanBox).toBeFocused();
  // Within the thumb's reach: the lower half of the screen.
  for (const control of [scanBox, camera]) {
    await expectOnScreen(control);
    expect((await box(control)).y).toBeGreaterThan(PHONE.height / 2);
  }
  for (const serial of serials) {
    await scanBox.fill(serial);
    await scanBox.press('Enter');
  }
  await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('2 / 2');
  expect((await box(scanBox)).y).toBeGreaterThan(PHONE.height / 2);
  await dialog.getByRole('button', { name: 'Done' }).tap();
  await expect(serialsButton).toHaveText('Serials 2 / 2');
  await noSidewaysScroll(page);

  await page.getByRole('button', { name: 'Save goods receipt' }).tap();
  await expect(page.getByRole('heading', { name: /^Goods receipt GR-/ })).toBeVisible();
  for (const serial of serials) await expect(page.getByRole('link', { name: serial })).toBeVisible();
  await noSidewaysScroll(page);
});

test('on a phone the list filters fold behind a button, so the list starts on the first screen', async ({ page }) => {
  await signIn(page, 'warehouse');
  await page.goto('/serial-numbers');
  await expect(page.getByLabel('Search serial numbers')).toBeVisible();
  await expect(page.getByLabel('Item code')).toBeHidden();
  // The table itself scrolls sideways inside its frame; its first rows are on the first screen.
  expect((await box(page.getByRole('table', { name: 'Serial numbers' }).getByRole('row').nth(1))).y).toBeLessThan(
    PHONE.height - 60,
  );
  const filters = page.getByRole('button', { name: 'Filters' });
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await filters.tap();
  await expect(page.getByLabel('Item code')).toBeVisible();
  await page.getByLabel('Item code').fill('PHN-X1');
  await expect(page).toHaveURL(/item=PHN-X1/);
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
  await noSidewaysScroll(page);
});
