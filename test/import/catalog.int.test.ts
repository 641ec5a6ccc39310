import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { item, partner, warehouse } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';
import { withCodeKey, withCodeKeys } from '@/lib/catalog/code-key';

describe('Partners, Warehouses and Items by id', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;

  async function run(
    module: string,
    rows: string[][],
    body: Record<string, unknown>,
    resource: Record<string, unknown> = {},
  ) {
    const uploaded = await api.upload(csv(rows), `${module}.csv`);
    const created = await api.create({
      ...body,
      resource: [{ type: 'data', module: { api_name: module }, file_id: uploaded.json.details.file_id, ...resource }],
    });
    expect(created.status).toBe(201);
    await drainJobs(db);
    return resultRows(api, created.json.details.id);
  }

  beforeAll(async () => {
    api = apiCaller((await keyFor(db, 'admin')).key);
  });

  it('upserts partners through partnerSchema and createPartner/updatePartner', async () => {
    await db.insert(partner).values(
      withCodeKey({
        code: 'P-OLD',
        name: 'Old partner',
        type: 'supplier',
        email: 'old@example.com',
        phone: '+420 111',
      }),
    );
    const rows = await run(
      'Partners',
      [
        ['Code', 'Name', 'Type', 'Email', 'Phone'],
        ['P-OLD', 'Renamed partner', 'both', '', ''],
        ['P-NEW', 'New partner', 'customer', 'not-an-email', ''],
        ['P-NEW2', 'Second', 'alien', '', ''],
        ['P-NEW3', 'Third', '', 'c@example.com', '+420 222 333'],
      ],
      { operation: 'upsert', ignore_empty: true },
      {
        find_by: 'Code',
        field_mappings: [
          { api_name: 'Code', index: 0 },
          { api_name: 'Name', index: 1 },
          { api_name: 'Type', index: 2, default_value: { value: 'supplier' } },
          { api_name: 'Email', index: 3 },
          { api_name: 'Phone', index: 4 },
        ],
      },
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['UPDATED', ''],
      ['SKIPPED', 'INVALID_DATA-Email'],
      ['SKIPPED', 'INVALID_DATA-Type'],
      ['ADDED', ''],
    ]);
    expect(rows[1].ERROR_MESSAGE).toBe('Enter a valid email address.');
    const [old] = await db.select().from(partner).where(eq(partner.code, 'P-OLD'));
    expect(old).toMatchObject({ name: 'Renamed partner', type: 'both', email: 'old@example.com', phone: '+420 111' });
    const [third] = await db.select().from(partner).where(eq(partner.code, 'P-NEW3'));
    expect(third).toMatchObject({ type: 'supplier', email: 'c@example.com' });
  });

  it('inserts warehouses and reports duplicates within the file', async () => {
    const rows = await run(
      'Warehouses',
      [
        ['Code', 'Name'],
        ['W-A', 'Alpha'],
        ['W-A', 'Alpha again'],
        ['W B', 'Bad code'],
      ],
      { operation: 'insert' },
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS, r.ERROR_MESSAGE])).toEqual([
      ['ADDED', '', ''],
      ['SKIPPED', 'DUPLICATE_DATA-Code', 'A warehouse with code W-A already exists.'],
      ['SKIPPED', 'INVALID_DATA-Code', 'Code cannot contain spaces.'],
    ]);
    expect(await db.select().from(warehouse).where(eq(warehouse.code, 'W-A'))).toHaveLength(1);
  });

  it('updates items found by id, one row after another when rows share a record', async () => {
    const [target] = await db
      .insert(item)
      .values(withCodeKey({ code: 'ID-1', name: 'By id', salePrice: '1' }))
      .returning();
    const rows = await run(
      'Items',
      [
        ['id', 'Name', 'Sale_Price'],
        [String(target.id), 'First rename', ''],
        [String(target.id), '', '9.99'],
        ['999999', 'Nobody', '1'],
        ['x', 'Bad', '1'],
      ],
      { operation: 'update', ignore_empty: true },
      {
        find_by: 'id',
        field_mappings: [
          { api_name: 'id', index: 0 },
          { api_name: 'Name', index: 1 },
          { api_name: 'Sale_Price', index: 2 },
        ],
      },
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['UPDATED', ''],
      ['UPDATED', ''],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-id'],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-id'],
    ]);
    const [updated] = await db.select().from(item).where(eq(item.id, target.id));
    expect(updated).toMatchObject({ name: 'First rename', salePrice: '9.9900' });
  });

  it('takes EAN and code swaps within one chunk in file order', async () => {
    await db.insert(item).values(
      withCodeKeys([
        { code: 'SW-1', name: 'One', ean: '8590000000145' },
        { code: 'SW-2', name: 'Two' },
      ]),
    );
    const rows = await run(
      'Items',
      [
        ['Code', 'Name', 'EAN'],
        ['SW-1', 'One', '8590000000152'],
        ['SW-2', 'Two', '8590000000145'],
        ['SW-3', 'Three', '8590000000152'],
      ],
      { operation: 'upsert' },
      { find_by: 'Code' },
    );
    expect(rows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['UPDATED', ''],
      ['UPDATED', ''],
      ['SKIPPED', 'DUPLICATE_DATA-EAN'],
    ]);
    const eans = Object.fromEntries((await db.select().from(item)).map((row) => [row.code, row.ean]));
    expect(eans).toMatchObject({ 'SW-1': '8590000000152', 'SW-2': '8590000000145' });
  });
});
