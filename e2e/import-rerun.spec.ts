import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { signIn, uniqueCode } from './helpers';

/** Runs an import of `csv` named `name` on the import page and returns the result file's lines. */
async function importOnce(page: Page, name: string, csv: string): Promise<string[]> {
  await page.goto('/import');
  await page.getByLabel('Choose a file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(
    page.getByText('Goods receipts detected from the file name; change it below if that is wrong.'),
  ).toBeVisible();
  await expect(page.getByLabel('Module')).toHaveValue('Goods_Receipts');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download result' }).click();
  const zip = await JSZip.loadAsync(await readFile((await (await download).path())!));
  return (await zip.file(Object.keys(zip.files)[0])!.async('string')).replace(/^\uFEFF/, '').split('\r\n');
}

test('an admin who imports the same goods-receipt file twice adds it once, and the second result says why', async ({
  page,
}) => {
  const number = uniqueCode('DN');
  const serial = uniqueCode('RR');
  const csv = [
    'Number,Date,Partner,Warehouse,Item,Quantity,Serial_Numbers',
    `${number},2026-02-01,SUP-ACME,MAIN,PHN-X1,1,${serial}`,
    `${number},2026-02-01,SUP-ACME,MAIN,CBL-HDMI,2,`,
  ].join('\r\n');
  await signIn(page, 'admin');

  const first = await importOnce(page, 'Goods_Receipts.csv', csv);
  expect(first[1]).toMatch(/,2,ADDED,\d+,,$/);
  const recordId = first[1].split(',').at(-3);

  const second = await importOnce(page, 'Goods_Receipts.csv', csv);
  expect(second[1]).toContain(`,2,SKIPPED,${recordId},DUPLICATE_DATA-External_Number,`);
  expect(second[1]).toMatch(new RegExp(`Goods receipt ${number} from SUP-ACME is already entered as GR-\\d{4}-\\d+`));
  expect(second[2]).toContain(`,3,SKIPPED,${recordId},DUPLICATE_DATA-External_Number,`);

  // The recent jobs table reads column by column; the newest job (the re-run) comes first.
  await page.reload();
  const jobs = page.getByRole('table', { name: 'Recent import jobs' });
  await expect(jobs.getByRole('columnheader')).toHaveText([
    'Job',
    'Time',
    'Module',
    'File',
    'Added / updated / skipped of total',
    'Status',
    'By',
    'Duration',
  ]);
  await expect(jobs.getByRole('row').nth(1).getByRole('cell').nth(4)).toHaveText('0 / 0 / 2 of 2');
});
