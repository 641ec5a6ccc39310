import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { stocktakeCount, stocktakeScan } from '@/db/schema';
import { createImportJob } from '@/lib/import/jobs/create-job';
import { parseJobRequest } from '@/lib/import/request/job-request';
import { templateFile, templateRows } from '@/lib/import/request/templates';
import { postDocument } from '@/lib/inventory/post';
import { importIntoStocktake } from '@/lib/inventory/stocktake/import';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { STOCKTAKE_ENTRIES } from '@/lib/modules';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';

const HEADERS = ['Stocktake', 'Serial_Number', 'Item', 'Quantity'];
const mappings = HEADERS.map((api_name, index) => ({ api_name, index }));

/** Scans and counts of an open stocktake through the bulk importer: the count page's own row function. */
describe('stocktake entries bulk write', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let world: Awaited<ReturnType<typeof seedWorld>>;

  async function importFile(file: Buffer, dryRun = false) {
    const uploaded = await api.upload(file, 'count.csv');
    const created = await api.create({
      operation: 'insert',
      ...(dryRun ? { dry_run: true } : {}),
      resource: [
        {
          type: 'data',
          module: { api_name: 'Stocktake_Entries' },
          file_id: uploaded.json.details.file_id,
          field_mappings: mappings,
        },
      ],
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await drainJobs(db, { chunkRows: 3 });
    return resultRows(api, created.json.details.id);
  }

  beforeAll(async () => {
    world = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-03-01',
        warehouseId: world.main,
        lines: [
          { itemId: world.tracked, quantity: '2', serials: ['SE-1', 'SE-2'] },
          { itemId: world.plain, quantity: '10' },
        ],
      },
      world.actor,
    );
  });

  it('has a template with the count, the serial, the item and the quantity', async () => {
    expect(templateRows(STOCKTAKE_ENTRIES)).toEqual([HEADERS, ['ST-2026-00001', 'SN-0001', 'SCAN-100', '']]);
    const file = await templateFile('Stocktake_Entries.csv');
    expect(file?.fileName).toBe('Stocktake_Entries.csv');
    expect(file?.body.toString()).toContain('Stocktake,Serial_Number,Item,Quantity');
    expect(await templateFile('Stocktake_Entries.zip')).toBeNull();
  });

  it('writes serial and count rows into an open count, each refusal on its row with the web message', async () => {
    const open = await openStocktake(db, { date: '2026-03-02', warehouseId: world.main }, world.actor);
    const cancelled = await openStocktake(db, { date: '2026-03-02', warehouseId: world.shop }, world.actor);
    await cancelStocktake(db, cancelled.id, world.actor);
    const rows = await importFile(
      csv([
        HEADERS,
        [open.number, 'SE-1', '', ''],
        [open.number, 'se-1', '', ''],
        [open.number, 'SE-NEW', 'ACME-1', ''],
        [open.number, '', 'CABLE', '7'],
        [open.number, 'SE-X', '', ''],
        [cancelled.number, 'SE-2', '', ''],
        ['ST-2099-99999', 'SE-2', '', ''],
        [open.number, '', 'NOPE', '1'],
      ]),
    );
    const id = String(open.id);
    expect(rows.map((r) => [r.STATUS, r.RECORD_ID, r.ERRORS])).toEqual([
      ['ADDED', id, ''],
      ['SKIPPED', id, 'DUPLICATE_DATA-Serial_Number'],
      ['ADDED', id, ''],
      ['ADDED', id, ''],
      ['SKIPPED', '', 'INVALID_DATA-Serial_Number'],
      ['SKIPPED', '', 'CANNOT_PROCESS-Stocktake'],
      ['SKIPPED', '', 'RESOURCE_NOT_FOUND-Stocktake'],
      ['SKIPPED', '', 'INVALID_DATA-Item'],
    ]);
    expect(rows[1].ERROR_MESSAGE).toMatch(/^se-1 was already scanned by Importer 1 at \d\d:\d\d:\d\d; counted once\.$/);
    expect(rows.slice(4).map((r) => r.ERROR_MESSAGE)).toEqual([
      'SE-X is not a known serial: choose its item to record it as found.',
      `Stocktake ${cancelled.number} is cancelled; it can no longer change.`,
      'No stocktake has Number ST-2099-99999.',
      'No item has the code NOPE.',
    ]);
    const scans = await db.select().from(stocktakeScan).where(eq(stocktakeScan.stocktakeId, open.id));
    expect(scans.map((s) => s.serial).sort()).toEqual(['SE-1', 'SE-NEW']);
    const [count] = await db
      .select()
      .from(stocktakeCount)
      .where(and(eq(stocktakeCount.stocktakeId, open.id), eq(stocktakeCount.itemId, world.plain)));
    expect(count.quantity).toBe('7.000');
    // The page upload answers the same rows with the same words (it prefixes the row number).
    const web = await importIntoStocktake(
      db,
      open.id,
      [{ rowNumber: 6, serial: 'SE-X', item: '', quantity: '' }],
      world.actor,
    );
    expect(web).toEqual([{ rowNumber: 6, ok: false, message: `Row 6: ${rows[4].ERROR_MESSAGE}` }]);
    await cancelStocktake(db, open.id, world.actor);
  });

  it('a dry run reports the same rows and writes nothing', async () => {
    const open = await openStocktake(db, { date: '2026-03-03', warehouseId: world.shop }, world.actor);
    const rows = await importFile(csv([HEADERS, [open.number, 'SE-2', '', ''], [open.number, 'SE-2', '', '']]), true);
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['ADDED', ''],
      ['SKIPPED', 'DUPLICATE_DATA-Serial_Number'],
    ]);
    expect(await db.select().from(stocktakeScan).where(eq(stocktakeScan.stocktakeId, open.id))).toEqual([]);
  });

  it('needs the right to scan (stockDocs.write) besides import.run', async () => {
    const request = parseJobRequest({
      operation: 'insert',
      resource: [{ type: 'data', module: { api_name: 'Stocktake_Entries' }, file_id: '1', field_mappings: mappings }],
    });
    const accountant = { kind: 'user', userId: 1, userName: 'A', email: 'a@example.com', role: 'accountant' } as const;
    await expect(createImportJob(db, request, accountant)).rejects.toMatchObject({
      code: 'NO_PERMISSION',
      status: 403,
      message: 'The accountant role may not write Stocktake_Entries.',
    });
  });
});
