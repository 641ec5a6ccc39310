import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { isDomainError } from '@/lib/errors';
import { createItem, updateItem } from '@/lib/catalog/items';
import { trackingFixedBecause, trackingUses } from '@/lib/catalog/item-rules';
import { deleteDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { enterCount, scanSerial } from '@/lib/inventory/stocktake/scan';
import { rows } from '@/lib/sql-rows';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { brokenInvariants, deferred, sleep } from './helpers';

/*
 * Found by the hostile tester: the tracking switch looked only at today's stock ("on" while nothing is in stock,
 * "off" while no serial is), and the documents posted before it stayed editable and deletable in the item's new
 * mode. Switched on, deleting an old issue of counted goods brought back 5 pcs of a tracked item with no serials;
 * switched off, deleting an old issue of serials left them "issued" by a line that was gone. Both broke the
 * product's own invariants. The rule now: the switch waits for an item no document and no open count uses
 * (lib/catalog/item-rules.ts), and whatever could add one takes turns with it.
 */
type Tx = Parameters<Parameters<Awaited<ReturnType<typeof useTestDatabase>>['db']['transaction']>[0]>[0];

describe('tracking switch vs documents and counts of the item', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
  const base = { name: 'Switchable', purchasePrice: '1', salePrice: '2', vatRate: '0' };
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (isDomainError(e) ? `refused: ${(e as Error).message}` : Promise.reject(e)),
    );
  const trackSerialsOf = async (id: bigint) =>
    (await rows<{ t: boolean }>(db, sql`select track_serials as t from item where id = ${id}`))[0].t;

  it('refuses switching ON while documents record the item without serials, and allows it once they are gone', async () => {
    const id = await createItem(db, { ...base, code: 'SW-ON' });
    const gr = await postDocument(
      db,
      { kind: 'goods_receipt', date: '2026-02-01', warehouseId: w.main, lines: [{ itemId: id, quantity: '5' }] },
      w.actor,
    );
    const gi = await postDocument(
      db,
      { kind: 'goods_issue', date: '2026-02-02', warehouseId: w.main, lines: [{ itemId: id, quantity: '5' }] },
      w.actor,
    );
    // Nothing in stock today: the old rule let this through, and deleting the issue then broke the books.
    await expect(updateItem(db, id, { trackSerials: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Serial-number tracking of SW-ON cannot be switched on: documents record the item without serial numbers (${gi.number}, ${gr.number}).`,
      fieldErrors: { trackSerials: expect.stringContaining('Delete those documents first') },
    });
    // The item form says the same before a click.
    expect(trackingFixedBecause(await trackingUses(db, id))).toBe(
      `Documents use this item (${gi.number}, ${gr.number}), so its tracking can no longer be switched.`,
    );
    await deleteDocument(db, gi.id, w.actor);
    expect(await brokenInvariants(db)).toEqual([]);
    await deleteDocument(db, gr.id, w.actor);
    expect(trackingFixedBecause(await trackingUses(db, id))).toBeNull();
    await updateItem(db, id, { trackSerials: true });
    expect(await trackSerialsOf(id)).toBe(true);
  });

  it('refuses switching OFF while documents record its serials', async () => {
    const id = await createItem(db, { ...base, code: 'SW-OFF', trackSerials: true });
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-02-01',
        warehouseId: w.main,
        lines: [{ itemId: id, quantity: '2', serials: ['OFF-1', 'OFF-2'] }],
      },
      w.actor,
    );
    const gi = await postDocument(
      db,
      {
        kind: 'goods_issue',
        date: '2026-02-02',
        warehouseId: w.main,
        lines: [{ itemId: id, quantity: '2', serials: ['OFF-1', 'OFF-2'] }],
      },
      w.actor,
    );
    await expect(updateItem(db, id, { trackSerials: false })).rejects.toThrow(
      /^Serial-number tracking of SW-OFF cannot be switched off: documents record the item with serial numbers \(GI-/,
    );
    // The issue can still be undone in the mode it was posted in: the serials come back into stock.
    await deleteDocument(db, gi.id, w.actor);
    expect(await brokenInvariants(db)).toEqual([]);
    const statuses = await rows<{ status: string }>(
      db,
      sql`select status::text as status from serial_number where item_id = ${id} order by serial`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['in_stock', 'in_stock']);
  });

  it('names three documents and says there are more', async () => {
    const id = await createItem(db, { ...base, code: 'SW-MANY' });
    // Two receipts and two issues: nothing in stock, four documents.
    for (const [day, kind] of [
      [1, 'goods_receipt'],
      [2, 'goods_receipt'],
      [3, 'goods_issue'],
      [4, 'goods_issue'],
    ] as const)
      await postDocument(
        db,
        { kind, date: `2026-03-0${day}`, warehouseId: w.main, lines: [{ itemId: id, quantity: '1' }] },
        w.actor,
      );
    await expect(updateItem(db, id, { trackSerials: true })).rejects.toThrow(
      /\(G[IR]-\S+, G[IR]-\S+, G[IR]-\S+ and more\)\.$/,
    );
  });

  it('refuses a switch while an open count has entries of the item, and allows it once the count is cancelled', async () => {
    const counted = await createItem(db, { ...base, code: 'SW-COUNTED' });
    const scanned = await createItem(db, { ...base, code: 'SW-SCANNED', trackSerials: true });
    const st = await openStocktake(db, { date: '2026-04-01', warehouseId: w.shop }, w.actor);
    await enterCount(db, st.id, { itemId: counted, quantity: '3' }, w.actor);
    await scanSerial(db, st.id, { serial: 'FOUND-1', itemId: scanned }, w.actor);
    await expect(updateItem(db, counted, { trackSerials: true })).rejects.toThrow(
      `Serial-number tracking of SW-COUNTED cannot be switched on: the open stocktake ${st.number} has counted it.`,
    );
    await expect(updateItem(db, scanned, { trackSerials: false })).rejects.toThrow(
      `Serial-number tracking of SW-SCANNED cannot be switched off: the open stocktake ${st.number} has counted it.`,
    );
    expect(trackingFixedBecause(await trackingUses(db, counted))).toBe(
      `The open stocktake ${st.number} has counted this item: its tracking is fixed until it closes.`,
    );
    await cancelStocktake(db, st.id, w.actor);
    await updateItem(db, counted, { trackSerials: true });
    await updateItem(db, scanned, { trackSerials: false });
    expect([await trackSerialsOf(counted), await trackSerialsOf(scanned)]).toEqual([true, false]);
  });

  // A switch and the item's first receipt or count, on two connections, each held open after its own checks: the
  // other waits for its commit (the item's row lock) and is then refused, so no line or count is left in the other
  // mode. Without the lock the second would pass its check on the old mode and both would commit.
  const firstEntries: { name: string; write: (tx: Tx, id: bigint) => Promise<unknown> }[] = [
    {
      name: 'a receipt',
      write: (tx: Tx, id: bigint) =>
        postDocument(
          tx,
          { kind: 'goods_receipt', date: '2026-05-01', warehouseId: w.main, lines: [{ itemId: id, quantity: '2' }] },
          w.actor,
        ),
    },
    {
      name: 'a count',
      write: async (tx: Tx, id: bigint) => {
        const [st] = await rows<{ id: string }>(
          tx,
          sql`select id::text from stocktake where status = 'open' and warehouse_id = ${w.shop}`,
        );
        return enterCount(tx, BigInt(st.id), { itemId: id, quantity: '2' }, w.actor);
      },
    },
  ];
  for (const entry of firstEntries)
    for (const first of ['switch', 'entry'] as const)
      it(`${first === 'switch' ? 'a switch held open makes ' + entry.name + ' wait' : entry.name + ' held open makes a switch wait'}, and the second is refused`, async () => {
        const other = createDb(url, 2);
        const st =
          entry.name === 'a count'
            ? await openStocktake(db, { date: '2026-05-01', warehouseId: w.shop }, w.actor)
            : null;
        try {
          const id = await createItem(db, { ...base, code: `SW-${entry.name.slice(2)}-${first}`.toUpperCase() });
          const switching = (tx: Tx): Promise<unknown> => updateItem(tx, id, { trackSerials: true });
          const entering = (tx: Tx) => entry.write(tx, id);
          const [held, waiting] = first === 'switch' ? [switching, entering] : [entering, switching];
          const done = deferred();
          const release = deferred();
          const heldTx = outcome(
            db.transaction(async (tx) => {
              await held(tx);
              done.resolve();
              await release.promise;
            }),
          );
          await done.promise;
          let settled = false;
          const second = outcome(other.db.transaction((tx) => waiting(tx))).finally(() => (settled = true));
          await sleep(300);
          const waited = !settled;
          release.resolve();
          expect({ waited, held: await heldTx, second: await second }).toEqual({
            waited: true,
            held: 'ok',
            second: expect.stringMatching(/^refused: /),
          });
          const [{ entries }] = await rows<{ entries: number }>(
            db,
            sql`select (select count(*) from document_line where item_id = ${id})::int
              + (select count(*) from stocktake_count where item_id = ${id})::int as entries`,
          );
          expect({ tracked: await trackSerialsOf(id), entries }).toEqual(
            first === 'switch' ? { tracked: true, entries: 0 } : { tracked: false, entries: 1 },
          );
        } finally {
          if (st) await cancelStocktake(db, st.id, w.actor);
          await other.sql.end();
        }
      });
});
