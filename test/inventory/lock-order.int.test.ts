import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { rows } from '@/lib/sql-rows';
import { sql } from 'drizzle-orm';
import { postDocument } from '@/lib/inventory/post';
import type { DocumentInput } from '@/lib/validation/documents';

// Postings of one kind run side by side (numbering.ts numbers last), so two of them taking the same serials must
// lock those rows in one order (lib/inventory/serial-moves.ts): the same serials entered in opposite orders queue,
// never deadlock (a deadlock would be retried, but only after deadlock_timeout, a second of a clerk's time).

describe('serial row lock order', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
  const pool = createDb(url, 10);
  afterAll(() => pool.sql.end());
  const deadlocks = async () =>
    Number(
      (
        await rows<{ n: string }>(
          db,
          sql`select deadlocks::text as n from pg_stat_database where datname = current_database()`,
        )
      )[0].n,
    );
  const waitForStats = () => rows(db, sql`select pg_stat_clear_snapshot()`);
  const doc = (kind: 'goods_receipt' | 'goods_issue', serials: string[]): DocumentInput => ({
    kind,
    date: '2026-03-02',
    warehouseId: w.main,
    ...(kind === 'goods_issue' ? { partnerId: w.customer } : {}),
    lines: [{ itemId: w.tracked, quantity: String(serials.length), serials }],
  });

  it('issues the same serials in opposite orders at once without a deadlock, keeping each entry order', async () => {
    await waitForStats();
    const before = await deadlocks();
    for (let round = 0; round < 6; round++) {
      const serials = Array.from({ length: 400 }, (_, i) => `LO${round}-${String((i * 7919) % 400).padStart(4, '0')}`);
      const reversed = [...serials].reverse();
      await postDocument(pool.db, doc('goods_receipt', serials), w.actor);
      // Two issues of them: one takes them all, the other is refused (not in stock any more).
      const issued = await Promise.allSettled([
        postDocument(pool.db, doc('goods_issue', serials), w.actor),
        postDocument(pool.db, doc('goods_issue', reversed), w.actor),
      ]);
      expect(issued.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      // Locked in key order, but recorded as entered: the document's page and labels list movements by id.
      const winner =
        issued[0].status === 'fulfilled' ? issued[0].value : (issued[1] as { value: { id: bigint } }).value;
      const moved = await rows<{ serial: string }>(
        db,
        sql`select s.serial from serial_movement m join serial_number s on s.id = m.serial_id
          where m.document_id = ${winner.id} order by m.id`,
      );
      expect(moved.map((m) => m.serial)).toEqual(issued[0].status === 'fulfilled' ? serials : reversed);
    }
    // The statistics collector reports with a delay: poll briefly for a deadlock that may still be on its way.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await waitForStats();
    expect(await deadlocks()).toBe(before);
  });
});
