import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { document, expectedSerial, serialNumber } from '@/db/schema';
import { buildXlsx } from '@/lib/import/files/__fixtures__/build-xlsx';
import { templateFile, templateRows } from '@/lib/import/request/templates';
import { postDocument } from '@/lib/inventory/post';
import { EXPECTED_RECEIPTS, GOODS_RECEIPTS } from '@/lib/modules';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { runDocumentFile } from './document-files';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';

const HEADERS = ['Number', 'Date', 'Partner', 'Warehouse', 'Item', 'Serial_Numbers'];
const mappings = HEADERS.map((api_name, index) => ({ api_name, index }));

/** A supplier's list of serials imported as expected receipts: one row per serial, rows of one Number are one list. */
describe('expected receipts bulk write', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let world: Awaited<ReturnType<typeof seedWorld>>;

  async function importFile(file: Buffer, name: string) {
    const uploaded = await api.upload(file, name);
    const created = await api.create({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: 'Expected_Receipts' },
          file_id: uploaded.json.details.file_id,
          field_mappings: mappings,
        },
      ],
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await drainJobs(db);
    return resultRows(api, created.json.details.id);
  }
  const expectedOf = async (id: string) =>
    (
      await db
        .select({ serial: expectedSerial.serial, status: expectedSerial.status })
        .from(expectedSerial)
        .where(eq(expectedSerial.documentId, BigInt(id)))
        .orderBy(asc(expectedSerial.id))
    ).map((e) => `${e.serial}:${e.status}`);

  beforeAll(async () => {
    world = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
  });

  it('has a template with the partner, the warehouse, prices and the serials', async () => {
    expect(templateRows(EXPECTED_RECEIPTS)[0]).toEqual([
      'Number',
      'Date',
      'Partner',
      'Warehouse',
      'Item',
      'Quantity',
      'Unit_Price',
      'VAT_Rate',
      'Serial_Numbers',
      'Note',
      'External_Number',
    ]);
    expect((await templateFile('Expected_Receipts.xlsx'))?.fileName).toBe('Expected_Receipts.xlsx');
  });

  it('imports a list from CSV as one expected receipt that moves no stock', async () => {
    const rows = await importFile(
      csv([
        HEADERS,
        ['ASN-1', '2026-03-01', 'SUP', 'MAIN', 'ACME-1', 'CSV-1'],
        ['ASN-1', '', '', '', 'ACME-1', 'CSV-2'],
        ['ASN-1', '', '', '', 'ACME-1', 'CSV-3'],
      ]),
      'asn.csv',
    );
    expect(rows.map((r) => r.STATUS)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    const [doc] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(rows[0].RECORD_ID)));
    expect(doc).toMatchObject({ kind: 'expected_receipt', externalNumber: 'ASN-1', partnerId: world.supplier });
    expect(doc.number).toMatch(/^ER-2026-\d{5}$/);
    expect(await expectedOf(rows[0].RECORD_ID)).toEqual(['CSV-1:expected', 'CSV-2:expected', 'CSV-3:expected']);
    expect(await db.select().from(serialNumber).where(eq(serialNumber.serial, 'CSV-1'))).toEqual([]);
  });

  it('imports from XLSX and refuses, on its row, a serial already in stock or expected', async () => {
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-02-01',
        warehouseId: world.main,
        lines: [{ itemId: world.tracked, quantity: '1', serials: ['IN-1'] }],
      },
      world.actor,
    );
    const rows = await importFile(
      await buildXlsx([
        HEADERS,
        ['ASN-2', '2026-03-02', 'SUP', 'MAIN', 'ACME-1', 'XL-1'],
        ['ASN-2', '', '', '', 'ACME-1', 'XL-2'],
        ['ASN-3', '2026-03-02', 'SUP', 'MAIN', 'ACME-1', 'XL-3'],
        ['ASN-3', '', '', '', 'ACME-1', 'IN-1'],
        ['ASN-4', '2026-03-02', 'SUP', 'MAIN', 'ACME-1', 'csv-2'],
      ]),
      'asn.xlsx',
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['ADDED', ''],
      ['ADDED', ''],
      ['SKIPPED', 'CANNOT_PROCESS'],
      ['SKIPPED', 'DUPLICATE_DATA-Serial_Numbers'],
      ['SKIPPED', 'DUPLICATE_DATA-Serial_Numbers'],
    ]);
    expect(rows[3].ERROR_MESSAGE).toMatch(/^Serial IN-1 of item ACME-1 is already in stock in warehouse MAIN/);
    expect(rows[4].ERROR_MESSAGE).toMatch(/^Serial csv-2 of item ACME-1 is already expected on ER-2026-\d{5}\.$/);
    expect(await expectedOf(rows[0].RECORD_ID)).toEqual(['XL-1:expected', 'XL-2:expected']);
  });

  it('confirms an expected receipt with a goods receipt that names it: the rest stays expected', async () => {
    const [asn] = await db.select().from(document).where(eq(document.externalNumber, 'ASN-1'));
    const rows = await runDocumentFile(
      db,
      api,
      [
        ['Number', 'Date', 'Partner', 'Warehouse', 'Expected_Receipt', 'Item', 'Quantity', 'Serial_Numbers'],
        ['DL-1', '2026-03-05', 'SUP', 'MAIN', asn.number, 'ACME-1', '3', 'CSV-1;csv-2;EXTRA-1'],
      ],
      { operation: 'insert' },
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS, r.ERROR_MESSAGE])).toEqual([['ADDED', '', '']]);
    const [receipt] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(rows[0].RECORD_ID)));
    expect(receipt).toMatchObject({ kind: 'goods_receipt', expectedReceiptId: asn.id });
    expect(await expectedOf(String(asn.id))).toEqual(['CSV-1:received', 'CSV-2:received', 'CSV-3:expected']);
    const inStock = await db.select().from(serialNumber).where(eq(serialNumber.status, 'in_stock'));
    expect(inStock.map((s) => s.serial).sort()).toEqual(expect.arrayContaining(['CSV-1', 'EXTRA-1', 'csv-2']));
  });

  describe('Drop_Missing_Expected on the confirming receipt', () => {
    const CONFIRM = ['Number', 'Date', 'Warehouse', 'Expected_Receipt', 'Drop_Missing_Expected', 'Item', 'Quantity'];
    const confirmRow = (number: string, erNumber: string, drop: string, serial: string) => [
      [...CONFIRM, 'Serial_Numbers'],
      [number, '2026-03-06', 'MAIN', erNumber, drop, 'ACME-1', '1', serial],
    ];
    const prepared = async (tag: string) =>
      postDocument(
        db,
        {
          kind: 'expected_receipt',
          date: '2026-03-01',
          warehouseId: world.main,
          lines: [{ itemId: world.tracked, quantity: '3', serials: [`${tag}-1`, `${tag}-2`, `${tag}-3`] }],
        },
        world.actor,
      );

    it('is in the template as a switch, after the document fields', () => {
      const [headers, example] = templateRows(GOODS_RECEIPTS);
      expect(example[headers.indexOf('Drop_Missing_Expected')]).toBe('false');
      expect(GOODS_RECEIPTS.fields.find((f) => f.apiName === 'Drop_Missing_Expected')?.writeOnly).toBe(true);
    });

    it.each([
      ['yes', 'dropped'],
      ['false', 'expected'],
      ['', 'expected'],
    ])('%s: the serials that did not arrive end %s', async (drop, missing) => {
      const tag = `IDME-${drop || 'blank'}`;
      const er = await prepared(tag);
      const rows = await runDocumentFile(db, api, confirmRow(`DL-${tag}`, er.number, drop, `${tag}-1`), {
        operation: 'insert',
      });
      expect(rows.map((r) => [r.STATUS, r.ERRORS, r.ERROR_MESSAGE])).toEqual([['ADDED', '', '']]);
      expect(await expectedOf(String(er.id))).toEqual([
        `${tag}-1:received`,
        `${tag}-2:${missing}`,
        `${tag}-3:${missing}`,
      ]);
    });

    it('refuses, on its row, a value that is no switch and a drop without an expected receipt', async () => {
      const er = await prepared('IDME-BAD');
      const bad = await runDocumentFile(db, api, confirmRow('DL-IDME-BAD', er.number, 'maybe', 'IDME-BAD-1'), {
        operation: 'insert',
      });
      expect(bad.map((r) => [r.STATUS, r.ERRORS])).toEqual([['SKIPPED', 'INVALID_DATA-Drop_Missing_Expected']]);
      const alone = await runDocumentFile(
        db,
        api,
        [
          ['Number', 'Date', 'Warehouse', 'Drop_Missing_Expected', 'Item', 'Quantity', 'Serial_Numbers'],
          ['DL-IDME-ALONE', '2026-03-06', 'MAIN', 'true', 'ACME-1', '1', 'IDME-ALONE-1'],
        ],
        { operation: 'insert' },
      );
      expect(alone.map((r) => [r.STATUS, r.ERRORS])).toEqual([['SKIPPED', 'INVALID_DATA-Drop_Missing_Expected']]);
      expect(await expectedOf(String(er.id))).toEqual([
        'IDME-BAD-1:expected',
        'IDME-BAD-2:expected',
        'IDME-BAD-3:expected',
      ]);
    });
  });

  it('refuses, on its row, an Expected_Receipt that names no document', async () => {
    const rows = await runDocumentFile(
      db,
      api,
      [
        ['Number', 'Date', 'Warehouse', 'Expected_Receipt', 'Item', 'Quantity', 'Serial_Numbers'],
        ['DL-2', '2026-03-05', 'MAIN', 'ER-1999-00001', 'ACME-1', '1', 'NOPE-1'],
      ],
      { operation: 'insert' },
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([['SKIPPED', 'RESOURCE_NOT_FOUND-Expected_Receipt']]);
  });
});
