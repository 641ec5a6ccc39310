import { expect, type Page } from '@playwright/test';
import { pickPartner } from './helpers';

/** The steps of filling a document form the way a user does, shared by the document specs. */
export async function startDocument(page: Page, path: string, partnerLabel: string, partner: string) {
  await page.goto(`${path}/new`);
  await pickPartner(page, partnerLabel, partner);
  await page.getByLabel('Warehouse', { exact: true }).selectOption({ label: 'MAIN · Main warehouse' });
}

export async function addItem(page: Page, code: string, line: number, quantity: string) {
  await page.getByLabel('Add item by code or EAN').fill(code);
  await page.getByLabel('Add item by code or EAN').press('Enter');
  await page.getByLabel(`Quantity, line ${line}`, { exact: true }).fill(quantity);
}

/** Types serials into a line's serial form, each with Enter, and leaves the form open. */
export async function typeSerials(page: Page, line: number, serials: string[]) {
  await page.getByRole('button', { name: `Serial numbers for line ${line}` }).click();
  const dialog = page.getByRole('dialog');
  const scan = dialog.getByLabel('Scan or type a serial number');
  for (const serial of serials) {
    await scan.fill(serial);
    await scan.press('Enter');
  }
  return dialog;
}

/** Saves the form and gives the saved document's number from its page heading. */
export async function saveDocument(page: Page, label: string): Promise<string> {
  await page.getByRole('button', { name: `Save ${label.toLowerCase()}` }).click();
  const heading = page.getByRole('heading', { name: new RegExp(`^${label} [A-Z]+-\\d{4}-\\d{5}$`) });
  await expect(heading).toBeVisible();
  return ((await heading.textContent()) ?? '').replace(`${label} `, '');
}

/** A goods receipt of PHN-X1 with these serials (as the warehouse user, signed in on `page`). */
export async function receiveSerials(page: Page, serials: string[], extra: { externalNumber?: string } = {}) {
  await startDocument(page, '/goods-receipts', 'Supplier', 'SUP-ACME · Acme Components s.r.o.');
  if (extra.externalNumber) await page.getByLabel('External number').fill(extra.externalNumber);
  await addItem(page, 'PHN-X1', 1, String(serials.length));
  const dialog = await typeSerials(page, 1, serials);
  await dialog.getByRole('button', { name: 'Done' }).click();
  return { number: await saveDocument(page, 'Goods receipt'), url: page.url() };
}

/** A goods issue of PHN-X1 taking these serials. */
export async function issueSerials(page: Page, serials: string[]) {
  await startDocument(page, '/goods-issues', 'Customer', 'CUS-BETA · Beta Retail a.s.');
  await addItem(page, 'PHN-X1', 1, String(serials.length));
  const dialog = await typeSerials(page, 1, serials);
  await dialog.getByRole('button', { name: 'Done' }).click();
  return { number: await saveDocument(page, 'Goods issue'), url: page.url() };
}
