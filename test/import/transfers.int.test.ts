import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { document, serialNumber } from '@/db/schema';
import { postDocument } from '@/lib/inventory/post';
import { templateFile, templateRows } from '@/lib/import/request/templates';
import { TRANSFERS } from '@/lib/modules';
import { call, keyFor as recordsKeyFor } from '@/test/api/records-client';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';
import { runDocumentFile, verdict } from './document-files';

const HEADERS = ['Number', 'Date', 'Warehouse', 'Destination_Warehouse', 'Item', 'Quantity', 'Serial_Numbers'];
const mappings = HEADERS.map((api_name, index) => ({ api_name, index }));

/**
 * Transfers through the bulk importer: the flat document-rows path every document module uses, declared in lib/modules.
 */
describe('transfer bulk write', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let world: Awaited<ReturnType<typeof seedWorld>>;

  async function importFile(file: Buffer, fieldMappings: unknown[] = mappings) {
    const uploaded = await api.upload(file, 'moves.csv');
    const created = await api.create({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: 'Transfers' },
          file_id: uploaded.json.details.file_id,
          field_mappings: fieldMappings,
        },
      ],
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await drainJobs(db);
    return resultRows(api, created.json.details.id);
  }

  beforeAll(async () => {
    world = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-02-01',
        warehouseId: world.main,
        lines: [
          { itemId: world.tracked, quantity: '4', serials: ['M-1', 'M-2', 'M-3', 'M-4'] },
          { itemId: world.plain, quantity: '10' },
        ],
      },
      world.actor,
    );
  });

  it('has a template with both warehouses and no prices', async () => {
    expect(templateRows(TRANSFERS)[0]).toEqual([...HEADERS, 'Note', 'In_Transit', 'External_Number']);
    expect((await templateFile('Transfers.csv'))?.fileName).toBe('Transfers.csv');
  });

  it('posts rows with the same Number as one transfer, and a second run of the file skips it', async () => {
    const file = csv([
      HEADERS,
      ['T-1', '2026-02-02', 'MAIN', 'SHOP', 'ACME-1', '', 'M-1'],
      ['T-1', '', '', '', 'ACME-1', '', 'M-2;M-3'],
      ['T-1', '', '', '', 'CABLE', '4', ''],
    ]);
    const rows = await importFile(file);
    expect(rows.map((r) => r.STATUS)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    const [doc] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(rows[0].RECORD_ID)));
    expect(doc).toMatchObject({
      kind: 'transfer',
      warehouseId: world.main,
      destinationWarehouseId: world.shop,
      externalNumber: 'T-1',
    });
    expect(doc.number).toMatch(/^TR-2026-\d{5}$/);
    const moved = await db.select().from(serialNumber).where(eq(serialNumber.warehouseId, world.shop));
    expect(moved.map((s) => s.serial).sort()).toEqual(['M-1', 'M-2', 'M-3']);
    const again = await importFile(file);
    expect(again.map((r) => [r.STATUS, r.ERRORS, r.RECORD_ID])).toEqual(
      rows.map(() => ['SKIPPED', 'DUPLICATE_DATA-External_Number', rows[0].RECORD_ID]),
    );
  });

  it('skips a transfer whose serial is not in the source, on the row that names it', async () => {
    const rows = await importFile(
      csv([
        HEADERS,
        ['T-2', '2026-02-03', 'MAIN', 'SHOP', 'ACME-1', '', 'M-4'],
        ['T-2', '', '', '', 'ACME-1', '', 'M-1'],
        ['T-3', '2026-02-03', 'SHOP', 'SHOP', 'CABLE', '1', ''],
      ]),
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['SKIPPED', 'CANNOT_PROCESS'],
      ['SKIPPED', 'INVALID_DATA-Serial_Numbers'],
      ['SKIPPED', 'INVALID_DATA-Destination_Warehouse'],
    ]);
    expect(rows[1].ERROR_MESSAGE).toBe(
      'Serial M-1 of item ACME-1 is not in stock in warehouse MAIN: it is in warehouse SHOP.',
    );
    expect(rows[2].ERROR_MESSAGE).toBe('The destination must be another warehouse than the source.');
    expect((await db.select().from(serialNumber).where(eq(serialNumber.serial, 'M-4')))[0].warehouseId).toBe(
      world.main,
    );
  });

  it('the records API answers the same refusal with the same code and field', async () => {
    const key = (await recordsKeyFor(db, 'admin')).key;
    const { json } = await call(key, 'POST', '/crm/v8/Transfers', {
      data: [
        {
          Date: '2026-02-03',
          Warehouse: { Code: 'MAIN' },
          Destination_Warehouse: { Code: 'SHOP' },
          Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: ['M-1'] }],
        },
      ],
    });
    const rows = await importFile(csv([HEADERS, ['T-4', '2026-02-03', 'MAIN', 'SHOP', 'ACME-1', '1', 'M-1']]));
    expect(`${json.data[0].code}-${json.data[0].details.api_name}`).toBe(rows[0].ERRORS);
    expect(json.data[0].message).toBe(rows[0].ERROR_MESSAGE);
  });

  it('sends transfers in transit and imports their arrivals, the transfer named by its number', async () => {
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-02-01',
        warehouseId: world.main,
        lines: [{ itemId: world.tracked, quantity: '2', serials: ['N-1', 'N-2'] }],
      },
      world.actor,
    );
    const sentRows = await importFile(
      csv([
        [...HEADERS, 'In_Transit'],
        ['T-9', '2026-02-04', 'MAIN', 'SHOP', 'ACME-1', '2', 'N-1;N-2', 'true'],
      ]),
      [...mappings, { api_name: 'In_Transit', index: HEADERS.length }],
    );
    expect(sentRows[0].STATUS).toBe('ADDED');
    const [sent] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(sentRows[0].RECORD_ID)));
    expect(sent.inTransit).toBe(true);
    const headers = ['Number', 'Date', 'Transfer', 'Warehouse', 'Item', 'Quantity', 'Serial_Numbers'];
    const uploaded = await api.upload(
      csv([
        headers,
        ['A-1', '2026-02-05', sent.number, 'SHOP', 'ACME-1', '1', 'N-2'],
        ['A-2', '2026-02-05', 'TR-1999-00001', 'SHOP', 'ACME-1', '1', 'N-1'],
      ]),
      'arrivals.csv',
    );
    const created = await api.create({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: 'Transfer_Arrivals' },
          file_id: uploaded.json.details.file_id,
          field_mappings: headers.map((api_name, index) => ({ api_name, index })),
        },
      ],
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await drainJobs(db);
    const rows = await resultRows(api, created.json.details.id);
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['ADDED', ''],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-Transfer'],
    ]);
    expect((await db.select().from(serialNumber).where(eq(serialNumber.serial, 'N-2')))[0]).toMatchObject({
      status: 'in_stock',
      warehouseId: world.shop,
    });
    expect((await db.select().from(serialNumber).where(eq(serialNumber.serial, 'N-1')))[0]).toMatchObject({
      status: 'in_transit',
    });
  });

  it('updates a transfer found by its Number: a note alone keeps both warehouses and its serials', async () => {
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-02-01',
        warehouseId: world.main,
        lines: [{ itemId: world.tracked, quantity: '1', serials: ['U-1'] }],
      },
      world.actor,
    );
    const tr = await postDocument(
      db,
      {
        kind: 'transfer',
        date: '2026-02-06',
        warehouseId: world.main,
        destinationWarehouseId: world.shop,
        lines: [{ itemId: world.tracked, quantity: '1', serials: ['U-1'] }],
      },
      world.actor,
    );
    const rows = await runDocumentFile(
      db,
      api,
      [
        ['Number', 'Note'],
        [tr.number, 'second van'],
      ],
      { operation: 'update', module: 'Transfers', findBy: 'Number' },
    );
    expect(rows.map(verdict)).toEqual([['UPDATED', '', String(tr.id)]]);
    const [after] = await db.select().from(document).where(eq(document.id, tr.id));
    expect(after).toMatchObject({
      note: 'second van',
      warehouseId: world.main,
      destinationWarehouseId: world.shop,
      inTransit: false,
    });
    expect((await db.select().from(serialNumber).where(eq(serialNumber.serial, 'U-1')))[0].warehouseId).toBe(
      world.shop,
    );
  });

  it('refuses a job that leaves the destination unmapped', async () => {
    const uploaded = await api.upload(
      csv([HEADERS, ['T-5', '2026-02-03', 'MAIN', 'SHOP', 'CABLE', '1', '']]),
      'moves.csv',
    );
    const created = await api.create({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: 'Transfers' },
          file_id: uploaded.json.details.file_id,
          field_mappings: mappings.filter((m) => m.api_name !== 'Destination_Warehouse'),
        },
      ],
    });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.json)).toContain('Destination_Warehouse');
  });
});
