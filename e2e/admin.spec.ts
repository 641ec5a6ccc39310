import { expect, test } from '@playwright/test';
import { signIn, signInAs } from './helpers';

test('admin creates a user who can then sign in with the role given', async ({ page, browser }) => {
  const email = `clerk${Date.now()}@example.com`;
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Name').fill('Clara Clerk');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('warehouse');
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText('The password needs at least 8 characters.')).toBeVisible();
  await form.getByLabel('Initial password').fill('clerk-password-1');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText(`User ${email} created.`)).toBeVisible();
  await expect(page.getByRole('group', { name: `User ${email}` })).toBeVisible();

  const other = await browser.newPage();
  await signInAs(other, email, 'clerk-password-1');
  await expect(other.getByTestId('current-user')).toHaveText('Clara Clerk');
  await other.close();
});

test('a deactivated user can no longer sign in', async ({ page, browser }) => {
  const email = `leaver${Date.now()}@example.com`;
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Name').fill('Leo Leaver');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Initial password').fill('leaver-password');
  await form.getByRole('button', { name: 'Create user' }).click();
  const row = page.getByRole('group', { name: `User ${email}` });
  await row.getByRole('button', { name: `Deactivate ${email}` }).click();
  const dialog = page.getByRole('dialog', { name: `Deactivate ${email}?` });
  await expect(dialog).toContainText(
    'Leo Leaver is signed out at once and can no longer sign in. They have created no API keys.',
  );
  await dialog.getByRole('button', { name: 'Deactivate user' }).click();
  await expect(row.getByText('Deactivated', { exact: true })).toBeVisible();
  const other = await browser.newPage();
  await signInAs(other, email, 'leaver-password');
  await expect(
    other.getByRole('alert').filter({ hasText: 'The email or password is wrong, or the account is deactivated.' }),
  ).toBeVisible();
  await other.close();
});

test('API keys: a valid key is accepted, a revoked or missing key gets 401', async ({ page, request }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/api-keys');
  const form = page.getByRole('form', { name: 'New API key' });
  await form.getByLabel('Key name').fill('ERP connector');
  await form.getByLabel('Key role').selectOption('admin');
  await form.getByRole('button', { name: 'Create API key' }).click();
  const key = await page.getByRole('textbox', { name: 'New API key' }).inputValue();
  expect(key).toMatch(/^ssk_/);

  for (const scheme of ['Bearer', 'Zoho-oauthtoken']) {
    const ok = await request.get('/crm/v8/users?type=CurrentUser', { headers: { Authorization: `${scheme} ${key}` } });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).users[0]).toMatchObject({
      email: 'admin@example.com',
      id: expect.stringMatching(/^\d+$/),
    });
  }
  const missing = await request.get('/crm/v8/users?type=CurrentUser');
  expect(missing.status()).toBe(401);
  expect(await missing.json()).toMatchObject({ status: 'error', code: 'INVALID_TOKEN' });

  await page.reload();
  await page.getByRole('button', { name: 'Revoke ERP connector' }).first().click();
  await page.getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText(/^Revoked \d{4}-/).first()).toBeVisible();
  const revoked = await request.get('/crm/v8/users?type=CurrentUser', { headers: { Authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toMatchObject({ status: 'error', code: 'INVALID_TOKEN' });
});
