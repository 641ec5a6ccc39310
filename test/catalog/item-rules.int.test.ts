import { inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { item, user, warehouse } from '@/db/schema';
import { rowResults } from '@/lib/import/jobs/job-queries';
import { useTestDatabase } from '@/test/db';
import { drainJobs } from '@/test/import/drain';
import { createJob, principalOf } from '@/test/import/jobs';
import { addingItemRule, notAWarehouseName } from './sample-item-rule';
import { withCodeKey, withCodeKeys } from '@/lib/catalog/code-key';
import { storedItems } from '@/lib/catalog/item-columns';
import { type ItemRule } from '@/lib/catalog/item-rules';
import { writeItems, type ItemWriteRow } from '@/lib/catalog/item-writer';
import { createItem, updateItem } from '@/lib/catalog/items';

/*
 * A rule declared once in ITEM_RULES reaches every way of the one item writer: createItem/updateItem (a
 * batch of one) and writeItems with many rows, as an import's chunk. The rule reads the database, which no
 * batch statement can know about: writeItems must send the rows it applies to the one-by-one way. Without
 * the rule the batch statements store the same rows (the last case): it is the declaration that stops them.
 * test/modules/item-doors-agree.int.test.ts shows the form, the records API and an import refusing alike.
 */
describe('a rule added to the shared item rules', async () => {
  const { db } = await useTestDatabase();
  const [admin] = await db
    .insert(user)
    .values({ name: 'Rules admin', email: 'rules@example.com', role: 'admin' })
    .returning({ id: user.id });
  await db.insert(warehouse).values(withCodeKey({ code: 'RW-1', name: 'Back room' }));
  const seed = (codes: string[]) =>
    db
      .insert(item)
      .values(withCodeKeys(codes.map((code) => ({ code, name: `Item ${code}` }))))
      .returning({ id: item.id });
  const stored = async (codes: string[]) =>
    (await storedItems(db, inArray(item.code, codes))).sort((a, b) => a.code.localeCompare(b.code));
  const byCode = async (codes: string[]) => Object.fromEntries((await stored(codes)).map((row) => [row.code, row]));
  let removeRule = () => {};
  const adding = (rule: ItemRule) => {
    removeRule = addingItemRule(rule);
  };
  afterEach(() => removeRule());

  it('is kept one by one: createItem and updateItem refuse', async () => {
    adding(notAWarehouseName);
    const [{ id }] = await seed(['R1-1']);
    await expect(createItem(db, { code: 'R1-2', name: 'Back room' })).rejects.toMatchObject({
      code: 'INVALID_DATA',
      fieldErrors: { name: 'Back room is the name of warehouse RW-1.' },
    });
    await expect(updateItem(db, id, { name: 'Back room' })).rejects.toMatchObject({ code: 'INVALID_DATA' });
    expect((await stored(['R1-1', 'R1-2'])).map((row) => row.name)).toEqual(['Item R1-1']);
  });

  it('is kept by writeItems: the rows it applies to go one by one and are refused, the others stay batched', async () => {
    adding(notAWarehouseName);
    await seed(['R2-1', 'R2-2', 'R2-3']);
    const items = await byCode(['R2-1', 'R2-2', 'R2-3']);
    const rows: ItemWriteRow[] = [
      { id: null, values: { code: 'R2-4', name: 'Back room' } },
      { id: items['R2-1'].id, read: items['R2-1'], values: { name: 'Back room' } },
      { id: items['R2-2'].id, read: items['R2-2'], values: { name: 'Front room' } },
      { id: items['R2-3'].id, read: items['R2-3'], values: { salePrice: '9' } },
      { id: null, values: { code: 'R2-5', name: 'Fine' } },
    ];
    const outcomes = await writeItems(db, rows, { userId: admin.id });
    expect(outcomes.map((o) => [o.ok, o.via])).toEqual([
      [false, 'one by one'],
      [false, 'one by one'],
      [true, 'one by one'],
      [true, 'batch'],
      [true, 'one by one'],
    ]);
    expect(outcomes[1]).toMatchObject({ error: { fieldErrors: { name: 'Back room is the name of warehouse RW-1.' } } });
    const after = await byCode(['R2-1', 'R2-2', 'R2-3', 'R2-4', 'R2-5']);
    expect(Object.values(after).map((row) => [row.code, row.name, row.salePrice])).toEqual([
      ['R2-1', 'Item R2-1', '0.0000'],
      ['R2-2', 'Front room', '0.0000'],
      ['R2-3', 'Item R2-3', '9.0000'],
      ['R2-5', 'Fine', '0.0000'],
    ]);
  });

  it('is kept by an import, whose clean rows go through writeItems', async () => {
    adding(notAWarehouseName);
    await seed(['R3-1']);
    const id = await createJob(
      db,
      principalOf({ userId: admin.id, name: 'Rules admin' }),
      [
        ['Code', 'Name'],
        ['R3-1', 'Back room'],
        ['R3-2', 'Back room'],
        ['R3-3', 'Three'],
      ],
      { operation: 'upsert' },
      { module: 'Items', find_by: 'Code' },
    );
    await drainJobs(db);
    expect(
      (await rowResults(db, id)).map((r) => [r.status, r.errors.map((e) => `${e.code}-${e.column}: ${e.message}`)]),
    ).toEqual([
      ['SKIPPED', ['INVALID_DATA-Name: Back room is the name of warehouse RW-1.']],
      ['SKIPPED', ['INVALID_DATA-Name: Back room is the name of warehouse RW-1.']],
      ['ADDED', []],
    ]);
    expect((await stored(['R3-1', 'R3-2', 'R3-3'])).map((row) => row.name)).toEqual(['Item R3-1', 'Three']);
  });

  it('without it, the same rows are written by the batch statements', async () => {
    await seed(['R4-1']);
    const items = await byCode(['R4-1']);
    const outcomes = await writeItems(
      db,
      [
        { id: null, values: { code: 'R4-2', name: 'Back room' } },
        { id: items['R4-1'].id, read: items['R4-1'], values: { name: 'Back room' } },
      ],
      { userId: admin.id },
    );
    expect(outcomes.map((o) => [o.ok, o.via])).toEqual([
      [true, 'batch'],
      [true, 'batch'],
    ]);
  });
});
