import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { item, warehouse } from '@/db/schema';
import { postDocument } from '@/lib/inventory/post';
import { useTestDatabase } from '@/test/db';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';
import { withCodeKey } from '@/lib/catalog/code-key';

async function resultRows(api: Caller, id: string) {
  const response = await api.result(id);
  expect(response.headers.get('content-type')).toBe('application/zip');
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const [name] = Object.keys(zip.files);
  const text = (await zip.file(name)!.async('string')).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

describe('Items bulk write', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let admin: Awaited<ReturnType<typeof keyFor>>;
  const mapping = (names: string[]) => names.map((api_name, index) => ({ api_name, index }));

  async function runJob(file: Buffer, body: Record<string, unknown>) {
    const uploaded = await api.upload(file, 'items.csv');
    expect(uploaded.json).toMatchObject({ status: 'success', code: 'FILE_UPLOAD_SUCCESS' });
    const resource = {
      type: 'data',
      module: { api_name: 'Items' },
      file_id: uploaded.json.details.file_id,
      ...(body.resource as object),
    };
    const created = await api.create({ ...body, resource: [resource] });
    expect(created.status).toBe(201);
    await drainJobs(db);
    const status = await api.status(created.json.details.id);
    return {
      id: created.json.details.id as string,
      status: status.json,
      rows: await resultRows(api, created.json.details.id),
    };
  }

  beforeAll(async () => {
    admin = await keyFor(db, 'admin');
    api = apiCaller(admin.key);
  });

  it('inserts items through itemSchema and reports every row', async () => {
    const file = csv([
      ['Code', 'Name', 'Sale_Price', 'EAN', 'Track_Serial_Numbers'],
      ['INS-1', 'First', '10.50', '8590000010014', 'TRUE'],
      ['INS-2', '', '-3', '123', 'no'],
      ['INS-1', 'Duplicate', '1', '', ''],
      ['INS 3', 'Bad code', 'abc', '', 'maybe'],
    ]);
    const { status, rows } = await runJob(file, {
      operation: 'insert',
      resource: { field_mappings: mapping(['Code', 'Name', 'Sale_Price', 'EAN', 'Track_Serial_Numbers']) },
    });
    expect(status).toMatchObject({
      status: 'COMPLETED',
      operation: 'insert',
      resource: [
        {
          status: 'COMPLETED',
          file: { added_count: 1, skipped_count: 3, updated_count: 0, total_count: 4, processed_count: 4 },
        },
      ],
    });
    expect(rows.map((r) => [r.ROW_NUMBER, r.STATUS, r.ERRORS])).toEqual([
      ['2', 'ADDED', ''],
      ['3', 'SKIPPED', 'MANDATORY_NOT_FOUND-Name:INVALID_DATA-Sale_Price,EAN'],
      ['4', 'SKIPPED', 'DUPLICATE_DATA-Code'],
      ['5', 'SKIPPED', 'INVALID_DATA-Track_Serial_Numbers,Code,Sale_Price'],
    ]);
    expect(rows[2].ERROR_MESSAGE).toBe('An item with code INS-1 already exists.');
    const [stored] = await db.select().from(item).where(eq(item.code, 'INS-1'));
    expect(rows[0].RECORD_ID).toBe(String(stored.id));
    expect(stored).toMatchObject({ name: 'First', salePrice: '10.5000', ean: '8590000010014', trackSerials: true });
  });

  it('upserts by Code with ignore_empty and default_value', async () => {
    await db
      .insert(item)
      .values(withCodeKey({ code: 'UPS-1', name: 'Old name', salePrice: '5', description: 'keep me', unit: 'm' }));
    const file = csv([
      ['Code', 'Name', 'Sale_Price', 'Unit', 'Description'],
      ['UPS-1', 'New name', '', '', ''],
      ['UPS-2', 'Brand new', '7', '', 'fresh'],
    ]);
    const { status, rows } = await runJob(file, {
      operation: 'upsert',
      ignore_empty: true,
      resource: {
        find_by: 'Code',
        field_mappings: [
          ...mapping(['Code', 'Name', 'Sale_Price']),
          { api_name: 'Unit', index: 3, default_value: { value: 'kg' } },
          { api_name: 'Description', index: 4 },
        ],
      },
    });
    expect(status.resource[0].file).toMatchObject({ added_count: 1, updated_count: 1, skipped_count: 0 });
    expect(rows.map((r) => r.STATUS)).toEqual(['UPDATED', 'ADDED']);
    const [updated] = await db.select().from(item).where(eq(item.code, 'UPS-1'));
    expect(updated).toMatchObject({ name: 'New name', salePrice: '5.0000', description: 'keep me', unit: 'kg' });
    const [added] = await db.select().from(item).where(eq(item.code, 'UPS-2'));
    expect(added).toMatchObject({ name: 'Brand new', unit: 'kg', description: 'fresh' });
  });

  it('updates by EAN; without ignore_empty an empty cell clears the field', async () => {
    await db
      .insert(item)
      .values(
        withCodeKey({ code: 'EAN-1', name: 'By EAN', ean: '8590000010021', salePrice: '9', description: 'old text' }),
      );
    const file = csv([
      ['EAN', 'Sale_Price', 'Description'],
      ['8590000010021', '12', ''],
      ['8590000010038', '1', 'x'],
      ['', '1', 'y'],
    ]);
    const { rows } = await runJob(file, {
      operation: 'update',
      resource: { find_by: 'EAN', field_mappings: mapping(['EAN', 'Sale_Price', 'Description']) },
    });
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['UPDATED', ''],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-EAN'],
      ['SKIPPED', 'MANDATORY_NOT_FOUND-EAN'],
    ]);
    const [updated] = await db.select().from(item).where(eq(item.code, 'EAN-1'));
    expect(updated).toMatchObject({ salePrice: '12.0000', description: '', name: 'By EAN' });
  });

  it('applies the tracking-switch rule of updateItem to import rows', async () => {
    const [wh] = await db
      .insert(warehouse)
      .values(withCodeKey({ code: 'W-TRK', name: 'Tracking' }))
      .returning();
    const [plain] = await db
      .insert(item)
      .values(withCodeKey({ code: 'TRK-1', name: 'Loose cable' }))
      .returning();
    await postDocument(
      db,
      { kind: 'goods_receipt', date: '2026-01-05', warehouseId: wh.id, lines: [{ itemId: plain.id, quantity: '3' }] },
      { userId: admin.userId },
    );
    const file = csv([
      ['Code', 'Track_Serial_Numbers', 'Name'],
      ['TRK-1', 'true', 'Loose cable'],
    ]);
    const { rows } = await runJob(file, {
      operation: 'update',
      resource: { find_by: 'Code', field_mappings: mapping(['Code', 'Track_Serial_Numbers', 'Name']) },
    });
    expect(rows[0]).toMatchObject({ STATUS: 'SKIPPED', ERRORS: 'CANNOT_PROCESS-Track_Serial_Numbers' });
    expect(rows[0].ERROR_MESSAGE).toContain('cannot be switched on: 3 pcs are in stock without serial numbers');
  });
});
