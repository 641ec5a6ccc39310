import { beforeAll, describe, expect, it } from 'vitest';
import { postDocument } from '@/lib/inventory/post';
import { call, keyFor as recordsKeyFor } from '@/test/api/records-client';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor as importKeyFor, type Caller } from '@/test/import/api';
import { csv, drainJobs } from '@/test/import/drain';
import { resultRows } from '@/test/import/result-file';

type Line = { item: 'ACME-1' | 'ACME-2' | 'CABLE'; quantity: string; serials: string[] };
type Case = { rule: string; module: 'Goods_Receipts' | 'Goods_Issues'; date: string; line: Line };

const CASES: Case[] = [
  {
    rule: 'count mismatch',
    module: 'Goods_Receipts',
    date: '2026-05-02',
    line: { item: 'ACME-1', quantity: '2', serials: ['AG-C1'] },
  },
  {
    rule: 'fraction of a tracked item',
    module: 'Goods_Receipts',
    date: '2026-05-02',
    line: { item: 'ACME-1', quantity: '1.5', serials: ['AG-F1'] },
  },
  {
    rule: 'one serial twice',
    module: 'Goods_Receipts',
    date: '2026-05-02',
    line: { item: 'ACME-1', quantity: '2', serials: ['AG-D1', 'ag-d1'] },
  },
  {
    rule: 'already in stock',
    module: 'Goods_Receipts',
    date: '2026-05-02',
    line: { item: 'ACME-1', quantity: '1', serials: ['AG-IN'] },
  },
  {
    rule: 'serials on an untracked item',
    module: 'Goods_Receipts',
    date: '2026-05-02',
    line: { item: 'CABLE', quantity: '1', serials: ['AG-U1'] },
  },
  {
    rule: 'never received',
    module: 'Goods_Issues',
    date: '2026-05-02',
    line: { item: 'ACME-1', quantity: '1', serials: ['AG-NEVER'] },
  },
  {
    rule: "another item's serial",
    module: 'Goods_Issues',
    date: '2026-05-02',
    line: { item: 'ACME-2', quantity: '1', serials: ['AG-IN'] },
  },
  {
    rule: 'issued before it arrived',
    module: 'Goods_Issues',
    date: '2026-04-01',
    line: { item: 'ACME-1', quantity: '1', serials: ['AG-IN'] },
  },
  {
    rule: 'not enough stock',
    module: 'Goods_Issues',
    date: '2026-05-02',
    line: { item: 'CABLE', quantity: '1000', serials: [] },
  },
];

/**
 * The records API and the importer translate the core's refusals through one table (lib/modules/zoho.ts):
 * for the same document they must answer the same Zoho code, pointing at the same field.
 */
describe('the two Zoho-compatible doors answer a broken rule alike', async () => {
  const { db } = await useTestDatabase();
  let recordsKey: string;
  let importer: Caller;
  beforeAll(async () => {
    const w = await seedWorld(db);
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-05-01',
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['AG-IN'] }],
      },
      w.actor,
    );
    recordsKey = (await recordsKeyFor(db, 'admin')).key;
    importer = apiCaller((await importKeyFor(db, 'admin')).key);
  });

  async function throughRecordsApi(c: Case) {
    const { json } = await call(recordsKey, 'POST', `/crm/v8/${c.module}`, {
      data: [
        {
          Date: c.date,
          Warehouse: { Code: 'MAIN' },
          Lines: [{ Item: { Code: c.line.item }, Quantity: c.line.quantity, Serial_Numbers: c.line.serials }],
        },
      ],
    });
    const [entry] = json.data;
    return { code: entry.code as string, field: entry.details.api_name as string, message: entry.message as string };
  }

  /** Imports one file into a document module, every header mapped by position; its result rows. */
  async function importRows(module: string, headers: string[], rows: string[][]) {
    const uploaded = await importer.upload(csv([headers, ...rows]), 'doc.csv');
    const created = await importer.create({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: module },
          file_id: uploaded.json.details.file_id,
          field_mappings: headers.map((api_name, index) => ({ api_name, index })),
        },
      ],
    });
    await drainJobs(db);
    return resultRows(importer, created.json.details.id);
  }

  async function throughImporter(c: Case) {
    const headers = ['Number', 'Date', 'Warehouse', 'Item', 'Quantity', 'Serial_Numbers'];
    const [row] = await importRows(c.module, headers, [
      ['D-1', c.date, 'MAIN', c.line.item, c.line.quantity, c.line.serials.join(';')],
    ]);
    const [code, field] = row.ERRORS.split(':')[0].split('-');
    return { code, field, message: row.ERROR_MESSAGE };
  }

  it.each(CASES.map((c) => [c.rule, c] as const))('%s', async (_rule, c) => {
    const api = await throughRecordsApi(c);
    const imported = await throughImporter(c);
    expect(api.code).not.toBe('SUCCESS');
    expect(imported).toMatchObject({ code: api.code, field: api.field });
    expect(imported.message).toContain(api.message.replace(/ \(and \d+ more problems?\)$/, ''));
  });

  it('a header value left out: MANDATORY_NOT_FOUND on the same field through both doors', async () => {
    const recordsAnswer = await call(recordsKey, 'POST', '/crm/v8/Goods_Receipts', {
      data: [{ Warehouse: { Code: 'MAIN' }, Lines: [{ Item: { Code: 'CABLE' }, Quantity: '1' }] }],
    });
    const [row] = await importRows(
      'Goods_Receipts',
      ['Number', 'Date', 'Warehouse', 'Item', 'Quantity'],
      [['D-2', '', 'MAIN', 'CABLE', '1']],
    );
    expect(recordsAnswer.json.data[0]).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Date' } });
    expect(row.ERRORS).toBe('MANDATORY_NOT_FOUND-Date');
  });
});
