import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { importFile, item } from '@/db/schema';
import { buildXlsx } from '@/lib/import/files/__fixtures__/build-xlsx';
import { craftZip } from '@/lib/import/files/__fixtures__/craft-zip';
import { encodeWindows1250 } from '@/lib/import/files/__fixtures__/encode';
import { useTestDatabase } from '@/test/db';
import { apiCaller, keyFor, type Caller } from './api';
import { drainJobs } from './drain';

describe('POST /crm/vN/upload refuses bad files with Zoho codes and stores nothing', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  const fileCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(importFile))[0].n;

  beforeAll(async () => {
    api = apiCaller((await keyFor(db, 'admin')).key);
  });

  async function refused(bytes: Buffer, name: string, code: string, message?: RegExp, status = 400) {
    const before = await fileCount();
    const response = await api.upload(bytes, name);
    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ status: 'error', code, details: expect.any(Object) });
    if (message) expect(response.json.message).toMatch(message);
    expect(await fileCount()).toBe(before);
  }

  it('needs the feature: bulk-write header and a file part', async () => {
    const response = await api.upload(Buffer.from('Code,Name\nA,B\n'), 'a.csv', { 'X-CRM-ORG': '1' });
    expect(response).toMatchObject({
      status: 400,
      json: { status: 'error', code: 'MANDATORY_NOT_FOUND', message: 'Required key feature is not available' },
    });
    const other = await api.upload(Buffer.from('Code,Name\nA,B\n'), 'a.csv', { feature: 'bulk-read' });
    expect(other).toMatchObject({
      status: 400,
      json: { code: 'NOT_SUPPORTED_FEATURE', details: { api_name: 'feature' } },
    });
  });

  it('refuses a file over 25 MB', async () => {
    await refused(
      Buffer.alloc(25 * 1024 * 1024 + 1, 0x61),
      'big.csv',
      'FILE_TOO_LARGE',
      /26,214,401 bytes.*at most/,
      413,
    );
    // Far over the limit, the body is not even read to the end.
    await refused(Buffer.alloc(27 * 1024 * 1024, 0x61), 'huge.csv', 'FILE_TOO_LARGE', /at most 25 MB/, 413);
  });

  it('refuses a ZIP that declares a small size but inflates past the limit', async () => {
    const bomb = craftZip([{ name: 'bomb.csv', content: Buffer.alloc(16 * 1024 * 1024, 0x61), declaredSize: 10 }]);
    await refused(bomb, 'bomb.zip', 'INVALID_FILE_FORMAT', /ZIP bomb/);
  });

  it('refuses a ../ entry and an encrypted entry', async () => {
    await refused(
      craftZip([{ name: '../evil.csv', content: Buffer.from('Code,Name\nA,B\n') }]),
      'evil.zip',
      'INVALID_FILE_FORMAT',
      /leaves the archive/,
    );
    await refused(
      craftZip([{ name: 'secret.csv', content: Buffer.from('Code,Name\nA,B\n'), flags: 0x1 }]),
      'secret.zip',
      'FILE_NOT_SUPPORTED',
      /password-protected/,
    );
  });

  it('refuses 25,001 rows (LIMIT_EXCEEDED) and 201 columns (HEADER_LIMIT_EXCEEDED)', async () => {
    await refused(
      Buffer.from(`Code,Name\n${'A,B\n'.repeat(25_001)}`),
      'rows.csv',
      'LIMIT_EXCEEDED',
      /25,001 data rows; at most 25,000/,
    );
    const header = Array.from({ length: 201 }, (_, i) => `C${i}`).join(',');
    await refused(Buffer.from(`${header}\n1\n`), 'wide.csv', 'HEADER_LIMIT_EXCEEDED', /201 columns; at most 200/);
  });

  it('refuses what is not ZIP, CSV or XLSX', async () => {
    await refused(Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1'), 'a.pdf', 'INVALID_FILE_FORMAT', /only ZIP, CSV and XLSX/);
  });

  it('accepts a ZIP of one CSV, an .xlsx, and a Windows-1250 CSV with Czech letters', async () => {
    const zip = new JSZip();
    zip.file('items.csv', 'Code,Name\nZIP-1,Zipped\n');
    const zipped = await api.upload(
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      'items.zip',
    );
    expect(zipped.json).toMatchObject({
      status: 'success',
      code: 'FILE_UPLOAD_SUCCESS',
      message: 'file uploaded.',
      details: { file_id: expect.stringMatching(/^\d+$/) },
    });
    expect(zipped.json.details.created_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

    const xlsx = await api.upload(
      await buildXlsx(
        [
          ['Code', 'Name', 'Sale_Price'],
          ['XL-1', 'From Excel', 12.5],
        ],
        { sharedStrings: true },
      ),
      'items.xlsx',
    );
    const czech = await api.upload(
      encodeWindows1250('Code;Name\nCZ-1;Čerpadlo žluťoučké\nCZ-2;Šroubovák úzký\n'),
      'czech.csv',
    );
    for (const uploaded of [zipped, xlsx, czech]) {
      const created = await api.create({
        operation: 'insert',
        resource: [{ type: 'data', module: 'Items', file_id: uploaded.json.details.file_id }],
      });
      expect(created.status).toBe(201);
    }
    await drainJobs(db);
    const names = Object.fromEntries((await db.select().from(item)).map((row) => [row.code, row.name]));
    expect(names).toMatchObject({
      'ZIP-1': 'Zipped',
      'XL-1': 'From Excel',
      'CZ-1': 'Čerpadlo žluťoučké',
      'CZ-2': 'Šroubovák úzký',
    });
    const [xl] = await db.select().from(item).where(eq(item.code, 'XL-1'));
    expect(xl.salePrice).toBe('12.5000');
  });

  it('is for admins only, on any version segment from v2 to v8', async () => {
    const warehouseKey = await keyFor(db, 'warehouse');
    const denied = await apiCaller(warehouseKey.key).upload(Buffer.from('Code,Name\nA,B\n'), 'a.csv');
    expect(denied).toMatchObject({ status: 403, json: { status: 'error', code: 'NO_PERMISSION' } });
    const anonymous = await apiCaller('ssk_unknown').upload(Buffer.from('Code,Name\nA,B\n'), 'a.csv');
    expect(anonymous).toMatchObject({ status: 401, json: { code: 'INVALID_TOKEN' } });
    const v2 = await api.create({ operation: 'insert', resource: [] }, 'v2');
    expect(v2.json.code).toBe('MANDATORY_NOT_FOUND');
    const v9 = await api.create({ operation: 'insert' }, 'v9');
    expect(v9).toMatchObject({ status: 404, json: { code: 'INVALID_URL_PATTERN' } });
  });
});
