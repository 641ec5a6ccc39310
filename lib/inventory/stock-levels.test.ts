import { describe, expect, it } from 'vitest';
import { groupDeltas, netDeltas, type StockDelta } from './stock-levels';

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
  it('keeps a change that nets to zero, with sign 0, so its row is still locked', () => {
    const d = (itemId: bigint, warehouseId: bigint, quantity: string): StockDelta => ({
      itemId,
      itemCode: `I${itemId}`,
      unit: 'pcs',
      warehouseId,
      warehouseCode: `W${warehouseId}`,
      quantity,
      line: 0,
    });
    // A receipt of 10 re-dated (undone and posted again), and another item cut from 5 to 3.
    const net = netDeltas([d(2n, 1n, '10'), d(1n, 1n, '3')], [d(2n, 1n, '10'), d(1n, 1n, '5')]);
    expect(net.map((x) => [x.itemId, x.sign, x.quantity])).toEqual([
      [1n, -1, '2'],
      [2n, 0, '0'],
    ]);
  });
});
