import { expect, test, type Page } from '@playwright/test';
import { pickPartner, signIn, uniqueCode } from './helpers';

const staleAlert = (page: Page, who: string) =>
  page.getByRole('alert').filter({
    hasText: new RegExp(`Changed by ${who} at \\d{2}:\\d{2} after you opened it; reload to see the changes\\.`),
  });

/*
 * Two tabs open the same edit form. The first saves; the second, still showing what it loaded, is refused
 * with who changed the record and when, and its Reload button brings the current data into the form.
 */
test('an item saved in another tab: the stale tab is refused, reloads and saves', async ({ page, context }) => {
  const code = uniqueCode('STALE');
  await signIn(page, 'admin');
  await page.goto('/items/new');
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Name').fill('Before');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('heading', { name: `${code} · Before` })).toBeVisible();
  const editUrl = `${new URL(page.url()).pathname}/edit`;

  const other = await context.newPage();
  await other.goto(editUrl);
  await page.goto(editUrl);
  await page.getByLabel('Name').fill('Saved first');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('heading', { name: `${code} · Saved first` })).toBeVisible();

  await other.getByLabel('Sale price').fill('77');
  await other.getByRole('button', { name: 'Save item' }).click();
  await expect(staleAlert(other, 'Ada Admin')).toBeVisible();
  await other.getByRole('button', { name: 'Reload' }).click();
  await expect(other.getByLabel('Name')).toHaveValue('Saved first');
  await expect(staleAlert(other, 'Ada Admin')).toHaveCount(0);
  await other.getByLabel('Sale price').fill('77');
  await other.getByRole('button', { name: 'Save item' }).click();
  await expect(other.getByRole('heading', { name: `${code} · Saved first` })).toBeVisible();
  await expect(other.getByText('77.00')).toBeVisible();
});

test('a goods receipt changed by another user: the stale form is refused, reloads and saves', async ({
  page,
  browser,
}) => {
  await signIn(page, 'warehouse');
  await page.goto('/goods-receipts/new');
  await pickPartner(page, 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
  await page.getByLabel('Warehouse', { exact: true }).selectOption({ label: 'MAIN · Main warehouse' });
  await page.getByLabel('Add item by code or EAN').fill('CBL-HDMI');
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByLabel('Quantity, line 1', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Save goods receipt' }).click();
  const heading = page.getByRole('heading', { name: /^Goods receipt GR-/ });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace('Goods receipt ', '');
  const editUrl = `${new URL(page.url()).pathname}/edit`;

  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin');
    await admin.goto(editUrl);
    await page.goto(editUrl);
    await page.getByLabel('Note').fill('Counted twice');
    await page.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(page.getByRole('heading', { name: `Goods receipt ${number}` })).toBeVisible();

    await admin.getByLabel('Quantity, line 1', { exact: true }).fill('5');
    await admin.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(staleAlert(admin, 'Walter Warehouse')).toBeVisible();
    await admin.getByRole('button', { name: 'Reload' }).click();
    await expect(admin.getByLabel('Note')).toHaveValue('Counted twice');
    await expect(admin.getByLabel('Quantity, line 1', { exact: true })).toHaveValue('3');
    await admin.getByLabel('Quantity, line 1', { exact: true }).fill('5');
    await admin.getByRole('button', { name: 'Save goods receipt' }).click();
    await expect(admin.getByRole('heading', { name: `Goods receipt ${number}` })).toBeVisible();
    await expect(admin.getByRole('region', { name: 'Lines' })).toContainText('5 pcs');
    await expect(admin.getByText('Counted twice')).toBeVisible();
  } finally {
    await adminContext.close();
  }
});

test('a warehouse renamed in another tab: the stale row form is refused, reloads and saves', async ({
  page,
  context,
}) => {
  const code = uniqueCode('WH');
  await signIn(page, 'admin');
  await page.goto('/warehouses');
  const created = page.getByRole('form', { name: 'New warehouse' });
  await created.getByLabel('Code').fill(code);
  await created.getByLabel('Name').fill('Before');
  await created.getByRole('button', { name: 'Add warehouse' }).click();
  await expect(created.getByLabel('Code')).toHaveValue('');
  const listUrl = `/warehouses?q=${code}`;
  await page.goto(listUrl);
  const other = await context.newPage();
  await other.goto(listUrl);

  const row = (p: Page) => p.getByRole('form', { name: `Warehouse ${code}` });
  await row(page).getByLabel('Name').fill('Renamed first');
  await row(page).getByRole('button', { name: 'Save' }).click();
  // Saved: the list shows the new name (the row's Name column, beside its form).
  await expect(page.getByRole('cell', { name: 'Renamed first', exact: true })).toBeVisible();

  await row(other).getByLabel('Name').fill('Renamed second');
  await row(other).getByRole('button', { name: 'Save' }).click();
  await expect(staleAlert(other, 'Ada Admin')).toBeVisible();
  await row(other).getByRole('button', { name: 'Reload' }).click();
  await expect(row(other).getByLabel('Name')).toHaveValue('Renamed first');
  await row(other).getByLabel('Name').fill('Renamed second');
  await row(other).getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('cell', { name: 'Renamed second', exact: true })).toBeVisible();
  await expect(staleAlert(other, 'Ada Admin')).toHaveCount(0);
});
