import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { expectedSerial, serialNumber } from '@/db/schema';
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

  it('confirms an expected receipt with a goods receipt naming it, and reads the link back', async () => {
    const prepared = await post('Expected_Receipts', expected(['CONF-1', 'CONF-2']));
    const { id: erId, Number: erNumber } = prepared.json.data[0].details;
    const r = await post('Goods_Receipts', {
      Date: '2026-11-21',
      Partner: { Code: 'ACME' },
      Warehouse: { Code: 'MAIN' },
      Expected_Receipt: { Number: erNumber },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['conf-1'] }],
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const receipt = (await call(admin.key, 'GET', `/crm/v8/Goods_Receipts/${r.json.data[0].details.id}`)).json.data[0];
    expect(receipt.Expected_Receipt).toEqual({ id: erId, Number: erNumber });
    const [stocked] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'conf-1'));
    expect(stocked.status).toBe('in_stock');
    // The serial that did not arrive stays expected: a second receipt can still bring it.
    const rest = await post('Goods_Receipts', {
      Date: '2026-11-22',
      Partner: { Code: 'ACME' },
      Warehouse: { Code: 'MAIN' },
      Expected_Receipt: { id: erId },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['CONF-2'] }],
    });
    expect(rest.status, JSON.stringify(rest.json)).toBe(201);
    const plain = await post('Goods_Receipts', {
      Date: '2026-11-22',
      Warehouse: { Code: 'MAIN' },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['PLAIN-1'] }],
    });
    const read = (await call(admin.key, 'GET', `/crm/v8/Goods_Receipts/${plain.json.data[0].details.id}`)).json.data[0];
    expect(read.Expected_Receipt).toBeNull();
  });

  it('refuses an Expected_Receipt that is no expected receipt, naming the field', async () => {
    const r = await post('Goods_Receipts', {
      Date: '2026-11-22',
      Warehouse: { Code: 'MAIN' },
      Expected_Receipt: { Number: 'ER-1999-00001' },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['NONE-1'] }],
    });
    expect(r.json.data[0]).toMatchObject({ code: 'RESOURCE_NOT_FOUND', details: { api_name: 'Expected_Receipt' } });
    const receipt = await post('Goods_Receipts', {
      Date: '2026-11-22',
      Warehouse: { Code: 'MAIN' },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['GR-ONLY-1'] }],
    });
    const wrongKind = await post('Goods_Receipts', {
      Date: '2026-11-22',
      Warehouse: { Code: 'MAIN' },
      Expected_Receipt: { Number: receipt.json.data[0].details.Number },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['NONE-2'] }],
    });
    expect(wrongKind.json.data[0]).toMatchObject({
      code: 'INVALID_DATA',
      details: { api_name: 'Expected_Receipt' },
      message: 'This expected receipt does not exist.',
    });
  });

  describe('Drop_Missing_Expected: what becomes of the serials that did not arrive', () => {
    const statuses = async (erId: string) =>
      (
        await db
          .select({ serial: expectedSerial.serial, status: expectedSerial.status })
          .from(expectedSerial)
          .where(eq(expectedSerial.documentId, BigInt(erId)))
          .orderBy(asc(expectedSerial.id))
      ).map((e) => `${e.serial}:${e.status}`);
    const confirm = (erNumber: string, serial: string, extra: Record<string, unknown>) =>
      post('Goods_Receipts', {
        Date: '2026-11-23',
        Partner: { Code: 'ACME' },
        Warehouse: { Code: 'MAIN' },
        Expected_Receipt: { Number: erNumber },
        Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: [serial] }],
        ...extra,
      });

    it.each([
      ['true drops them', { Drop_Missing_Expected: true }, 'dropped'],
      ['false keeps them expected', { Drop_Missing_Expected: false }, 'expected'],
      ['left out keeps them expected', {}, 'expected'],
    ])('%s, and is never read back', async (_name, extra, missing) => {
      const tag = `DME-${missing}-${Object.keys(extra).length}`;
      const prepared = await post('Expected_Receipts', expected([`${tag}-1`, `${tag}-2`, `${tag}-3`]));
      const { id: erId, Number: erNumber } = prepared.json.data[0].details;
      const r = await confirm(erNumber, `${tag}-1`, extra);
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(await statuses(erId)).toEqual([`${tag}-1:received`, `${tag}-2:${missing}`, `${tag}-3:${missing}`]);
      const id = r.json.data[0].details.id;
      const read = (await call(admin.key, 'GET', `/crm/v8/Goods_Receipts/${id}`)).json.data[0];
      expect(read).not.toHaveProperty('Drop_Missing_Expected');
      expect(read.Expected_Receipt).toEqual({ id: erId, Number: erNumber });
      const asked = await call(admin.key, 'GET', `/crm/v8/Goods_Receipts/${id}?fields=Drop_Missing_Expected`);
      expect(asked.json).toMatchObject({ code: 'INVALID_QUERY', details: { param: 'fields' } });
    });

    it('refuses a value that is no true or false, and a drop without an expected receipt, on the field', async () => {
      const prepared = await post('Expected_Receipts', expected(['DME-BAD-1']));
      const bad = await confirm(prepared.json.data[0].details.Number, 'DME-BAD-1', { Drop_Missing_Expected: 'yes' });
      expect(bad.json.data[0]).toMatchObject({
        code: 'INVALID_DATA',
        details: { api_name: 'Drop_Missing_Expected' },
        message:
          'Say what becomes of the expected serials that did not arrive: drop them (true) or keep them expected (false).',
      });
      const alone = await post('Goods_Receipts', {
        Date: '2026-11-23',
        Warehouse: { Code: 'MAIN' },
        Drop_Missing_Expected: true,
        Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['DME-ALONE-1'] }],
      });
      expect(alone.json.data[0]).toMatchObject({
        code: 'INVALID_DATA',
        details: { api_name: 'Drop_Missing_Expected' },
      });
      expect(await statuses(prepared.json.data[0].details.id)).toEqual(['DME-BAD-1:expected']);
    });
  });

  it('lets a role without stock documents write nothing', async () => {
    const r = await call(accountant.key, 'POST', '/crm/v8/Expected_Receipts', { data: [expected(['ACC-1'])] });
    expect(r.status).toBeGreaterThanOrEqual(400);
  });
});
