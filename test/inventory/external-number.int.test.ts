import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { isDomainError } from '@/lib/errors';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';

type World = Awaited<ReturnType<typeof seedWorld>>;

/**
 * The same paper (kind, partner, external number as it reads) is entered once, from every door that reaches the core.
 */
describe('external numbers', async () => {
  const { db, url } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
  });
  const receipt = (externalNumber: string | null, partnerId: bigint | null = w.supplier) => ({
    kind: 'goods_receipt' as const,
    date: '2026-07-01',
    warehouseId: w.main,
    partnerId,
    externalNumber,
    lines: [{ itemId: w.plain, quantity: '1' }],
  });

  it('refuses the same supplier document twice, as it reads, naming the first; other partners and kinds are free', async () => {
    const first = await postDocument(db, receipt('DL-77'), w.actor);
    for (const again of ['DL-77', 'dl-77', ' ＤＬ-７７ ']) {
      await expect(postDocument(db, receipt(again), w.actor)).rejects.toMatchObject({
        code: 'DUPLICATE_DATA',
        message: `Goods receipt ${again.trim()} from SUP is already entered as ${first.number}.`,
        details: { existing: { id: String(first.id), number: first.number, kind: 'goods_receipt' } },
      });
    }
    await postDocument(db, receipt('DL-77', null), w.actor);
    await expect(postDocument(db, receipt('DL-77', null), w.actor)).rejects.toThrow(/is already entered as/);
    await postDocument(db, { ...receipt('DL-77'), kind: 'purchase_invoice' }, w.actor);
  });

  it('an edit keeps its own number and may not take another one', async () => {
    const a = await postDocument(db, receipt('DL-A'), w.actor);
    const b = await postDocument(db, receipt('DL-B'), w.actor);
    await updateDocument(db, a.id, { ...receipt('DL-A'), note: 'kept' }, w.actor);
    await expect(updateDocument(db, a.id, receipt('dl-b'), w.actor)).rejects.toThrow(
      `Goods receipt dl-b from SUP is already entered as ${b.number}.`,
    );
  });

  it('two saves of one number at once: one wins, the other gets the same refusal, never a database error', async () => {
    const pool = createDb(url, 8);
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => postDocument(pool.db, receipt(`RACE-${round}`), w.actor)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') expect(isDomainError(r.reason) && r.reason.code).toBe('DUPLICATE_DATA');
    }
    await pool.sql.end();
  });
});
