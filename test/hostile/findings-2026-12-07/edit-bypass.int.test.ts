import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { patchDocument, updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import { rows } from '@/lib/sql-rows';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';

/*
 * Found by the hostile tester (December 2026). changesStock (lib/inventory/correction.ts) decided whether an edit is
 * a mere correction by comparing serial lists with `posted.length === wanted.length && wanted.every(key in posted
 * keys)`. A list that repeats one serial ([A, A] for a posted [A, B]) passed, so the edit was written in place as
 * "nothing about stock changed": the serial rules ("Serial A is entered twice") never ran, the request was
 * acknowledged, and the document silently kept B. A repeated serial now counts as a change, so the full edit runs
 * the rules and refuses it as a new posting would (reference doc: "duplicate inside one document").
 */
describe('an edit whose serial list repeats a posted serial', async () => {
  const { db } = await useTestDatabase();
  const w = await seedWorld(db);

  async function postedSerials(id: bigint) {
    return (
      await rows<{ serial: string }>(
        db,
        sql`select s.serial from serial_movement m join serial_number s on s.id = m.serial_id where m.document_id = ${id} order by m.id`,
      )
    ).map((r) => r.serial);
  }

  it('full edit: [DUP-1, DUP-2] edited to [DUP-1, dup-1] is refused as a duplicate, not acknowledged and ignored', async () => {
    const input = (serials: string[]) => ({
      kind: 'goods_receipt' as const,
      date: '2026-04-01',
      warehouseId: w.main,
      lines: [{ itemId: w.tracked, quantity: '2', unitPrice: '5', serials }],
    });
    // A new posting with the same list is refused: the rule exists.
    await expect(postDocument(db, input(['DUP-9', 'dup-9']), w.actor)).rejects.toThrow(/DUP-9|dup-9/);
    const gr = await postDocument(db, input(['DUP-1', 'DUP-2']), w.actor);
    // Before the fix: acknowledged (written as a correction), DUP-2 still on the receipt.
    const outcome = await updateDocument(db, gr.id, input(['DUP-1', 'dup-1']), w.actor).then(
      () => 'acknowledged',
      (e: Error) => `refused: ${e.message}`,
    );
    expect({ outcome, serials: await postedSerials(gr.id) }).toEqual({
      outcome: expect.stringMatching(/^refused: .*entered twice/),
      serials: ['DUP-1', 'DUP-2'],
    });
  });

  it("partial edit (the importer's / records API update): lines with [A, A] is refused, not acknowledged and ignored", async () => {
    const gr = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-04-01',
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '2', unitPrice: '5', serials: ['PDUP-1', 'PDUP-2'] }],
      },
      w.actor,
    );
    const outcome = await patchDocument(
      db,
      gr.id,
      { lines: [{ itemId: w.tracked, quantity: '2', unitPrice: '7', serials: ['PDUP-1', 'PDUP-1'] }] },
      w.actor,
    ).then(
      () => 'acknowledged',
      (e: Error) => `refused: ${e.message}`,
    );
    // Before the fix: acknowledged; the price changed to 7, the serials silently stayed PDUP-1, PDUP-2.
    expect({ outcome, serials: await postedSerials(gr.id) }).toEqual({
      outcome: expect.stringMatching(/^refused: .*entered twice/),
      serials: ['PDUP-1', 'PDUP-2'],
    });
  });
});
