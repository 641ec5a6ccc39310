import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { useTestDatabase } from '@/test/db';
import { outageHarness, withPort } from './outage-harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tries `select 1` until one answers or the time is up; a try that hangs counts against the time too. */
async function msUntilAnswer(run: () => Promise<unknown>, limitMs: number): Promise<number | null> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    const left = limitMs - (Date.now() - start);
    const answered = await Promise.race([
      run().then(
        () => true,
        () => false,
      ),
      sleep(left).then(() => false),
    ]);
    if (answered) return Date.now() - start;
    await sleep(20);
  }
  return null;
}

describe('the app pool after the database was away', async () => {
  const { db, url } = await useTestDatabase();
  const { proxy } = await outageHarness(db, url);

  it("answers again within a few seconds of the database's return, with transactions cut mid-way and traffic refused meanwhile", async () => {
    const pool = createDb(withPort(url, proxy.port), 4);
    try {
      await Promise.all([1, 2, 3, 4].map(() => pool.db.execute(sql`select 1`)));
      // Transactions open when the server goes away: their ROLLBACK is sent on a dead connection
      // (porsager/postgres#1208), which must neither crash the process nor leave the connection mute.
      const cutTransactions = [1, 2].map(() =>
        pool.db
          .transaction(async (tx) => {
            await tx.execute(sql`select 1`);
            await tx.execute(sql`select pg_sleep(5)`);
          })
          .then(
            () => null,
            (error: unknown) => error,
          ),
      );
      await sleep(150);
      await proxy.cut();
      expect((await Promise.all(cutTransactions)).map((error) => isDatabaseUnavailable(error))).toEqual([true, true]);

      // Requests keep coming while the database refuses connections: every refusal raises postgres.js's
      // shared reconnect backoff (by default up to 20 s per connection, the 8–14 s seen after restarts).
      const outageEnds = Date.now() + 3_000;
      let refused = 0;
      while (Date.now() < outageEnds) {
        const error = await Promise.race([
          pool.db.execute(sql`select 1`).then(
            () => null,
            (e: unknown) => e,
          ),
          sleep(1_000).then(() => 'slow'),
        ]);
        if (error !== 'slow') {
          expect(isDatabaseUnavailable(error)).toBe(true);
          refused++;
        }
        await sleep(50);
      }
      expect(refused).toBeGreaterThan(3);

      await proxy.restore();
      const ms = await msUntilAnswer(() => pool.db.execute(sql`select 1`), 4_000);
      console.log(
        `[pool-reconnect] first answer ${ms} ms after the database came back (${refused} refused requests during the outage)`,
      );
      expect(ms).not.toBeNull();
      // Every connection of the pool works again (none left mute by a cut transaction).
      const all = await msUntilAnswer(
        () => Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => pool.db.execute(sql`select pg_sleep(0.05)`))),
        4_000,
      );
      expect(all).not.toBeNull();
      await pool.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
      });
      // A clean end (no timeout) completes: no connection still holds the query the cut rejected (it
      // did before the driver repair, so a stopping worker never exited).
      expect(await Promise.race([pool.sql.end().then(() => 'ended'), sleep(5_000).then(() => 'still waiting')])).toBe(
        'ended',
      );
    } finally {
      await pool.sql.end({ timeout: 1 });
    }
  }, 60_000);
});
