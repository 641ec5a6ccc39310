import { expect, test } from '@playwright/test';
import { signIn, signInAs, USERS } from './helpers';

test('a stranger is sent to sign in', async ({ page }) => {
  await page.goto('/items');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fitems/);
});

test('after signing in, a stranger comes back to the page asked for, and never to another site', async ({
  page,
  baseURL,
}) => {
  await page.goto('/items?q=Phone');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fitems%3Fq%3DPhone/);
  await page.getByLabel('Email').fill(USERS.warehouse.email);
  await page.getByLabel('Password').fill(USERS.warehouse.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${baseURL}/items?q=Phone`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // '/\\evil.example' starts with one slash, but a browser reads it as //evil.example.
  await page.goto(`/sign-in?next=${encodeURIComponent('/\\evil.example/phish')}`);
  await page.getByLabel('Email').fill(USERS.warehouse.email);
  await page.getByLabel('Password').fill(USERS.warehouse.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(USERS.warehouse.name);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  // Signed in already, the sign-in page sends on at once: to this site too.
  await page.goto(`/sign-in?next=${encodeURIComponent('/\\evil.example/phish')}`);
  await expect(page.getByTestId('current-user')).toHaveText(USERS.warehouse.name);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signInAs(page, USERS.accountant.email, 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'The email or password is wrong' })).toBeVisible();
});

for (const role of ['admin', 'accountant', 'warehouse'] as const) {
  test(`${role} signs in and sees only the agendas of the role`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Price list' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(role === 'admin' ? 1 : 0);
    await expect(nav.getByRole('link', { name: 'Purchase invoices' })).toHaveCount(role === 'warehouse' ? 0 : 1);
    await expect(nav.getByRole('link', { name: 'Goods receipts' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test('a warehouse user is refused on an admin page with a 403', async ({ page }) => {
  await signIn(page, 'warehouse');
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
});

test('the app works on a 390 px phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'warehouse');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Price list' }).click();
  await expect(page.getByRole('heading', { name: 'Price list' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
