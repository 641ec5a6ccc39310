import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { document, partner } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { deleteDocument, patchDocument, updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import type { DomainError } from '@/lib/errors';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { raceRounds } from './race-rounds';

const day = '2026-11-23';

/*
 * A return names the partner its goods came from (or go back to), checked against the document it returns goods of
 * under that document's row locks. So the original's partner is fixed while returns exist: otherwise a correction of
 * the sale would leave a return of another customer's goods. The invariant "returns name the partner of the document
 * they return goods of" (lib/inventory/invariants.ts) is checked after every race round.
 */
describe('the partner of a document with returns', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
  const pool = createDb(url, 6);
  let other: bigint;
  beforeAll(async () => {
    [{ id: other }] = await db
      .insert(partner)
      .values(withCodeKeys([{ code: 'CUS-2', name: 'Second customer', type: 'customer' }]))
      .returning({ id: partner.id });
  });

  const lines = (serials: string[]) => [{ itemId: w.tracked, quantity: String(serials.length), serials }];
  const receive = (serials: string[]) =>
    postDocument(db, { kind: 'goods_receipt', date: day, warehouseId: w.main, lines: lines(serials) }, w.actor);
  const sale = (serials: string[], partnerId: bigint = w.customer, note = '') => ({
    kind: 'sales_invoice' as const,
    date: day,
    warehouseId: w.main,
    partnerId,
    note,
    createStockDocument: true,
    lines: lines(serials),
  });
  const giveBack = (returnOfId: bigint, serials: string[]) => ({
    kind: 'customer_return' as const,
    date: day,
    warehouseId: w.main,
    partnerId: w.customer,
    returnOfId,
    lines: lines(serials),
  });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('the change went through'),
      (error: DomainError) => ({ code: error.code, message: error.message, fieldErrors: error.fieldErrors }),
    );

  it('is fixed while a return names it, by edit and by partial edit; the note stays correctable', async () => {
    await receive(['PF-1', 'PF-2']);
    const si = await postDocument(db, sale(['PF-1', 'PF-2']), w.actor);
    const cr = await postDocument(db, giveBack(si.id, ['PF-1']), w.actor);
    const message = `The partner of ${si.number} cannot change: ${cr.number} returns goods of it for that partner; delete ${cr.number} first.`;
    const expected = { code: 'CONFLICT', message, fieldErrors: { partnerId: message } };
    expect(await refusal(updateDocument(db, si.id, sale(['PF-1', 'PF-2'], other), w.actor))).toEqual(expected);
    expect(await refusal(patchDocument(db, si.id, { partnerId: other }, w.actor))).toEqual(expected);
    // Named through its goods issue, the return pins the invoice the same way.
    const cr2 = await postDocument(db, giveBack(si.stockDocument!.id, ['PF-2']), w.actor);
    expect((await refusal(patchDocument(db, si.id, { partnerId: other }, w.actor))).message).toContain(
      `${cr.number} (and ${cr2.number})`,
    );
    await updateDocument(db, si.id, sale(['PF-1', 'PF-2'], w.customer, 'checked'), w.actor);
    await deleteDocument(db, cr2.id, w.actor);
    await deleteDocument(db, cr.id, w.actor);
    await patchDocument(db, si.id, { partnerId: other }, w.actor);
    const [row] = await db.select().from(document).where(eq(document.id, si.id));
    expect(row).toMatchObject({ partnerId: other, note: 'checked' });
  });

  it('is fixed by a credit note too, and a goods issue without an invoice by its return', async () => {
    await receive(['PF-3', 'PF-4']);
    const si = await postDocument(db, sale(['PF-3']), w.actor);
    const cn = await postDocument(
      db,
      { ...giveBack(si.id, ['PF-3']), kind: 'credit_note', createStockDocument: true },
      w.actor,
    );
    expect((await refusal(patchDocument(db, si.id, { partnerId: other }, w.actor))).message).toContain(cn.number);
    const gi = await postDocument(
      db,
      { kind: 'goods_issue', date: day, warehouseId: w.main, partnerId: w.customer, lines: lines(['PF-4']) },
      w.actor,
    );
    const cr = await postDocument(db, giveBack(gi.id, ['PF-4']), w.actor);
    expect((await refusal(patchDocument(db, gi.id, { partnerId: null }, w.actor))).message).toContain(cr.number);
  });

  it('a return posted while the sale changes its partner: exactly one wins, never a return of another partner', async () => {
    await raceRounds(db, {
      name: 'RP',
      rounds: 8,
      serials: 2,
      prepare: async (serials) => {
        await receive(serials);
        const si = await postDocument(db, sale(serials), w.actor);
        return [
          () => postDocument(pool.db, giveBack(si.id, [serials[0]]), w.actor),
          () => updateDocument(pool.db, si.id, sale(serials, other), w.actor),
        ];
      },
    });
  });
});
