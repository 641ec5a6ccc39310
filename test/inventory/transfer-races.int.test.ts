import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { warehouse } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument } from '@/lib/inventory/change';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import { raceRounds, type RacePair } from './race-rounds';

const today = '2026-11-22';
const ROUNDS = 10;

/*
 * Races a transfer against what else can happen to its serial at the same moment, on separate connections:
 * an issue of it, a second transfer of it, the delete of the receipt that brought it, and an issue from the
 * destination against the delete of the transfer. Exactly one side of each race may win (both, when they do
 * not touch the same serial state, is a double move); the loser gets a clear refusal, and the stock and
 * serial invariants hold after every round.
 */
describe('transfers racing other documents of the same serial', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
  const [{ id: depot }] = await db
    .insert(warehouse)
    .values(withCodeKeys([{ code: 'DEPOT', name: 'Depot' }]))
    .returning({ id: warehouse.id });
  const pool = createDb(url, 6);
  const receipt = (serials: string[]) => ({
    kind: 'goods_receipt' as const,
    date: today,
    warehouseId: w.main,
    lines: [
      { itemId: w.tracked, quantity: String(serials.length), serials },
      { itemId: w.plain, quantity: '2' },
    ],
  });
  const transfer = (serial: string, to: bigint, from = w.main) => ({
    kind: 'transfer' as const,
    date: today,
    warehouseId: from,
    destinationWarehouseId: to,
    lines: [
      { itemId: w.tracked, quantity: '1', serials: [serial] },
      { itemId: w.plain, quantity: '2' },
    ],
  });
  const issue = (serial: string, warehouseId = w.main) => ({
    kind: 'goods_issue' as const,
    date: today,
    warehouseId,
    lines: [{ itemId: w.tracked, quantity: '1', serials: [serial] }],
  });

  const race = (name: string, prepare: (serials: string[]) => Promise<RacePair>) =>
    raceRounds(db, { name, rounds: ROUNDS, serials: 4, prepare });

  it('a transfer and an issue of the same serial: exactly one wins', async () => {
    await race('TI', async (serials) => {
      await postDocument(db, receipt(serials), w.actor);
      return [
        () => postDocument(pool.db, transfer(serials[0], w.shop), w.actor),
        () => postDocument(pool.db, issue(serials[0]), w.actor),
      ];
    });
  });

  it('two transfers of the same serial to different warehouses: exactly one wins', async () => {
    await race('TT', async (serials) => {
      await postDocument(db, receipt(serials), w.actor);
      return [
        () => postDocument(pool.db, transfer(serials[0], w.shop), w.actor),
        () => postDocument(pool.db, transfer(serials[0], depot), w.actor),
      ];
    });
  });

  it('deleting a receipt while its serial is transferred: exactly one wins', async () => {
    await race('RT', async (serials) => {
      const gr = await postDocument(db, receipt(serials), w.actor);
      return [
        () => deleteDocument(pool.db, gr.id, w.actor),
        () => postDocument(pool.db, transfer(serials[0], w.shop), w.actor),
      ];
    });
  });

  it('deleting a transfer while its serial is issued at the destination: exactly one wins', async () => {
    await race('DI', async (serials) => {
      await postDocument(db, receipt(serials), w.actor);
      const tr = await postDocument(db, transfer(serials[0], w.shop), w.actor);
      return [
        () => deleteDocument(pool.db, tr.id, w.actor),
        () => postDocument(pool.db, issue(serials[0], w.shop), w.actor),
      ];
    });
  });

  it('transfers crossing each other between the same two warehouses never deadlock for good', async () => {
    // MAIN → SHOP and SHOP → MAIN at once lock the same stock rows; the one lock order (item, warehouse) keeps them
    // apart.
    const serials = Array.from({ length: 8 }, (_, i) => `X-${i}`);
    await postDocument(db, receipt(serials.slice(0, 4)), w.actor);
    await postDocument(db, { ...receipt(serials.slice(4)), warehouseId: w.shop }, w.actor);
    const results = await Promise.allSettled(
      serials
        .slice(0, 4)
        .flatMap((s, i) => [
          postDocument(pool.db, transfer(s, w.shop), w.actor),
          postDocument(pool.db, transfer(serials[4 + i], w.main, w.shop), w.actor),
        ]),
    );
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);
  });

  it('closes its pool', async () => {
    await pool.sql.end();
  });
});
