import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { isDomainError } from '@/lib/errors';
import { postDocument } from '@/lib/inventory/post';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deletePartner, deleteWarehouse } from '@/lib/catalog/delete';
import { createPartner } from '@/lib/catalog/partners';
import { createWarehouse } from '@/lib/catalog/warehouses';

const ROUNDS = 10;

/*
 * Deleting a warehouse or partner at the moment a document naming it is posted: one of the two wins and
 * the other gets a clear refusal (before, a delete that won left the posting a raw foreign-key error).
 */
describe('deleting what a document is being posted to', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
  const pool = createDb(url, 4);

  async function race(remove: () => Promise<unknown>, post: () => Promise<unknown>): Promise<string> {
    const results = await Promise.allSettled([remove(), post()]);
    for (const r of results) if (r.status === 'rejected' && !isDomainError(r.reason)) throw r.reason;
    return results.map((r) => r.status).join('/');
  }

  it('a warehouse', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const id = await createWarehouse(db, { code: `DEL-W${round}`, name: 'Doomed' });
      outcomes.push(
        await race(
          () => deleteWarehouse(pool.db, id),
          () =>
            postDocument(
              pool.db,
              {
                kind: 'goods_receipt',
                date: '2026-05-01',
                warehouseId: id,
                lines: [{ itemId: w.plain, quantity: '1' }],
              },
              w.actor,
            ),
        ),
      );
    }
    expect(
      outcomes.filter((o) => o !== 'fulfilled/rejected' && o !== 'rejected/fulfilled'),
      outcomes.join(' '),
    ).toEqual([]);
  });

  it('a partner', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const id = await createPartner(db, { code: `DEL-P${round}`, name: 'Doomed', type: 'supplier' });
      outcomes.push(
        await race(
          () => deletePartner(pool.db, id),
          () =>
            postDocument(
              pool.db,
              {
                kind: 'goods_receipt',
                date: '2026-05-01',
                warehouseId: w.main,
                partnerId: id,
                lines: [{ itemId: w.plain, quantity: '1' }],
              },
              w.actor,
            ),
        ),
      );
    }
    expect(
      outcomes.filter((o) => o !== 'fulfilled/rejected' && o !== 'rejected/fulfilled'),
      outcomes.join(' '),
    ).toEqual([]);
  });

  it('closes its pool', async () => {
    await pool.sql.end();
  });
});
