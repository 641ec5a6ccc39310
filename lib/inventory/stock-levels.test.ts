import { describe, expect, it } from 'vitest';
import { groupDeltas, type StockDelta } from './stock-levels';

describe('stock deltas', () => {
  it('sums lines of one item and warehouse and orders them by item', () => {
    const d = (itemId: bigint, quantity: string): StockDelta => ({
      itemId,
      itemCode: `I${itemId}`,
      unit: 'pcs',
      warehouseId: 1n,
      warehouseCode: 'W',
      quantity,
      line: 0,
    });
    expect(groupDeltas([d(2n, '1'), d(1n, '2'), d(2n, '3')]).map((x) => [x.itemId, x.quantity])).toEqual([
      [1n, '2'],
      [2n, '4'],
    ]);
  });
  it('adds the quantities exactly', () => {
    const d = (quantity: string): StockDelta => ({
      itemId: 1n,
      itemCode: 'I1',
      unit: 'pcs',
      warehouseId: 1n,
      warehouseCode: 'W',
      quantity,
      line: 0,
    });
    expect(groupDeltas([d('0.1'), d('0.2'), d('999999999999.7')]).map((x) => x.quantity)).toEqual(['1000000000000']);
  });
});
