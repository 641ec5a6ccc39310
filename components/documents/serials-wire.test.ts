import { describe, expect, it } from 'vitest';
import type { DocumentInput } from '@/lib/validation/documents';
import { fromWire, toWire } from './serials-wire';

const doc = (serials: string[][]): DocumentInput => ({
  kind: 'goods_receipt',
  date: '2026-11-22',
  warehouseId: '1',
  lines: serials.map((s, i) => ({ itemId: String(i + 1), quantity: String(s.length || 1), serials: s })),
});

describe('serials on the form save wire', () => {
  it("carries each line's serials as one string and gives them back unchanged", () => {
    const values = doc([['A-1', 'A-2', 'A 3'], [], ['ž-1']]);
    const wire = toWire(values);
    expect(wire.lines.map((l) => l.serials)).toEqual(['A-1\nA-2\nA 3', '', 'ž-1']);
    expect(fromWire(wire)).toEqual(values);
  });

  it('leaves anything that is not a string to the schema (an old client, a forged request)', () => {
    const values = doc([['A-1']]);
    expect(fromWire(values as never)).toEqual(values);
    const forged = { ...values, lines: [{ ...values.lines[0], serials: 42 }] };
    expect(fromWire(forged as never).lines[0].serials).toBe(42);
  });
});
