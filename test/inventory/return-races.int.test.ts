import { describe, it } from 'vitest';
import { createDb } from '@/db/client';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import { raceRounds, type RacePair } from './race-rounds';

const today = '2026-11-23';
const ROUNDS = 8;

/*
 * Races a return against what else can happen to the same sale or purchase at the same moment, on separate
 * connections: a second return of the same serial (or of the same counted goods) on the same invoice, the delete or
 * the edit of the sale it names, and an issue of the serial a return to the supplier sends back. Both sides may
 * never win together; the loser gets a clear refusal, and the invariants (returns among them) hold after every round.
 *
 * The rule that keeps the original honest: a return locks the document it names (and its invoice or goods
 * document) before it reads what moved with it, as an edit or delete of that document does; once a return is
 * posted, the original is pinned (its stock cannot change, it cannot be deleted) until the return is deleted.
 */
describe('returns racing other changes of the same sale', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
  const pool = createDb(url, 6);
  const lines = (serials: string[], metres?: string) => [
    ...(serials.length > 0 ? [{ itemId: w.tracked, quantity: String(serials.length), serials }] : []),
    ...(metres ? [{ itemId: w.plain, quantity: metres }] : []),
  ];
  const receipt = (serials: string[]) => ({
    kind: 'goods_receipt' as const,
    date: today,
    warehouseId: w.main,
    lines: lines(serials, '5'),
  });
  const sale = (serials: string[], metres = '5') => ({
    kind: 'sales_invoice' as const,
    date: today,
    warehouseId: w.main,
    partnerId: w.customer,
    createStockDocument: true,
    lines: lines(serials, metres),
  });
  const giveBack = (returnOfId: bigint, serials: string[], metres?: string) => ({
    kind: 'customer_return' as const,
    date: today,
    warehouseId: w.main,
    returnOfId,
    lines: lines(serials, metres),
  });

  const race = (name: string, prepare: (serials: string[]) => Promise<RacePair>) =>
    raceRounds(db, { name, rounds: ROUNDS, serials: 3, prepare });

  it('two returns of the same serial on the same invoice: exactly one takes it back', async () => {
    await race('RR', async (serials) => {
      await postDocument(db, receipt(serials), w.actor);
      const si = await postDocument(db, sale(serials), w.actor);
      // One names the invoice, the other its goods issue: both lock the invoice first.
      return [
        () => postDocument(pool.db, giveBack(si.id, [serials[0]]), w.actor),
        () => postDocument(pool.db, giveBack(si.stockDocument!.id, [serials[0]]), w.actor),
      ];
    });
  });

  it('two returns of counted goods that together exceed what was sold: exactly one fits', async () => {
    await race('RQ', async (serials) => {
      await postDocument(db, receipt(serials), w.actor);
      const si = await postDocument(db, sale([], '5'), w.actor);
      return [
        () => postDocument(pool.db, giveBack(si.id, [], '3'), w.actor),
        () => postDocument(pool.db, giveBack(si.id, [], '3'), w.actor),
      ];
    });
  });

  it('a return and the delete of the invoice it names: one wins, never a return of a deleted sale', async () => {
    await race('RD', async (serials) => {
      await postDocument(db, receipt(serials), w.actor);
      const si = await postDocument(db, sale(serials), w.actor);
      return [
        () => postDocument(pool.db, giveBack(si.id, [serials[0]], '1'), w.actor),
        () => deleteDocument(pool.db, si.id, w.actor),
      ];
    });
  });

  it('a return and an edit of the sale that drops the returned serial: one wins', async () => {
    await race('RE', async (serials) => {
      await postDocument(db, receipt(serials), w.actor);
      const si = await postDocument(db, sale(serials), w.actor);
      return [
        () => postDocument(pool.db, giveBack(si.id, [serials[0]]), w.actor),
        () => updateDocument(pool.db, si.id, sale(serials.slice(1)), w.actor),
      ];
    });
  });

  it('a return to the supplier and an issue of the same serial: exactly one takes it', async () => {
    await race('RS', async (serials) => {
      const gr = await postDocument(db, { ...receipt(serials), partnerId: w.supplier }, w.actor);
      return [
        () =>
          postDocument(
            pool.db,
            {
              kind: 'supplier_return',
              date: today,
              warehouseId: w.main,
              returnOfId: gr.id,
              lines: lines([serials[0]]),
            },
            w.actor,
          ),
        () =>
          postDocument(
            pool.db,
            { kind: 'goods_issue', date: today, warehouseId: w.main, lines: lines([serials[0]]) },
            w.actor,
          ),
      ];
    });
  });
});
