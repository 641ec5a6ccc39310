import { expect, type Page } from '@playwright/test';

export const USERS = {
  admin: { email: 'admin@example.com', password: 'admin1234', name: 'Ada Admin' },
  accountant: { email: 'accountant@example.com', password: 'accountant1234', name: 'Alice Accountant' },
  warehouse: { email: 'warehouse@example.com', password: 'warehouse1234', name: 'Walter Warehouse' },
} as const;

export async function signIn(page: Page, role: keyof typeof USERS) {
  await signInAs(page, USERS[role].email, USERS[role].password);
  await expect(page.getByTestId('current-user')).toHaveText(USERS[role].name);
}

export async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A code nobody else in the run uses, so specs do not depend on each other's data. */
export function uniqueCode(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();
}

/** Chooses a partner in a partner combobox the way a user does: types its code, then clicks it in the list. */
export async function pickPartner(page: Page, label: string, partner: string) {
  const combobox = page.getByRole('combobox', { name: label });
  await combobox.fill(partner.split(' · ')[0]);
  await page.getByRole('listbox', { name: 'Matching partners' }).getByRole('option', { name: partner }).click();
  await expect(combobox).toHaveValue(partner);
}

/** Creates a user on the users page, as the signed-in admin. */
export async function createUserAsAdmin(
  page: Page,
  user: { name: string; email: string; role: string; password: string },
) {
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Name').fill(user.name);
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Role').selectOption(user.role);
  await form.getByLabel('Initial password').fill(user.password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText(`User ${user.email} created.`)).toBeVisible();
}
