import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { serialNumber } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

/** Expected receipts through the records API: created with their expected serials, read back, refused by name. */
describe('records API: expected receipts', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const accountant = await keyFor(db, 'accountant');
  const post = (module: string, ...records: unknown[]) =>
    call(admin.key, 'POST', `/crm/v8/${module}`, { data: records });
  const expected = (serials: string[]) => ({
    Date: '2026-11-20',
    Partner: { Code: 'ACME' },
    Warehouse: { Code: 'MAIN' },
    Lines: [{ Item: { Code: 'ACME-1' }, Quantity: String(serials.length), Unit_Price: '10', Serial_Numbers: serials }],
  });

  beforeAll(async () => {
    await post('Items', { Code: 'ACME-1', Name: 'Acme scanner', Track_Serial_Numbers: true });
    await post('Warehouses', { Code: 'MAIN', Name: 'Main' });
    await post('Partners', { Code: 'ACME', Name: 'Acme', Type: 'supplier' });
    await post('Goods_Receipts', {
      Date: '2026-11-01',
      Warehouse: { Code: 'MAIN' },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['HELD-1'] }],
    });
  });

  it('creates an expected receipt with its serials, reads them back, and moves no stock', async () => {
    const r = await post('Expected_Receipts', expected(['API-1', 'API-2']));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const { id, Number: number } = r.json.data[0].details;
    expect(number).toMatch(/^ER-2026-\d{5}$/);
    const got = (await call(admin.key, 'GET', `/crm/v8/Expected_Receipts/${id}`)).json.data[0];
    expect(got).toMatchObject({
      Partner: { Code: 'ACME' },
      Warehouse: { Code: 'MAIN' },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '2', Unit_Price: '10', Serial_Numbers: ['API-1', 'API-2'] }],
    });
    expect(await db.select().from(serialNumber).where(eq(serialNumber.serial, 'API-1'))).toEqual([]);
  });

  it('refuses a serial in stock or already expected, naming it, with the importer codes', async () => {
    const r = await post('Expected_Receipts', expected(['HELD-1']), expected(['api-2']));
    expect(r.json.data.map((d: { code: string; details: { api_name?: string } }) => d.code)).toEqual([
      'DUPLICATE_DATA',
      'DUPLICATE_DATA',
    ]);
    expect(r.json.data[0].message).toMatch(/^Serial HELD-1 of item ACME-1 is already in stock in warehouse MAIN/);
    expect(r.json.data[1].message).toMatch(/^Serial api-2 of item ACME-1 is already expected on ER-2026-\d{5}\.$/);
  });

  it('lets a role without stock documents write nothing', async () => {
    const r = await call(accountant.key, 'POST', '/crm/v8/Expected_Receipts', { data: [expected(['ACC-1'])] });
    expect(r.status).toBeGreaterThanOrEqual(400);
  });
});
