import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, like } from 'drizzle-orm';
import { isValid } from 'gtin';
import { item, serialNumber, warehouse } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';
import { withCodeKey, withCodeKeys } from '@/lib/catalog/code-key';

/*
 * A catalog import (and its dry run) must give every row the outcome it would have if the rows were imported
 * one at a time, in row order, however the job is cut into chunks: rows of one chunk are batched only when no other row
 * of the chunk can change their outcome. These jobs make rows depend on earlier rows (and one on a later
 * row) and run them in one-row chunks, in two-row chunks and in a single chunk. Cut into chunks, each chunk is
 * planned while the one before it is written (lib/import/writers/catalog-job-writer.ts): a row whose records that chunk
 * wrote must be planned again, the others keep their plan; both happen here (the CH-20 rows fail if a stale plan is
 * kept).
 */
/** EAN number n: a valid GTIN-13 (the GS1 check digit completes it). */
const E = (n: number) => {
  const body = `859000000${String(n).padStart(3, '0')}`;
  return [...'0123456789'].map((check) => body + check).find((candidate) => isValid(candidate))!;
};

const cases = [
  {
    findBy: 'Code',
    seed: [
      { code: 'CH-1', name: 'X', ean: E(1) },
      { code: 'CH-2', name: 'Y', ean: E(2) },
    ],
    rows: [
      ['CH-1', 'X', E(5)], // X gives up EAN 1 ...
      ['CH-3', 'Takes EAN 1', E(1)], // ... which a new item takes
      ['CH-2', 'Y', E(5)], // EAN 5 is X's now
      ['CH-4', 'Four', E(6)],
      ['CH-4', 'Four again', E(6)], // finds the item the row before added
      ['CH-4', '', ''], // ignore_empty: keeps the name the row before wrote
    ],
    expected: [
      ['UPDATED', ''],
      ['ADDED', ''],
      ['SKIPPED', 'DUPLICATE_DATA-EAN'],
      ['ADDED', ''],
      ['UPDATED', ''],
      ['UPDATED', ''],
    ],
    items: [
      ['CH-1', 'X', E(5)],
      ['CH-2', 'Y', E(2)],
      ['CH-3', 'Takes EAN 1', E(1)],
      ['CH-4', 'Four again', E(6)],
    ],
  },
  {
    findBy: 'Code',
    seed: [{ code: 'CH-1', name: 'X', ean: E(1) }],
    rows: [
      ['CH-5', 'Too early', E(1)], // EAN 1 is still X's ...
      ['CH-1', 'X', E(7)], // ... until this row
    ],
    expected: [
      ['SKIPPED', 'DUPLICATE_DATA-EAN'],
      ['UPDATED', ''],
    ],
    items: [['CH-1', 'X', E(7)]],
  },
  {
    findBy: 'Code',
    seed: [{ code: 'CH-1', name: 'X', ean: E(1) }],
    rows: [
      ['CH-20', 'Twenty', ''], // a new item ...
      ['CH-20', '', ''], // ... found by the next row, which leaves its Name alone (refused if the item were missing)
      ['CH-20', 'Twenty renamed', ''],
    ],
    expected: [
      ['ADDED', ''],
      ['UPDATED', ''],
      ['UPDATED', ''],
    ],
    items: [
      ['CH-1', 'X', E(1)],
      ['CH-20', 'Twenty renamed', null],
    ],
  },
  {
    findBy: 'EAN',
    seed: [
      { code: 'CH-1', name: 'X', ean: E(1) },
      { code: 'CH-2', name: 'Y', ean: E(2) },
    ],
    rows: [
      ['CH-9', 'X renamed', E(1)], // X gives up code CH-1 ...
      ['CH-1', 'New one', E(3)], // ... which a new item takes
      ['CH-9', 'Y wants 9', E(2)], // CH-9 is X's now
      ['CH-10', 'Fresh', E(4)],
      ['CH-11', 'Fresh renamed', E(4)], // finds the item the row before added
      ['', 'Name only', E(4)], // ignore_empty: keeps the code the row before wrote
    ],
    expected: [
      ['UPDATED', ''],
      ['ADDED', ''],
      ['SKIPPED', 'DUPLICATE_DATA-Code'],
      ['ADDED', ''],
      ['UPDATED', ''],
      ['UPDATED', ''],
    ],
    items: [
      ['CH-1', 'New one', E(3)],
      ['CH-11', 'Name only', E(4)],
      ['CH-2', 'Y', E(2)],
      ['CH-9', 'X renamed', E(1)],
    ],
  },
];

