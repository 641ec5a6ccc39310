import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as find from '@/app/(app)/serial-numbers/find/route';
import * as stockExport from '@/app/(app)/stock/export/route';
import { saveDocumentAction } from '@/app/(app)/_documents/actions';
import { call, keyFor } from '@/test/api/records-client';
import { createPrincipals, type Credentials } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller } from '@/test/import/api';
import { csv, drainJobs } from '@/test/import/drain';
import { resultRows } from '@/test/import/result-file';

// Session-only doors (server actions, /stock/export, /serial-numbers/find) read the caller through next/headers.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/**
 * Issue 13, "no 5xx on input": each request the hostile tester sent, answered with a 4xx that names the
 * field instead of 500 / INTERNAL_ERROR.
 */
describe('hostile input is refused at the door, naming the field', async () => {
  const { db } = await useTestDatabase();
  let key: string;
  let admin: Credentials;
  let world: Awaited<ReturnType<typeof seedWorld>>;

  beforeAll(async () => {
    world = await seedWorld(db);
    key = (await keyFor(db, 'admin')).key;
    admin = (await createPrincipals(db)).admin;
    request.headers = new Headers({ cookie: admin.cookie });
  });

  it.each([
    ['(Date:equals:2026-02-30)', 'Goods_Receipts', 'Date', /Date 2026-02-30 does not exist/],
    ['(Date:equals:0000-01-01)', 'Goods_Receipts', 'Date', /1900 to 2999/],
    ['(Created_Time:greater_than:2026-02-30T10:00Z)', 'Items', 'Created_Time', /2026-02-30 does not exist/],
    ['(Code:equals:a\u0000b)', 'Items', 'Code', /control character \(U\+0000\)/],
  ])('criteria %s → 400 naming %s', async (criteria, module, field, message) => {
    const answer = await call(key, 'GET', `/crm/v8/${module}/search?criteria=${encodeURIComponent(criteria)}`);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'INVALID_QUERY', details: { param: 'criteria', field } });
    expect(answer.json.message).toMatch(message);
  });

  it.each([
    ['word', '/crm/v8/Items/search?word=ab%00'],
    ['item', '/crm/v8/Serial_Numbers?item=a%00'],
  ])('a NUL byte in %s → 400 naming it', async (param, path) => {
    const answer = await call(key, 'GET', path);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'INVALID_QUERY', details: { param } });
    expect(answer.json.message).toMatch(/control character \(U\+0000\)/);
  });

  it('a NUL byte in a record’s text → the record is refused naming the field, not INTERNAL_ERROR', async () => {
    const answer = await call(key, 'POST', '/crm/v8/Items', { data: [{ Code: 'NUL-1', Name: 'a\u0000b' }] });
    expect(answer.status).toBe(400);
    expect(answer.json.data[0]).toMatchObject({
      code: 'INVALID_DATA',
      details: { api_name: 'Name', json_path: '$.data[0].Name' },
    });
  });

  const receipt = (date: string) => ({
    Date: date,
    Warehouse: { Code: 'MAIN' },
    Lines: [{ Item: { Code: 'CABLE' }, Quantity: '1' }],
  });

  it('a document dated 0000-01-01 through the API → INVALID_DATA on Date', async () => {
    const answer = await call(key, 'POST', '/crm/v8/Goods_Receipts', {
      data: [receipt('0000-01-01'), receipt('2026-02-30')],
    });
    expect(answer.status).toBe(400);
    expect(
      answer.json.data.map((entry: { code: string; details: unknown; message: string }) => [
        entry.code,
        entry.details,
        entry.message,
      ]),
    ).toEqual([
      [
        'INVALID_DATA',
        expect.objectContaining({ api_name: 'Date', json_path: '$.data[0].Date' }),
        'Date must be in the years 1900 to 2999.',
      ],
      [
        'INVALID_DATA',
        expect.objectContaining({ api_name: 'Date', json_path: '$.data[1].Date' }),
        'Date 2026-02-30 does not exist.',
      ],
    ]);
  });

  it('a document dated 0000-01-01 through the web form → the date field’s error', async () => {
    const values = {
      kind: 'goods_receipt' as const,
      date: '0000-01-01',
      warehouseId: String(world.main),
      lines: [{ itemId: String(world.plain), quantity: '1' }],
    };
    const result = await saveDocumentAction('goods_receipt', { values });
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_DATA',
      fieldErrors: { date: 'Date must be in the years 1900 to 2999.' },
    });
  });

  it('a document dated 0000-01-01 through the import → the Date column’s error on its row', async () => {
    const api = apiCaller(key);
    const file = csv([
      ['Number', 'Date', 'Warehouse', 'Item', 'Quantity'],
      ['Z-1', '0000-01-01', 'MAIN', 'CABLE', '1'],
    ]);
    const uploaded = await api.upload(file, 'receipts.csv');
    const mappings = ['Number', 'Date', 'Warehouse', 'Item', 'Quantity'].map((api_name, index) => ({
      api_name,
      index,
    }));
    const created = await api.create({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: 'Goods_Receipts' },
          file_id: uploaded.json.details.file_id,
          field_mappings: mappings,
        },
      ],
    });
    await drainJobs(db);
    const [row] = await resultRows(api, created.json.details.id);
    expect(row).toMatchObject({ STATUS: 'SKIPPED', ERRORS: expect.stringContaining('Date') });
    expect(row.ERROR_MESSAGE).toMatch(/Date must be in the years 1900 to 2999/);
  });

  it.each([null, undefined, 'garbage', 42, [], { values: null }, { values: 'x' }, { id: {}, values: {} }])(
    'saveDocumentAction(kind, %j) → a clean refusal',
    async (payload) => {
      const result = await saveDocumentAction('goods_receipt', payload as never);
      expect(result).toMatchObject({ ok: false, error: expect.any(String) });
      expect(result).not.toMatchObject({ code: 'INTERNAL' });
    },
  );

  it('a 19-digit id beyond bigint in the web form → "Choose the warehouse", not a database error', async () => {
    const values = {
      kind: 'goods_receipt' as const,
      date: '2026-01-01',
      warehouseId: '9999999999999999999',
      lines: [{ itemId: String(world.plain), quantity: '1' }],
    };
    const result = await saveDocumentAction('goods_receipt', { values });
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_DATA',
      error: 'Choose the warehouse.',
      fieldErrors: { warehouseId: 'Choose the warehouse.' },
    });
    const partner = await saveDocumentAction('goods_receipt', {
      values: { ...values, warehouseId: String(world.main), partnerId: '9223372036854775808' },
    });
    // The partner's union schema answers zod's generic "Invalid input" (lib/validation/documents.ts, outside this
    // change).
    expect(partner).toMatchObject({ ok: false, code: 'INVALID_DATA', fieldErrors: { partnerId: expect.any(String) } });
  });

  it.each([
    ['money', { Code: 'BIG-1', Name: 'Big', Purchase_Price: '1234567890123456' }, 'Purchase_Price'],
    ['money scale', { Code: 'BIG-2', Name: 'Big', Sale_Price: '1.00001' }, 'Sale_Price'],
    ['percent', { Code: 'BIG-3', Name: 'Big', VAT_Rate: '100.001' }, 'VAT_Rate'],
    ['exponent', { Code: 'BIG-4', Name: 'Big', Purchase_Price: 1e21 }, 'Purchase_Price'],
  ])('a number beyond the column (%s) → INVALID_DATA on the field', async (_what, record, field) => {
    const answer = await call(key, 'POST', '/crm/v8/Items', { data: [record] });
    expect(answer.status).toBe(400);
    expect(answer.json.data[0]).toMatchObject({ code: 'INVALID_DATA', details: { api_name: field } });
  });

  it('a 20-digit id in the records API → invalid or not found, never a 500', async () => {
    expect((await call(key, 'GET', '/crm/v8/Items/99999999999999999999')).status).toBe(400);
    const lookup = await call(key, 'POST', '/crm/v8/Goods_Receipts', {
      data: [{ ...receipt('2026-01-01'), Warehouse: { id: '99999999999999999999' } }],
    });
    expect(lookup.json.data[0]).toMatchObject({ code: 'RESOURCE_NOT_FOUND', details: { api_name: 'Warehouse' } });
  });

  it('a NUL byte in /serial-numbers/find?q= → 400 naming q', async () => {
    const { NextRequest } = await import('next/server');
    const response = await find.GET(
      new NextRequest('http://localhost/serial-numbers/find?q=a%00b', { headers: request.headers }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^q contains a control character/);
  });

  it('a NUL byte in /stock/export?q= → 400 naming q', async () => {
    const { NextRequest } = await import('next/server');
    const response = await stockExport.GET(
      new NextRequest('http://localhost/stock/export?q=a%00b', { headers: request.headers }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: expect.stringMatching(/^q contains a control character/),
      param: 'q',
    });
  });

  it("found by the fuzz: a NUL in an uploaded file's name → 400 naming the file, not a 500", async () => {
    const answer = await apiCaller(key).upload(csv([['Code'], ['X']]), 'a\u0000b.csv');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      code: 'INVALID_DATA',
      details: { api_name: 'file' },
      message: expect.stringMatching(/^The file name contains a control character/),
    });
  });
});
