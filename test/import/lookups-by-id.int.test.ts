import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { document, item } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';

/** Zoho lookups take record ids, with `Field.id` headers; Code stays the default for a bare `Warehouse` header. */
describe('bulk write lookups by id, Code and EAN', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let world: Awaited<ReturnType<typeof seedWorld>>;

  async function run(file: Buffer, resource: Record<string, unknown> = {}) {
    const uploaded = await api.upload(file, 'receipts.csv');
    const created = await api.create({
      operation: 'insert',
      resource: [
        { type: 'data', module: { api_name: 'Goods_Receipts' }, file_id: uploaded.json.details.file_id, ...resource },
      ],
    });
    if (created.status !== 201) return { created, rows: [] };
    await drainJobs(db);
    return {
      created,
      job: (await api.status(created.json.details.id)).json,
      rows: await resultRows(api, created.json.details.id),
    };
  }

  beforeAll(async () => {
    world = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
    await db.update(item).set({ ean: '8590000020013' }).where(eq(item.id, world.plain));
  });

  it('maps Field.id / Field.Code / Item.EAN headers by themselves and looks each up by its key', async () => {
    const { job, rows } = await run(
      csv([
        ['Number', 'Date', 'Partner.id', 'Warehouse.id', 'Item.EAN', 'Quantity'],
        ['ID-1', '2026-02-01', String(world.supplier), String(world.shop), '8590000020013', '3'],
      ]),
    );
    expect(job!.resource[0].field_mappings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ api_name: 'Partner', index: 2, find_by: 'id' }),
        expect.objectContaining({ api_name: 'Warehouse', index: 3, find_by: 'id' }),
        expect.objectContaining({ api_name: 'Item', index: 4, find_by: 'EAN' }),
      ]),
    );
    expect(rows.map((r) => r.STATUS)).toEqual(['ADDED']);
    const [doc] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(rows[0].RECORD_ID)));
    expect(doc).toMatchObject({ partnerId: world.supplier, warehouseId: world.shop });
  });

  it('reads a dotted api_name in field_mappings as the lookup and its find_by', async () => {
    const { rows } = await run(
      csv([
        ['N', 'D', 'W', 'I', 'Q'],
        ['ID-2', '2026-02-02', String(world.main), 'CABLE', '1'],
      ]),
      {
        field_mappings: [
          { api_name: 'Number', index: 0 },
          { api_name: 'Date', index: 1 },
          { api_name: 'Warehouse.id', index: 2 },
          { api_name: 'Item.Code', index: 3 },
          { api_name: 'Quantity', index: 4 },
        ],
      },
    );
    expect(rows.map((r) => r.STATUS)).toEqual(['ADDED']);
  });

  it('keeps Code as the default of a bare header, so an id there is not found and the row says so', async () => {
    const { rows } = await run(
      csv([
        ['Number', 'Date', 'Warehouse', 'Item', 'Quantity'],
        ['ID-3', '2026-02-03', String(world.main), 'CABLE', '1'],
      ]),
    );
    expect(rows[0]).toMatchObject({
      STATUS: 'SKIPPED',
      ERRORS: expect.stringContaining('RESOURCE_NOT_FOUND-Warehouse'),
    });
  });

  it('refuses a dotted name whose find_by says another key, and a key the lookup does not have', async () => {
    const bad = await run(csv([['W'], ['1']]), {
      field_mappings: [{ api_name: 'Warehouse.id', index: 0, find_by: 'Code' }],
    });
    expect(bad.created).toMatchObject({
      status: 400,
      json: { code: 'INVALID_DATA', details: { api_name: 'Warehouse' } },
    });
    const unknown = await run(csv([['W'], ['1']]), { field_mappings: [{ api_name: 'Warehouse.EAN', index: 0 }] });
    expect(unknown.created).toMatchObject({ status: 400, json: { code: 'INVALID_FIELD_NAME' } });
  });
});
