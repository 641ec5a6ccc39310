import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { document } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';

const HEADERS = ['Number', 'Date', 'Partner', 'Warehouse', 'Item', 'Quantity', 'Serial_Numbers'];

/** Importing the same file twice (the most common mistake of a bulk job) adds its documents once. */
describe('re-running a document import', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  beforeAll(async () => {
    await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
  });

  async function run(file: Buffer, dryRun = false, operation = 'insert') {
    const uploaded = await api.upload(file, 'receipts.csv');
    const created = await api.create({
      operation,
      ...(dryRun ? { dry_run: true } : {}),
      resource: [
        {
          type: 'data',
          module: { api_name: 'Goods_Receipts' },
          file_id: uploaded.json.details.file_id,
          ...(operation === 'insert' ? {} : { find_by: 'External_Number' }),
          field_mappings: HEADERS.map((api_name, index) => ({ api_name, index })),
        },
      ],
    });
    expect(created.status).toBe(201);
    await drainJobs(db);
    return resultRows(api, created.json.details.id);
  }

  it('keeps the file\u2019s Number as the external number and skips the documents already there, naming them', async () => {
    const file = csv([
      HEADERS,
      ['UIW-R-1', '2026-02-01', 'SUP', 'MAIN', 'ACME-1', '1', 'RR-1'],
      ['UIW-R-1', '2026-02-01', 'SUP', 'MAIN', 'CABLE', '2', ''],
      ['UIW-R-2', '2026-02-02', 'SUP', 'MAIN', 'CABLE', '3', ''],
    ]);
    const first = await run(file);
    expect(first.map((r) => r.STATUS)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    const [r1] = await db.select().from(document).where(eq(document.externalNumber, 'UIW-R-1'));
    expect(r1.number).toMatch(/^GR-2026-/);

    const dry = await run(file, true);
    const again = await run(file);
    expect(again.map((r) => [r.STATUS, r.ERRORS, r.RECORD_ID])).toEqual([
      ['SKIPPED', 'DUPLICATE_DATA-External_Number', String(r1.id)],
      ['SKIPPED', 'DUPLICATE_DATA-External_Number', String(r1.id)],
      ['SKIPPED', 'DUPLICATE_DATA-External_Number', first[2].RECORD_ID],
    ]);
    expect(again[0].ERROR_MESSAGE).toContain(`Goods receipt UIW-R-1 from SUP is already entered as ${r1.number}.`);
    expect(await db.select().from(document).where(eq(document.externalNumber, 'UIW-R-1'))).toHaveLength(1);
    // A dry run reports what the real run would.
    expect(dry.map((r) => [r.STATUS, r.ERRORS, r.RECORD_ID])).toEqual(
      again.map((r) => [r.STATUS, r.ERRORS, r.RECORD_ID]),
    );

    // Run as an upsert by External_Number, the same file updates the receipts it names in place: nothing is doubled.
    const upserted = await run(file, false, 'upsert');
    expect(upserted.map((r) => [r.STATUS, r.RECORD_ID])).toEqual([
      ['UPDATED', String(r1.id)],
      ['UPDATED', String(r1.id)],
      ['UPDATED', first[2].RECORD_ID],
    ]);
    expect(await db.select().from(document).where(eq(document.externalNumber, 'UIW-R-1'))).toHaveLength(1);
  });
});
