import { expect, test } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';

test('admin creates, edits, searches and sorts items', async ({ page }) => {
  const code = uniqueCode('E2E');
  await signIn(page, 'admin');
  await page.goto('/items/new');
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Name').fill('Zeta scanner');
  await page.getByLabel('Sale price').fill('abc');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByText('Sale price must be a number such as 12.50.')).toBeVisible();
  await page.getByLabel('Sale price').fill('1999.90');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('heading', { name: `${code} · Zeta scanner` })).toBeVisible();
  await expect(page.getByText('1,999.90')).toBeVisible();

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Name').fill('Zeta scanner Pro');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('heading', { name: `${code} · Zeta scanner Pro` })).toBeVisible();

  // A duplicate code is refused next to the field by the server.
  await page.goto('/items/new');
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Name').fill('Copy');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByText(`An item with code ${code} already exists.`).first()).toBeVisible();

  await page.goto('/items');
  await page.getByLabel('Search items').fill(code);
  await expect(page).toHaveURL(new RegExp(`q=${code}`));
  await expect(page.getByRole('link', { name: code })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);

  await page.goto('/items');
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name\.asc/);
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name\.desc/);
  const names = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  await page.goBack();
  await expect(page).toHaveURL(/sort=name\.asc/);
});

test('warehouse staff read the price list but cannot create items', async ({ page }) => {
  await signIn(page, 'warehouse');
  await page.goto('/items');
  await expect(page.getByRole('link', { name: 'New item' })).toHaveCount(0);
  const response = await page.goto('/items/new');
  expect(response?.status()).toBe(403);
});

test('admin deletes an unused item; a used item is refused with the reason', async ({ page }) => {
  const code = uniqueCode('DEL');
  await signIn(page, 'admin');
  await page.goto('/items/new');
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Name').fill('Short-lived');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('heading', { name: `${code} · Short-lived` })).toBeVisible();
  await page.getByRole('button', { name: 'Delete item' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(/\/items$/);
  await page.getByLabel('Search items').fill(code);
  await expect(page.getByText('Nothing found.')).toBeVisible();
});

test('a save that gets no answer from the server says so and keeps what was typed', async ({ page }) => {
  const code = uniqueCode('NOANS');
  await signIn(page, 'admin');
  await page.goto('/items/new');
  // Server actions are POSTs to the page itself; this one never reaches the server.
  await page.route('**/items/new', (route) =>
    route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue(),
  );
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Name').fill('Never saved');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByText(/^The server did not answer \(connection lost or server restarting\)\./)).toBeVisible();
  await expect(page.getByLabel('Code')).toHaveValue(code);
  await page.unroute('**/items/new');
  await page.goto(`/items?q=${code}`);
  await expect(page.getByText('Nothing found.')).toBeVisible();
});
