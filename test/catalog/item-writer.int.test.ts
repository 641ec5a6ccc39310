import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { item, stockLevel, user, warehouse } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { withCodeKey, withCodeKeys } from '@/lib/catalog/code-key';
import { storedItems } from '@/lib/catalog/item-columns';
import { writeItems, type ItemOutcome } from '@/lib/catalog/item-writer';
import { updateItem } from '@/lib/catalog/items';

/*
 * writeItems gives each row the outcome it would have if the rows were written one at a time, in order,
 * through createItem/updateItem; only rows whose outcome cannot depend on that go to the batch statements.
 */
describe('writeItems', async () => {
  const { db } = await useTestDatabase();
  const [admin] = await db
    .insert(user)
    .values({ name: 'Writer admin', email: 'writer@example.com', role: 'admin' })
    .returning({ id: user.id });
  const edit = { userId: admin.id };
  const seed = (codes: string[]) =>
    db.insert(item).values(withCodeKeys(codes.map((code) => ({ code, name: `Item ${code}` }))));
  const byCode = async (codes: string[]) =>
    Object.fromEntries((await storedItems(db, inArray(item.code, codes))).map((row) => [row.code, row]));
  const summary = (outcomes: ItemOutcome[]) =>
    outcomes.map((o) =>
      o.ok ? `${o.added ? 'added' : 'updated'} ${o.via}` : `refused: ${(o.error as Error).message}`,
    );

  it('batches independent rows, stamped as createItem/updateItem stamp them', async () => {
    await seed(['W1-1']);
    const { 'W1-1': stored } = await byCode(['W1-1']);
    const [{ updatedAt: before }] = await db
      .select({ updatedAt: item.updatedAt })
      .from(item)
      .where(eq(item.id, stored.id));
    const outcomes = await writeItems(
      db,
      [
        { id: null, values: { code: 'W1-2', name: 'Two', salePrice: '2.5' } },
        { id: stored.id, read: stored, values: { name: 'One' } },
      ],
      edit,
    );
    expect(summary(outcomes)).toEqual(['added batch', 'updated batch']);
    const after = await byCode(['W1-1', 'W1-2']);
    expect(after['W1-1']).toMatchObject({ name: 'One', version: stored.version + 1 });
    const [{ updatedAt, updatedBy }] = await db
      .select({ updatedAt: item.updatedAt, updatedBy: item.updatedBy })
      .from(item)
      .where(eq(item.id, stored.id));
    expect([updatedAt > before, updatedBy]).toEqual([true, admin.id]);
    expect(after['W1-2']).toMatchObject({ name: 'Two', salePrice: '2.5000', version: 1, codeKey: 'w1-2' });
  });

  it('writes rows sharing a code (by its canonical key) or an item one by one, in order', async () => {
    await seed(['W2-1']);
    const { 'W2-1': stored } = await byCode(['W2-1']);
    const outcomes = await writeItems(
      db,
      [
        { id: null, values: { code: 'W2-2', name: 'New' } },
        { id: null, values: { code: 'w2-2', name: 'Looks the same' } },
        { id: stored.id, read: stored, values: { name: 'First' } },
        { id: stored.id, read: stored, values: { salePrice: '7' } },
        { id: null, values: { code: 'W2-3', name: 'Alone' } },
      ],
      edit,
    );
    expect(summary(outcomes)).toEqual([
      'added one by one',
      'refused: Code w2-2 looks the same as W2-2, the code of an existing item.',
      'updated one by one',
      'updated one by one',
      'added batch',
    ]);
    expect(await byCode(['W2-1'])).toMatchObject({
      'W2-1': { name: 'First', salePrice: '7.0000', version: stored.version + 2 },
    });
  });

  it('sends a tracking switch through updateItem, which refuses it while stock lacks serials', async () => {
    await seed(['W3-1', 'W3-2']);
    const [wh] = await db
      .insert(warehouse)
      .values(withCodeKey({ code: 'W3-W', name: 'W3' }))
      .returning({ id: warehouse.id });
    const items = await byCode(['W3-1', 'W3-2']);
    await db.insert(stockLevel).values({ itemId: items['W3-1'].id, warehouseId: wh.id, quantity: '2' });
    const outcomes = await writeItems(
      db,
      [
        { id: items['W3-1'].id, read: items['W3-1'], values: { trackSerials: true } },
        { id: items['W3-2'].id, read: items['W3-2'], values: { trackSerials: true } },
      ],
      edit,
    );
    expect(summary(outcomes)).toEqual([
      'refused: Serial-number tracking of W3-1 cannot be switched on: 2 pcs are in stock without serial numbers.',
      'updated one by one',
    ]);
  });

  it('leaves an item changed since it was read to updateItem, which keeps that change', async () => {
    await seed(['W4-1']);
    const { 'W4-1': stored } = await byCode(['W4-1']);
    await updateItem(db, stored.id, { description: 'edited meanwhile' });
    const outcomes = await writeItems(db, [{ id: stored.id, read: stored, values: { name: 'Renamed' } }], edit);
    expect(summary(outcomes)).toEqual(['updated one by one']);
    expect(await byCode(['W4-1'])).toMatchObject({
      'W4-1': { name: 'Renamed', description: 'edited meanwhile', version: stored.version + 2 },
    });
  });
});
