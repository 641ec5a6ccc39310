import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { signIn, uniqueCode } from './helpers';

/** Runs `csv` as Goods_Receipts.csv on the import page with `operation`; returns the result file's lines. */
async function importReceipts(page: Page, csv: string, operation: 'insert' | 'update'): Promise<string[]> {
  await page.goto('/import');
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'Goods_Receipts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByLabel('Module')).toHaveValue('Goods_Receipts');
  await page.getByLabel('Operation').selectOption(operation);
  if (operation === 'update') {
    await expect(page.getByLabel('Find existing records by')).toHaveValue('External_Number');
    await expect(page.getByLabel('Operation')).toHaveAccessibleDescription(
      /mapping any line column .* replaces all its lines and serials/,
    );
  }
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download result' }).click();
  const zip = await JSZip.loadAsync(await readFile((await (await download).path())!));
  return (await zip.file(Object.keys(zip.files)[0])!.async('string')).replace(/^\uFEFF/, '').split('\r\n');
}

test('an admin re-imports a corrected goods-receipt file with operation update and sees the receipt changed', async ({
  page,
}) => {
  const number = uniqueCode('DN');
  const serial = uniqueCode('UPD');
  const header = 'Number,Date,Partner,Warehouse,Item,Quantity,Unit_Price,Serial_Numbers,Note';
  const rows = (cables: string, price: string, note: string) =>
    [
      header,
      `${number},2026-02-01,SUP-ACME,MAIN,PHN-X1,1,9800,${serial},${note}`,
      `${number},2026-02-01,SUP-ACME,MAIN,CBL-HDMI,${cables},${price},,${note}`,
    ].join('\r\n');
  await signIn(page, 'admin');

  const first = await importReceipts(page, rows('2', '40', 'As delivered'), 'insert');
  expect(first[1]).toMatch(/,2,ADDED,\d+,,$/);
  const recordId = first[1].split(',').at(-3);

  const corrected = await importReceipts(page, rows('3', '65.50', 'Corrected: one more cable'), 'update');
  await expect(page.getByTestId('count-updated')).toHaveText('2');
  expect(corrected[1]).toContain(`,2,UPDATED,${recordId},,`);
  expect(corrected[2]).toContain(`,3,UPDATED,${recordId},,`);

  await page.goto(`/goods-receipts/${recordId}`);
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Corrected: one more cable');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(number);
  const cable = page.getByRole('region', { name: 'Lines' }).getByRole('row').filter({ hasText: 'CBL-HDMI' });
  await expect(cable).toContainText('3 pcs');
  await expect(cable).toContainText('65.50');
  await expect(page.getByRole('region', { name: 'Lines' })).toContainText(serial);
});
