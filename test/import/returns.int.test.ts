import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { document, serialNumber } from '@/db/schema';
import { postDocument, type PostedDocument } from '@/lib/inventory/post';
import { templateFile, templateRows } from '@/lib/import/request/templates';
import { CREDIT_NOTES, CUSTOMER_RETURNS, SUPPLIER_RETURNS } from '@/lib/modules';
import { call, keyFor as recordsKeyFor } from '@/test/api/records-client';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { runDocumentFile } from './document-files';

const HEADERS = ['Number', 'Date', 'Return_Of', 'Warehouse', 'Item', 'Quantity', 'Unit_Price', 'Serial_Numbers'];

/** Returns through the bulk importer: the flat document-rows path every document module uses (lib/modules). */
describe('returns bulk write', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  let sale: PostedDocument;
  let receipt: PostedDocument;

  const importFile = (module: string, rows: string[][]) =>
    runDocumentFile(db, api, rows, { operation: 'insert', module });

  beforeAll(async () => {
    world = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
    receipt = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-02-01',
        warehouseId: world.main,
        partnerId: world.supplier,
        lines: [
          { itemId: world.tracked, quantity: '5', serials: ['K-1', 'K-2', 'K-3', 'K-4', 'K-5'] },
          { itemId: world.plain, quantity: '10' },
        ],
      },
      world.actor,
    );
    sale = await postDocument(
      db,
      {
        kind: 'sales_invoice',
        date: '2026-02-02',
        warehouseId: world.main,
        partnerId: world.customer,
        createStockDocument: true,
        lines: [
          { itemId: world.tracked, quantity: '3', serials: ['K-1', 'K-2', 'K-3'], unitPrice: '50' },
          { itemId: world.plain, quantity: '4', unitPrice: '1' },
        ],
      },
      world.actor,
    );
  });

  it('has templates with the document the goods go back on', async () => {
    expect(templateRows(CUSTOMER_RETURNS)[0].slice(0, 4)).toEqual(['Number', 'Date', 'Return_Of', 'Partner']);
    expect(templateRows(SUPPLIER_RETURNS)[0]).toContain('Return_Of');
    expect(templateRows(CREDIT_NOTES)[0]).toContain('Create_Stock_Document');
    expect((await templateFile('Customer_Returns.csv'))?.fileName).toBe('Customer_Returns.csv');
  });

  it('posts rows with the same Number as one return of the sale named by its number', async () => {
    const rows = await importFile('Customer_Returns', [
      HEADERS,
      ['R-1', '2026-02-03', sale.number, 'SHOP', 'ACME-1', '', '50', 'K-1;K-2'],
      ['R-1', '', '', '', 'CABLE', '1', '1', ''],
      ['R-2', '2026-02-03', sale.number, 'SHOP', 'ACME-1', '', '50', 'K-4'],
      ['R-3', '2026-02-03', 'SI-1999-00001', 'SHOP', 'CABLE', '1', '1', ''],
      ['R-4', '2026-02-03', sale.number, 'SHOP', 'CABLE', '4', '1', ''],
    ]);
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['ADDED', ''],
      ['ADDED', ''],
      ['SKIPPED', 'INVALID_DATA-Serial_Numbers'],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-Return_Of'],
      ['SKIPPED', 'CANNOT_PROCESS-Quantity'],
    ]);
    const [doc] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(rows[0].RECORD_ID)));
    expect(doc).toMatchObject({ kind: 'customer_return', returnOfId: sale.id, warehouseId: world.shop });
    const back = await db.select().from(serialNumber).where(eq(serialNumber.warehouseId, world.shop));
    expect(back.map((s) => s.serial).sort()).toEqual(['K-1', 'K-2']);
  });

  it('the records API answers the same refusal with the same code, field and message', async () => {
    const key = (await recordsKeyFor(db, 'admin')).key;
    const { json } = await call(key, 'POST', '/crm/v8/Customer_Returns', {
      data: [
        {
          Date: '2026-02-03',
          Return_Of: { Number: sale.number },
          Warehouse: { Code: 'SHOP' },
          Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['K-5'] }],
        },
      ],
    });
    const rows = await importFile('Customer_Returns', [
      HEADERS,
      ['R-5', '2026-02-03', sale.number, 'SHOP', 'ACME-1', '1', '0', 'K-5'],
    ]);
    expect(`${json.data[0].code}-${json.data[0].details.api_name}`).toBe(rows[0].ERRORS);
    expect(json.data[0].message).toBe(rows[0].ERROR_MESSAGE);
  });

  it('imports returns to the supplier and credit notes that create their return', async () => {
    const sent = await importFile('Supplier_Returns', [
      HEADERS,
      ['S-1', '2026-02-04', receipt.number, 'MAIN', 'ACME-1', '1', '9', 'K-5'],
    ]);
    expect(sent.map((r) => [r.STATUS, r.ERRORS])).toEqual([['ADDED', '']]);
    expect((await db.select().from(serialNumber).where(eq(serialNumber.serial, 'K-5')))[0].status).toBe('issued');
    const headers = [...HEADERS, 'Partner'];
    const noted = await importFile('Credit_Notes', [
      headers,
      ['C-1', '2026-02-05', sale.number, 'MAIN', 'ACME-1', '1', '50', 'K-3', 'CUS'],
    ]);
    expect(noted.map((r) => [r.STATUS, r.ERRORS])).toEqual([['ADDED', '']]);
    const [note] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(noted[0].RECORD_ID)));
    expect(note).toMatchObject({ kind: 'credit_note', returnOfId: sale.id });
    expect(note.stockDocumentId).not.toBeNull();
    expect((await db.select().from(serialNumber).where(eq(serialNumber.serial, 'K-3')))[0]).toMatchObject({
      status: 'in_stock',
      warehouseId: world.main,
    });
  });
});
