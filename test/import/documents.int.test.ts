import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { document, serialNumber, stockLevel } from '@/db/schema';
import { postDocument } from '@/lib/inventory/post';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';

const HEADERS = ['Number', 'Date', 'Partner', 'Warehouse', 'Item', 'Quantity', 'Unit_Price', 'Serial_Numbers'];
const mappings = HEADERS.map((api_name, index) => ({
  api_name,
  index,
  ...(api_name === 'Date' ? { format: 'dd.MM.yyyy' } : {}),
}));

describe('document bulk write', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let world: Awaited<ReturnType<typeof seedWorld>>;

  async function importFile(module: string, file: Buffer, extra: Record<string, unknown> = {}) {
    const uploaded = await api.upload(file, 'documents.csv');
    expect(uploaded.status).toBe(200);
    const created = await api.create({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: module },
          file_id: uploaded.json.details.file_id,
          field_mappings: mappings,
          ...extra,
        },
      ],
    });
    expect(created.status).toBe(201);
    await drainJobs(db);
    return {
      status: (await api.status(created.json.details.id)).json,
      rows: await resultRows(api, created.json.details.id),
    };
  }

  beforeAll(async () => {
    world = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
  });

  it('posts rows with the same Number as one document, serials merged into one line', async () => {
    const file = csv([
      HEADERS,
      ['A-1', '15.01.2026', 'SUP', 'MAIN', 'ACME-1', '1', '10', 'GA-1'],
      ['A-2', '16.01.2026', '', 'MAIN', 'CABLE', '2.5', '3', ''],
      ['A-1', '', '', '', 'ACME-1', '', '10', 'GA-2;GA-3'],
    ]);
    const { status, rows } = await importFile('Goods_Receipts', file);
    expect(status.resource[0].file).toMatchObject({ added_count: 3, skipped_count: 0, total_count: 3 });
    expect(rows.map((r) => r.STATUS)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    expect(rows[0].RECORD_ID).toBe(rows[2].RECORD_ID);
    const [doc] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(rows[0].RECORD_ID)));
    expect(doc).toMatchObject({
      kind: 'goods_receipt',
      date: '2026-01-15',
      partnerId: world.supplier,
      warehouseId: world.main,
    });
    expect(doc.number).toMatch(/^GR-2026-\d{5}$/);
    const serials = await db.select().from(serialNumber).where(eq(serialNumber.itemId, world.tracked));
    expect(serials.map((s) => s.serial).sort()).toEqual(['GA-1', 'GA-2', 'GA-3']);
  });

  it('skips a document whose serials collide with stock, and every row says why', async () => {
    const posted = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-01-10',
        warehouseId: world.main,
        lines: [{ itemId: world.tracked, quantity: '1', serials: ['CX-2'] }],
      },
      world.actor,
    );
    const before = await db.select().from(document);
    const file = csv([
      HEADERS,
      ['B-1', '20.01.2026', 'SUP', 'MAIN', 'ACME-1', '', '10', 'CX-1'],
      ['B-1', '', '', '', 'ACME-1', '', '10', 'CX-2'],
      ['B-1', '', '', '', 'CABLE', '4', '1', ''],
      ['B-2', '20.01.2026', '', 'MAIN', 'CABLE', '1', '1', ''],
    ]);
    const { status, rows } = await importFile('Goods_Receipts', file);
    expect(status.resource[0].file).toMatchObject({ added_count: 1, skipped_count: 3 });
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['SKIPPED', 'CANNOT_PROCESS'],
      ['SKIPPED', 'DUPLICATE_DATA-Serial_Numbers'],
      ['SKIPPED', 'CANNOT_PROCESS'],
      ['ADDED', ''],
    ]);
    expect(rows[1].ERROR_MESSAGE).toBe(
      `Serial CX-2 of item ACME-1 is already in stock in warehouse MAIN (received by ${posted.number}).`,
    );
    expect(rows[0].ERROR_MESSAGE).toBe(`Document B-1 was not imported: ${rows[1].ERROR_MESSAGE}`);
    expect((await db.select().from(document)).length).toBe(before.length + 1);
    expect(await db.select().from(serialNumber).where(eq(serialNumber.serial, 'CX-1'))).toHaveLength(0);
  });

  it('reports lookups that match nothing and keeps the whole document out', async () => {
    const file = csv([
      HEADERS,
      ['C-1', '21.01.2026', 'NOBODY', 'MAIN', 'NO-SUCH', '1', '1', ''],
      ['C-1', '2026-01-21', '', '', 'CABLE', '1', '1', ''],
    ]);
    const { rows } = await importFile('Goods_Receipts', file);
    expect(rows.map((r) => r.ERRORS)).toEqual(['RESOURCE_NOT_FOUND-Partner,Item', 'INVALID_DATA-Date']);
    expect(rows[0].ERROR_MESSAGE).toBe('No partner has Code NOBODY.; No item has Code NO-SUCH.');
    expect(rows[1].ERROR_MESSAGE).toBe("Date '2026-01-21' does not match the format dd.MM.yyyy.");
  });

  it('finds items by EAN when the mapping says so, and refuses stock that is not there on issues', async () => {
    const byEan = mappings.map((m) => (m.api_name === 'Item' ? { ...m, find_by: 'EAN' } : m));
    const { rows } = await importFile(
      'Goods_Issues',
      csv([HEADERS, ['D-1', '22.01.2026', 'CUS', 'MAIN', '0000', '999', '1', '']]),
      { field_mappings: byEan },
    );
    expect(rows[0]).toMatchObject({ STATUS: 'SKIPPED', ERRORS: 'RESOURCE_NOT_FOUND-Item' });
    const { rows: issue } = await importFile(
      'Goods_Issues',
      csv([HEADERS, ['D-2', '22.01.2026', 'CUS', 'MAIN', 'CABLE', '999', '1', '']]),
    );
    expect(issue[0]).toMatchObject({ STATUS: 'SKIPPED', ERRORS: 'CANNOT_PROCESS-Quantity' });
    expect(issue[0].ERROR_MESSAGE).toMatch(/^Not enough stock of CABLE in warehouse MAIN/);
    const [level] = await db
      .select()
      .from(stockLevel)
      .where(and(eq(stockLevel.itemId, world.plain), eq(stockLevel.warehouseId, world.main)));
    expect(Number(level.quantity)).toBeGreaterThan(0);
  });

  it('finds records by id; a 19-digit id, within bigint or beyond it, is not found, never an error', async () => {
    const byId = mappings.map((m) =>
      m.api_name === 'Item' || m.api_name === 'Warehouse' ? { ...m, find_by: 'id' } : m,
    );
    const { rows } = await importFile(
      'Goods_Receipts',
      csv([
        HEADERS,
        ['F-1', '24.01.2026', 'SUP', String(world.main), String(world.plain), '1', '1', ''],
        ['F-2', '24.01.2026', 'SUP', String(world.main), '1000000000000000000', '1', '1', ''],
        ['F-3', '24.01.2026', 'SUP', '9999999999999999999', String(world.plain), '1', '1', ''],
      ]),
      { field_mappings: byId },
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['ADDED', ''],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-Item'],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-Warehouse'],
    ]);
  });

  it('posts invoices with their partner rule (a customer is not a supplier)', async () => {
    const { rows } = await importFile(
      'Purchase_Invoices',
      csv([HEADERS, ['E-1', '23.01.2026', 'CUS', 'MAIN', 'CABLE', '1', '5', '']]),
    );
    expect(rows[0]).toMatchObject({
      STATUS: 'SKIPPED',
      ERRORS: 'INVALID_DATA-Partner',
      ERROR_MESSAGE: 'Partner CUS is a customer, not a supplier.',
    });
    const { rows: ok } = await importFile(
      'Purchase_Invoices',
      csv([HEADERS, ['E-2', '23.01.2026', 'SUP', 'MAIN', 'CABLE', '1', '5', '']]),
    );
    expect(ok[0].STATUS).toBe('ADDED');
    const [invoice] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(ok[0].RECORD_ID)));
    expect(invoice.kind).toBe('purchase_invoice');
    expect(invoice.stockDocumentId).not.toBeNull();
  });
});
