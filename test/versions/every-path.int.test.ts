import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { document, item, partner, user, warehouse } from '@/db/schema';
import { withCodeKey, withCodeKeys } from '@/lib/catalog/code-key';
import { updateItem } from '@/lib/catalog/items';
import { insertItems, updateItems } from '@/lib/catalog/item-batch';
import { itemExtras } from '@/lib/catalog/item-columns';
import { itemSchema } from '@/lib/validation/catalog';
import { call, keyFor } from '@/test/api/records-client';
import { useTestDatabase } from '@/test/db';
import { drainJobs } from '@/test/import/drain';
import { createJob, principalOf } from '@/test/import/jobs';

const pick = <T extends { version: number; updatedBy: number | null }>(row: T) => ({
  version: row.version,
  updatedBy: row.updatedBy,
});

/*
 * Every path that changes a record raises its version and names who changed it, so an edit form opened
 * before any of them is refused: the records API (update and upsert, which send no version themselves),
 * the importer's batch statements and its one-by-one rows, and document edits.
 */
describe('versions on every path', async () => {
  const { db } = await useTestDatabase();
  const api = await keyFor(db, 'admin', 'Api Client');
  const [importer] = await db
    .insert(user)
    .values({ name: 'Ida Importer', email: 'ida@example.com', role: 'admin' })
    .returning({ id: user.id });

  it('the records API: update and upsert of items, partners and warehouses', async () => {
    for (const [module, record] of [
      ['Items', { Code: 'V-ITEM', Name: 'Item' }],
      ['Partners', { Code: 'V-PARTNER', Name: 'P', Type: 'both' }],
      ['Warehouses', { Code: 'V-WH', Name: 'W' }],
    ] as const) {
      const inserted = await call(api.key, 'POST', `/crm/v8/${module}`, { data: [record] });
      const id = inserted.json.data[0].details.id;
      expect((await call(api.key, 'PUT', `/crm/v8/${module}`, { data: [{ id, Name: 'Renamed' }] })).status).toBe(200);
      expect(
        (await call(api.key, 'POST', `/crm/v8/${module}/upsert`, { data: [{ Code: record.Code, Name: 'Upserted' }] }))
          .status,
      ).toBe(200);
    }
    const rows = await Promise.all([
      db.select({ version: item.version, updatedBy: item.updatedBy }).from(item).where(eq(item.code, 'V-ITEM')),
      db
        .select({ version: partner.version, updatedBy: partner.updatedBy })
        .from(partner)
        .where(eq(partner.code, 'V-PARTNER')),
      db
        .select({ version: warehouse.version, updatedBy: warehouse.updatedBy })
        .from(warehouse)
        .where(eq(warehouse.code, 'V-WH')),
    ]);
    expect(rows.map(([row]) => pick(row))).toEqual(Array(3).fill({ version: 3, updatedBy: api.userId }));
  });

  it('the records API: a document update', async () => {
    await call(api.key, 'POST', '/crm/v8/Items', { data: [{ Code: 'V-GOODS', Name: 'Goods' }] });
    const posted = await call(api.key, 'POST', '/crm/v8/Goods_Receipts', {
      data: [
        { Date: '2026-11-22', Warehouse: { Code: 'V-WH' }, Lines: [{ Item: { Code: 'V-GOODS' }, Quantity: '2' }] },
      ],
    });
    const id = posted.json.data[0].details.id;
    expect((await call(api.key, 'PUT', `/crm/v8/Goods_Receipts/${id}`, { data: [{ Note: 'changed' }] })).status).toBe(
      200,
    );
    const [row] = await db
      .select()
      .from(document)
      .where(eq(document.id, BigInt(id)));
    expect(row).toMatchObject({ note: 'changed', version: 2, updatedBy: api.userId });
  });

  it("the importer: batched Items rows and one-by-one rows, named after the job's creator", async () => {
    await db.insert(item).values(
      withCodeKeys([
        { code: 'V-B1', name: 'Batch one' },
        { code: 'V-B2', name: 'Batch two' },
        { code: 'V-SOLO', name: 'Solo' },
      ]),
    );
    await db.insert(partner).values(withCodeKey({ code: 'V-P2', name: 'Partner', type: 'supplier' as const }));
    const principal = principalOf({ userId: importer.id, name: 'Ida Importer' });
    // V-SOLO twice: those rows share a record, so they go one by one through updateItem; V-B1, V-B2 and V-NEW by batch.
    await createJob(
      db,
      principal,
      [
        ['Code', 'Name'],
        ['V-B1', 'B1'],
        ['V-B2', 'B2'],
        ['V-SOLO', 'S1'],
        ['V-SOLO', 'S2'],
        ['V-NEW', 'New'],
      ],
      { operation: 'upsert' },
      { module: { api_name: 'Items' }, find_by: 'Code' },
    );
    await createJob(
      db,
      principal,
      [
        ['Code', 'Name'],
        ['V-P2', 'Renamed'],
      ],
      { operation: 'update' },
      { module: { api_name: 'Partners' }, find_by: 'Code' },
    );
    await drainJobs(db);
    const items = await db
      .select()
      .from(item)
      .where(inArray(item.code, ['V-B1', 'V-B2', 'V-SOLO', 'V-NEW']))
      .orderBy(item.code);
    expect(items.map((r) => [r.code, r.name, r.version, r.updatedBy])).toEqual([
      ['V-B1', 'B1', 2, importer.id],
      ['V-B2', 'B2', 2, importer.id],
      ['V-NEW', 'New', 1, importer.id],
      ['V-SOLO', 'S2', 3, importer.id],
    ]);
    const [renamed] = await db.select().from(partner).where(eq(partner.code, 'V-P2'));
    expect(renamed).toMatchObject({ name: 'Renamed', version: 2, updatedBy: importer.id });

    // A form opened before the import is refused, naming the importer.
    await expect(updateItem(db, items[0].id, { name: 'From an old form' }, { version: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Changed by Ida Importer at \d\d:\d\d after you opened it/),
    });
  });

  it("the importer's batch statements themselves: an update applies only to the version planned from, and raises it", async () => {
    // Called directly: in a job a statement that fails sends its rows one by one, which would hide a broken statement.
    const edit = { userId: importer.id };
    const direct = itemSchema.parse({ code: 'V-DIRECT', name: 'Direct' });
    const inserted = await insertItems({ data: [direct], extras: [itemExtras(direct, null, edit)] })(db);
    const id = inserted.get('V-DIRECT')!;
    const data = itemSchema.parse({ code: 'V-DIRECT', name: 'Batched' });
    const readAt = (version: number) => ({
      ids: [id],
      readVersions: [version],
      data: [data],
      extras: [itemExtras(data, { version }, edit)],
    });
    expect(await updateItems(readAt(2))(db)).toEqual(new Set());
    expect(await updateItems(readAt(1))(db)).toEqual(new Set([id]));
    const [row] = await db.select().from(item).where(eq(item.id, id));
    expect(row).toMatchObject({ name: 'Batched', version: 2, updatedBy: importer.id });
  });
});
