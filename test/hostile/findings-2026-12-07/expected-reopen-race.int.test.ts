import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { expectedSerial } from '@/db/schema';
import { isDomainError } from '@/lib/errors';
import { deleteDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { brokenInvariants, deferred, sleep } from './helpers';

/*
 * Found by the hostile tester, round 3 (expected receipts); fixed in reopenExpectedSerials (a savepoint around the
 * reopening, the check again after a unique violation). Deleting a receipt that confirmed an expected receipt
 * reopens the expectations it resolved. One it DROPPED may meanwhile be expected on another expected receipt; then
 * the delete must be refused naming that one:
 *
 *   README, "Expected serials": "Two clerks confirming the same one take turns on its row lock ... Confirming receipts
 *   pin the expected receipt; deleting one opens its expectations again."
 *   expected.ts: "One it dropped that another expected receipt has taken since cannot, so the delete is refused naming
 *   that one." (MOVED_LATER, blockedBy the other expected receipt)
 *   README, "One core, many doors": every door gets "the same messages"; a refusal names the document to change first.
 *
 * The check for "taken since" is a plain read, and the delete takes no lock that a preparation of the same serial
 * takes (it does not lock the expected receipt, and the unique index over open expectations is only hit by the
 * reopening UPDATE itself). So when another expected receipt preparing the dropped serial is still uncommitted, the
 * check sees nothing, the UPDATE then waits on the unique index and fails with a raw unique violation
 * (expected_serial_open, SQLSTATE 23505): the records API and the web answer an internal error instead of the refusal
 * naming ER-2. (Nothing is half written: the violation aborts the transaction.)
 *
 * Choreography: the preparation of ER-2 runs through the real postDocument inside an outer transaction held open after
 * it returned (only widening the window every posting has before its COMMIT); the delete runs on a second pool.
 *
 * Expected: the delete is refused with a DomainError (MOVED_LATER) naming ER-2, exactly as when ER-2 committed first.
 * Before the fix: a non-domain database error "Failed query: update expected_serial set status = 'expected' ..."
 * (an HTTP 500 on a race; the data stayed consistent).
 */
describe('expected receipts: deleting a confirmation that dropped a serial, while another expected receipt takes it', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);

  it('is refused naming the other expected receipt, never a raw unique violation', async () => {
    const second = createDb(url, 2);
    try {
      const er1 = await postDocument(
        db,
        {
          kind: 'expected_receipt',
          date: '2026-07-01',
          warehouseId: w.main,
          lines: [{ itemId: w.tracked, quantity: '2', serials: ['EXR-1', 'EXR-2'] }],
        },
        w.actor,
      );
      // GR-1 confirms ER-1 with EXR-1 and drops EXR-2 (the supplier will not send it).
      const gr1 = await postDocument(
        db,
        {
          kind: 'goods_receipt',
          date: '2026-07-02',
          warehouseId: w.main,
          expectedReceiptId: er1.id,
          missingExpected: 'drop',
          lines: [{ itemId: w.tracked, quantity: '1', serials: ['EXR-1'] }],
        },
        w.actor,
      );

      // Clerk A prepares ER-2 with the dropped EXR-2 (fine alone: it is no longer expected anywhere) ...
      const hold = deferred();
      const prepared = deferred<string>();
      const er2Tx = db.transaction(async (tx) => {
        const er2 = await postDocument(
          tx,
          {
            kind: 'expected_receipt',
            date: '2026-07-03',
            warehouseId: w.main,
            lines: [{ itemId: w.tracked, quantity: '1', serials: ['EXR-2'] }],
          },
          w.actor,
        );
        prepared.resolve(er2.number);
        await hold.promise;
        return er2;
      });
      const er2Number = await prepared.promise;

      // ... while clerk B deletes GR-1, which would reopen EXR-2 on ER-1.
      const deleted = deleteDocument(second.db, gr1.id, w.actor).then(
        () => 'deleted',
        (e: unknown) =>
          isDomainError(e)
            ? `refused ${(e as { code: string }).code}: ${(e as Error).message}`
            : `internal error: ${String((e as { cause?: { code?: string } }).cause?.code)} ${String((e as { cause?: { constraint_name?: string } }).cause?.constraint_name)}`,
      );
      await sleep(300);
      hold.resolve();
      await er2Tx;

      // Alone (ER-2 committed first) this delete is refused:
      // "GR-… cannot be deleted: serial EXR-2, which it dropped, is now expected on ER-…" (MOVED_LATER).
      expect(await deleted).toMatch(new RegExp(`^refused CONFLICT: .*EXR-2.*${er2Number}`));

      // And whatever the outcome, EXR-2 is expected once, on ER-2.
      const open = await db
        .select({ documentId: expectedSerial.documentId })
        .from(expectedSerial)
        .where(and(eq(expectedSerial.serial, 'EXR-2'), eq(expectedSerial.status, 'expected')));
      expect(open).toHaveLength(1);
      expect(await brokenInvariants(db)).toEqual([]);
    } finally {
      await second.sql.end();
    }
  });
});
