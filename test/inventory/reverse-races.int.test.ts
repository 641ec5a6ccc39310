import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { isDomainError } from '@/lib/errors';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';

const today = '2026-11-22';
const ROUNDS = 12;

/*
 * Races a change of a receipt (delete, or an edit replacing its serial) against an issue of that serial,
 * sent at the same moment on separate connections. Exactly one may win; the loser must get a clear
 * refusal (a DomainError), and the stock and serial invariants must hold after every round.
 */
describe('changing a receipt while its serial is being issued', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
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
  const issue = (serial: string) => ({
    kind: 'goods_issue' as const,
    date: today,
    warehouseId: w.main,
    lines: [{ itemId: w.tracked, quantity: '1', serials: [serial] }],
  });

  async function race(name: string, change: (receiptId: bigint, serials: string[]) => Promise<unknown>) {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const serials = Array.from({ length: 8 }, (_, i) => `${name}-${round}-${i}`);
      const gr = await postDocument(db, receipt(serials), w.actor);
      const [changed, issued] = await Promise.allSettled([
        change(gr.id, serials),
        postDocument(pool.db, issue(serials[0]), w.actor),
      ]);
      for (const r of [changed, issued]) if (r.status === 'rejected' && !isDomainError(r.reason)) throw r.reason;
      outcomes.push(
        `${changed.status === 'fulfilled' ? 'change' : '-'}/${issued.status === 'fulfilled' ? 'issue' : '-'}`,
      );
      // Deletes leave gaps in the numbering: only "within the series" holds here.
      const broken = (await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0);
      expect(broken, `round ${round}: ${outcomes.at(-1)}`).toEqual([]);
    }
    expect(
      outcomes.filter((o) => o === 'change/issue'),
      outcomes.join(' '),
    ).toEqual([]);
    expect(
      outcomes.every((o) => o !== '-/-'),
      'one side always wins',
    ).toBe(true);
  }

  it('a delete and an issue: exactly one wins, nothing drifts', async () => {
    await race('RD', (id) => deleteDocument(pool.db, id, w.actor));
  });

  it('an edit replacing the serial and an issue: exactly one wins, nothing drifts', async () => {
    await race('RE', (id, serials) =>
      updateDocument(pool.db, id, receipt([`${serials[0]}-new`, ...serials.slice(1)]), w.actor),
    );
  });

  it('closes its pool', async () => {
    await pool.sql.end();
  });
});
