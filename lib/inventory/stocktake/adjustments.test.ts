import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINES } from '@/lib/validation/documents';
import { adjustmentDocuments } from './adjustments';
import type { AdjustmentPlan } from './plan';

const header = { date: '2026-11-22', warehouseId: 1n, note: 'Stocktake ST-2026-00001: count' };
const itemId = fc.integer({ min: 1, max: 700 }).map(String);
const plan: fc.Arbitrary<AdjustmentPlan> = fc.record({
  missing: fc.array(fc.record({ serialId: fc.nat().map(String), itemId, serial: fc.uuid() }), { maxLength: 60 }),
  unknown: fc.array(fc.record({ itemId, serial: fc.uuid() }), { maxLength: 60 }),
  counts: fc.uniqueArray(
    fc.record({
      itemId: fc.integer({ min: 701, max: 1400 }).map(String),
      difference: fc
        .integer({ min: -5000, max: 5000 })
        .filter((n) => n !== 0)
        .map((n) => (n / 1000).toString()),
    }),
    { selector: (c) => c.itemId, maxLength: 700 },
  ),
});

describe('adjustmentDocuments', () => {
  it('issues every missing serial and receives every unknown one once, counted differences by sign', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const docs = adjustmentDocuments(p, header);
        const serialsOf = (kind: string) =>
          docs.filter((d) => d.kind === kind).flatMap((d) => d.lines.flatMap((l) => l.serials ?? []));
        expect(serialsOf('goods_issue').sort()).toEqual(p.missing.map((m) => m.serial).sort());
        expect(serialsOf('goods_receipt').sort()).toEqual(p.unknown.map((u) => u.serial).sort());
        for (const d of docs) {
          expect(d.lines.length).toBeGreaterThan(0);
          expect(d.lines.length).toBeLessThanOrEqual(MAX_LINES);
          expect(d).toMatchObject(header);
        }
        for (const c of p.counts) {
          const kind = c.difference.startsWith('-') ? 'goods_issue' : 'goods_receipt';
          const line = docs
            .filter((d) => d.kind === kind)
            .flatMap((d) => d.lines)
            .find((l) => l.itemId === c.itemId);
          expect(line?.quantity).toBe(c.difference.replace('-', ''));
        }
        for (const d of docs)
          for (const l of d.lines) if ((l.serials ?? []).length > 0) expect(l.quantity).toBe(String(l.serials!.length));
      }),
    );
  });

  it('posts nothing when nothing differs', () => {
    expect(adjustmentDocuments({ missing: [], unknown: [], counts: [] }, header)).toEqual([]);
  });
});
