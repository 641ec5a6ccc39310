import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { signIn, uniqueCode } from './helpers';

test('admin imports items from a file: preview, mapping, validation, progress, errors and result', async ({ page }) => {
  const prefix = uniqueCode('IMP');
  const csv = [
    'code;Label;Sale price;EAN',
    `${prefix}-1;Import scanner;19.90;`,
    `${prefix}-2;Import printer;abc;`,
    `${prefix}-3;Import cable;2.50;`,
    `${prefix}-1;Duplicate row;1;`,
  ].join('\r\n');

  await signIn(page, 'admin');
  await page.goto('/import');
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // In the File panel: the jobs table may list another test's items.csv (e2e/import-callback.spec.ts).
  await expect(page.getByRole('region', { name: 'File' }).getByText('items.csv', { exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Import scanner' })).toBeVisible();

  // Auto-matched by header (case and spaces ignored); "Label" has to be mapped by hand.
  await expect(page.getByLabel('Code', { exact: true })).toHaveValue('0');
  await expect(page.getByLabel('Sale_Price', { exact: true })).toHaveValue('2');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await page.getByLabel('Name', { exact: true }).selectOption({ label: 'Label' });
  await page.getByLabel('Default for Unit').fill('box');

  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText('This was a validation: nothing was written.')).toBeVisible();
  await expect(page.getByTestId('count-added')).toHaveText('2');
  await expect(page.getByTestId('count-skipped')).toHaveText('2');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('heading', { name: /^Import \d+: Items, insert$/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('count-added')).toHaveText('2');
  await expect(page.getByTestId('count-skipped')).toHaveText('2');

  const errors = page.getByRole('table', { name: 'Errors' });
  await expect(
    errors.getByRole('row', { name: /Sale_Price abc INVALID_DATA Sale price must be a number/ }),
  ).toBeVisible();
  await expect(
    errors.getByRole('row', {
      name: new RegExp(`Code ${prefix}-1 DUPLICATE_DATA An item with code ${prefix}-1 already exists.`),
    }),
  ).toBeVisible();
  await page.getByLabel('Filter by error code').selectOption('DUPLICATE_DATA');
  await expect(page).toHaveURL(/code=DUPLICATE_DATA/);
  await expect(errors.getByRole('row')).toHaveCount(2);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download result' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^bulk_write_\d+_result\.zip$/);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const [csvName] = Object.keys(zip.files);
  const result = (await zip.file(csvName)!.async('string')).replace(/^\uFEFF/, '').split('\r\n');
  expect(result[0]).toBe('code,Label,Sale price,EAN,ROW_NUMBER,STATUS,RECORD_ID,ERRORS,ERROR_MESSAGE');
  expect(result[1]).toMatch(new RegExp(`^${prefix}-1,Import scanner,19.90,,2,ADDED,\\d+,,$`));
  expect(result[2]).toContain(',3,SKIPPED,,INVALID_DATA-Sale_Price,');

  // The imported item is in the price list with the default unit; the job is in the list.
  await expect(page.getByRole('table', { name: 'Recent import jobs' }).getByRole('row')).not.toHaveCount(1);
  await page.goto(`/items?q=${prefix}-3`);
  await expect(page.getByRole('link', { name: `${prefix}-3` })).toBeVisible();
});

test('templates download and non-admins cannot import', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await page.goto('/import');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('listitem').filter({ hasText: 'Goods receipts' }).getByRole('link', { name: 'Excel' }).click();
  expect((await downloadPromise).suggestedFilename()).toBe('Goods_Receipts.xlsx');

  // A field that steers the import but is never stored says so where it is mapped.
  const header = 'Date,Warehouse,Partner,Item,Quantity,Serial_Numbers,Expected_Receipt,Drop_Missing_Expected';
  await page.getByLabel('Choose a file').setInputFiles({
    name: 'Goods_Receipts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}\r\n2026-01-15,MAIN,ACME,SCAN-100,1,SN-1,ER-2026-00001,true\r\n`),
  });
  await expect(page.getByLabel('Drop_Missing_Expected', { exact: true })).toHaveValue('7');
  await expect(page.getByRole('rowheader', { name: /^Drop_Missing_Expected/ })).toContainText('write-only');
  await expect(page.getByRole('rowheader', { name: /^Warehouse/ })).not.toContainText('write-only');

  const other = await browser.newPage();
  await signIn(other, 'warehouse');
  const response = await other.goto('/import');
  expect(response?.status()).toBe(403);
  const upload = await other.request.post('/crm/v8/upload', {
    headers: { feature: 'bulk-write' },
    multipart: { file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('Code,Name\nA,B\n') } },
  });
  expect(upload.status()).toBe(403);
  expect((await other.request.get('/import/templates/Items.csv')).status()).toBe(403);
  await other.close();
});

test("the job panel keeps polling through a passing outage and shows the job's pause note", async ({ page }) => {
  const prefix = uniqueCode('OUT');
  await signIn(page, 'admin');
  await page.goto('/import');
  await page.getByLabel('Choose a file').setInputFiles({
    name: 'items.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Code,Name\r\n${prefix}-1,Outage item\r\n`),
  });
  await expect(page.getByRole('cell', { name: 'Outage item' })).toBeVisible();

  // The first polls meet a server whose database is away (503); later ones carry the worker's pause note.
  let refused = 0;
  const note =
    'The database connection was lost at 2026-11-22T10:00:00.000Z (connection refused); the job waited and resumed at 2026-11-22T10:00:05.000Z.';
  await page.route(/\/import\/api\/jobs\/\d+$/, async (route) => {
    if (refused < 2) {
      refused++;
      await route.fulfill({
        status: 503,
        json: {
          status: 'error',
          code: 'SERVICE_UNAVAILABLE',
          message: 'The database is not available right now.',
          details: {},
        },
      });
      return;
    }
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), message: note } });
  });

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(
    page.getByText(/Progress cannot be read right now \(The database is not available right now\.\); trying again/),
  ).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText(/Progress cannot be read right now/)).toHaveCount(0);
  await expect(page.getByTestId('count-added')).toHaveText('1');
  expect(refused).toBe(2);
});
