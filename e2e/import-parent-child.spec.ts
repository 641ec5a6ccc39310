import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { signIn, uniqueCode } from './helpers';

/** The rows of a CSV in a ZIP, header first, without the byte order mark. */
async function rowsOf(zip: JSZip, name: string): Promise<string[][]> {
  const text = (await zip.file(name)!.async('string')).replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

test('an admin imports goods receipts from the parent/child template ZIP: documents, lines and serial numbers', async ({
  page,
}) => {
  const number = uniqueCode('PC');
  const serial = uniqueCode('PCS');
  await signIn(page, 'admin');
  await page.goto('/import');

  // The template as downloaded from the page, filled in with this installation's codes.
  const templateDownload = page.waitForEvent('download');
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Goods receipts' })
    .getByRole('link', { name: 'ZIP with lines and serials' })
    .click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toBe('Goods_Receipts.zip');
  const zip = await JSZip.loadAsync(await readFile((await template.path())!));
  expect(Object.keys(zip.files)).toEqual(['Goods_Receipts.csv', 'Document_Lines.csv', 'Document_Serials.csv']);
  const [documents, lines, serials] = await Promise.all(Object.keys(zip.files).map((name) => rowsOf(zip, name)));
  const fill = (rows: string[][], values: Record<string, (row: number) => string>) =>
    Papa.unparse(rows.map((row, r) => (r === 0 ? row : row.map((cell, c) => values[rows[0][c]]?.(r) ?? cell))));
  const lineId = `${number}/1`;
  zip.file(
    'Goods_Receipts.csv',
    fill(documents, {
      Number: () => number,
      External_Number: () => number,
      Partner: () => 'SUP-ACME',
      Warehouse: () => 'MAIN',
    }),
  );
  zip.file('Document_Lines.csv', fill(lines, { Parent_Id: () => number, Line_Id: () => lineId, Item: () => 'PHN-X1' }));
  zip.file('Document_Serials.csv', fill(serials, { Parent_Id: () => lineId, Serial: (r) => `${serial}-${r}` }));

  await page.getByLabel('Choose a file').setInputFiles({
    name: 'receipts.zip',
    mimeType: 'application/zip',
    buffer: await zip.generateAsync({ type: 'nodebuffer' }),
  });
  await expect(page.getByRole('table', { name: 'First rows of Document_Serials.csv' })).toBeVisible();
  await expect(
    page.getByText('Goods receipts with their lines detected; change it below if that is wrong.'),
  ).toBeVisible();
  await expect(page.getByLabel('Module')).toHaveValue('Goods_Receipts');
  await expect(page.getByLabel('Documents file')).toHaveValue('Goods_Receipts.csv');
  await expect(page.getByLabel('Lines file (Document_Lines)')).toHaveValue('Document_Lines.csv');
  await expect(page.getByLabel('Serial numbers file (Document_Serials)')).toHaveValue('Document_Serials.csv');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(
    page.getByRole('heading', { name: /^Import \d+: Goods_Receipts \+ Document_Lines \+ Document_Serials, insert$/ }),
  ).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  for (const [file, added] of [
    ['Goods_Receipts.csv', '1'],
    ['Document_Lines.csv', '1'],
    ['Document_Serials.csv', '2'],
  ]) {
    await expect(page.getByRole('region', { name: file }).getByTestId('count-added')).toHaveText(added);
  }
  await expect(page.getByText('No errors.')).toBeVisible();

  const resultDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download result' }).click();
  const result = await JSZip.loadAsync(await readFile((await (await resultDownload).path())!));
  expect(Object.keys(result.files)).toEqual([
    'Goods_Receipts_result.csv',
    'Document_Lines_result.csv',
    'Document_Serials_result.csv',
  ]);
  const serialResults = await rowsOf(result, 'Document_Serials_result.csv');
  expect(serialResults[0]).toEqual([
    'Parent_Id',
    'Serial',
    'ROW_NUMBER',
    'STATUS',
    'RECORD_ID',
    'ERRORS',
    'ERROR_MESSAGE',
  ]);
  const documentId = (await rowsOf(result, 'Goods_Receipts_result.csv'))[1].at(-3);
  expect(serialResults.slice(1).map((row) => [row[1], row[3], row[4]])).toEqual([
    [`${serial}-1`, 'ADDED', documentId],
    [`${serial}-2`, 'ADDED', documentId],
  ]);

  // The receipt is there with its serial numbers, as if typed into the form.
  await page.goto(`/goods-receipts/${documentId}`);
  await expect(page.getByText(`${serial}-1`)).toBeVisible();
  await expect(page.getByText(`${serial}-2`)).toBeVisible();
});
