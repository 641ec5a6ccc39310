import { expect, test, type Page } from '@playwright/test';
import { pickPartner, signIn } from './helpers';

const NORD = 'SUP-NORD · Nordic Devices AB';
const ACME = 'SUP-ACME · Acme Components s.r.o.';

const partnerStatus = (page: Page) => page.getByRole('status').filter({ hasText: /partner/ });
const partnerOptions = (page: Page) => page.getByRole('listbox', { name: 'Matching partners' }).getByRole('option');

/** A line of an item without serials: enough for a document the core accepts. */
async function addCable(page: Page) {
  await page.getByLabel('Add item by code or EAN').fill('CBL-HDMI');
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await expect(page.getByLabel('Quantity, line 1', { exact: true })).toBeVisible();
}

/** Adds the line and saves the receipt; returns its number. */
async function saveReceipt(page: Page): Promise<string> {
  await addCable(page);
  await page.getByRole('button', { name: 'Save goods receipt' }).click();
  const heading = page.getByRole('heading', { name: /^Goods receipt GR-/ });
  await expect(heading).toBeVisible();
  return ((await heading.textContent()) ?? '').replace('Goods receipt ', '');
}

test.describe.configure({ mode: 'serial' });

test.describe('partners are found by typing, not scrolled to', () => {
  let nordReceipt = '';

  test('a receipt form takes its supplier from the keyboard alone', async ({ page }) => {
    await signIn(page, 'warehouse');
    await page.goto('/goods-receipts/new');
    const supplier = page.getByRole('combobox', { name: 'Supplier' });
    await expect(supplier).toHaveAttribute('aria-expanded', 'false');
    await supplier.focus();
    await page.keyboard.type('nordic');
    await expect(supplier).toHaveAttribute('aria-expanded', 'true');
    await expect(partnerStatus(page)).toHaveText('1 partner found.');
    await page.keyboard.press('ArrowDown');
    const option = partnerOptions(page).filter({ hasText: NORD });
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await expect(supplier).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
    await page.keyboard.press('Enter');
    await expect(supplier).toHaveValue(NORD);
    await expect(supplier).toHaveAttribute('aria-expanded', 'false');
    await expect(page).toHaveURL(/\/goods-receipts\/new$/); // Enter picked the supplier; it did not submit the form

    // Escape drops a search that found nothing and shows the chosen supplier again.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('nobody-%');
    await expect(partnerStatus(page)).toHaveText('No partner matches “nobody-%”.');
    await page.keyboard.press('Escape');
    await expect(supplier).toHaveValue(NORD);

    nordReceipt = await saveReceipt(page);
    await expect(page.getByText(NORD)).toBeVisible();
  });

  test('an invoice without its supplier is refused on the supplier box, which offers no "None"', async ({ page }) => {
    await signIn(page, 'accountant');
    await page.goto('/purchase-invoices/new');
    await addCable(page);
    await page.getByRole('button', { name: 'Save purchase invoice' }).click();
    const supplier = page.getByRole('combobox', { name: 'Supplier' });
    await expect(supplier).toHaveAttribute('aria-invalid', 'true');
    await expect(supplier).toHaveAccessibleDescription('Choose the supplier.');
    await supplier.focus();
    await page.keyboard.press('ArrowDown');
    await expect(partnerOptions(page).first()).toBeVisible();
    await expect(partnerOptions(page).filter({ hasText: 'None' })).toHaveCount(0);
  });

  test('a receipt list filters by supplier from the keyboard, keeps it on reload and clears it with "All"', async ({
    page,
  }) => {
    await signIn(page, 'warehouse');
    await page.goto('/goods-receipts/new');
    await pickPartner(page, 'Supplier', ACME);
    const acmeReceipt = await saveReceipt(page);

    await page.goto('/goods-receipts');
    const supplier = page.getByRole('combobox', { name: 'Supplier' });
    await supplier.focus();
    await page.keyboard.type('nord');
    await expect(partnerStatus(page)).toHaveText('1 partner found.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]partner=\d+/);
    await expect(page.getByRole('link', { name: nordReceipt })).toBeVisible();
    await expect(page.getByRole('link', { name: acmeReceipt })).toHaveCount(0);
    await expect(page.getByRole('cell', { name: 'Acme Components s.r.o.' })).toHaveCount(0);

    await page.reload();
    await expect(supplier).toHaveValue(NORD);
    await expect(page.getByRole('link', { name: nordReceipt })).toBeVisible();

    await supplier.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('ArrowDown');
    await expect(partnerOptions(page).first()).toHaveText('All');
    await expect(partnerOptions(page).first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/partner=/);
    await expect(page.getByRole('link', { name: acmeReceipt })).toBeVisible();
    await expect(supplier).toHaveValue('');

    // A link naming a partner that is gone still filters; the box says so instead of showing "All".
    await page.goto('/goods-receipts?partner=999999999');
    await expect(supplier).toHaveValue('Unknown partner');
    await expect(page.getByRole('link', { name: acmeReceipt })).toHaveCount(0);
  });
});