describe('a catalog import cut into chunks', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;

  beforeAll(async () => {
    api = apiCaller((await keyFor(db, 'admin')).key);
  });

  async function run(kase: (typeof cases)[number], chunkRows: number, dryRun = false) {
    await db.delete(item).where(like(item.code, 'CH-%'));
    await db.insert(item).values(withCodeKeys(kase.seed));
    const uploaded = await api.upload(csv([['Code', 'Name', 'EAN'], ...kase.rows]), 'items.csv');
    const created = await api.create({
      operation: 'upsert',
      ignore_empty: true,
      dry_run: dryRun,
      resource: [
        {
          type: 'data',
          module: { api_name: 'Items' },
          file_id: uploaded.json.details.file_id,
          find_by: kase.findBy,
          field_mappings: ['Code', 'Name', 'EAN'].map((api_name, index) => ({ api_name, index })),
        },
      ],
    });
    expect(created.status).toBe(201);
    await drainJobs(db, { chunkRows });
    const rows = await resultRows(api, created.json.details.id);
    const items = await db.select().from(item).where(like(item.code, 'CH-%')).orderBy(asc(item.code));
    return { outcomes: rows.map((r) => [r.STATUS, r.ERRORS]), items: items.map((i) => [i.code, i.name, i.ean]) };
  }

  for (const kase of cases) {
    it(`applies the rows in order whatever the chunk size (upsert by ${kase.findBy}: ${kase.rows.length} rows)`, async () => {
      const oneRowChunks = await run(kase, 1);
      expect(oneRowChunks.outcomes).toEqual(kase.expected);
      expect(oneRowChunks.items).toEqual(kase.items);
      expect(await run(kase, 2)).toEqual(oneRowChunks);
      expect(await run(kase, 1000)).toEqual(oneRowChunks);
    });

    it(`a dry run in one-row chunks reports the same outcomes and writes nothing (upsert by ${kase.findBy}: ${kase.rows.length} rows)`, async () => {
      const dry = await run(kase, 1, true);
      expect(dry.outcomes).toEqual(kase.expected);
      expect(dry.items).toEqual(kase.seed.map((i) => [i.code, i.name, i.ean]).sort((a, b) => a[0].localeCompare(b[0])));
    });
  }

  it('a document dry run in one-document chunks sees the documents before it, as the real run does', async () => {
    await db.insert(warehouse).values(withCodeKey({ code: 'W-DRY', name: 'Dry run' }));
    await db.insert(item).values(withCodeKey({ code: 'DRY-SN', name: 'Dry run tracked', trackSerials: true }));
    const rows = [
      ['Number', 'Date', 'Warehouse', 'Item', 'Quantity', 'Serial_Numbers'],
      ['R1', '2026-03-01', 'W-DRY', 'DRY-SN', '1', 'DRY-X1'],
      ['R2', '2026-03-01', 'W-DRY', 'DRY-SN', '1', 'DRY-X1'],
    ];
    const outcomes = async (dryRun: boolean) => {
      const uploaded = await api.upload(csv(rows), 'receipts.csv');
      const created = await api.create({
        operation: 'insert',
        dry_run: dryRun,
        resource: [
          {
            type: 'data',
            module: { api_name: 'Goods_Receipts' },
            file_id: uploaded.json.details.file_id,
            field_mappings: rows[0].map((api_name, index) => ({ api_name, index })),
          },
        ],
      });
      await drainJobs(db, { chunkRows: 1 });
      return (await resultRows(api, created.json.details.id)).map((r) => [r.STATUS, r.ERRORS]);
    };
    const dry = await outcomes(true);
    expect(dry.map(([status]) => status)).toEqual(['ADDED', 'SKIPPED']);
    expect(await db.select().from(serialNumber).where(eq(serialNumber.serial, 'DRY-X1'))).toHaveLength(0);
    expect(await outcomes(false)).toEqual(dry);
  });
});
