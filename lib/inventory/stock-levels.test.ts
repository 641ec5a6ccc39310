import { describe, expect, it } from 'vitest';
import { addDecimals, groupDeltas, trimDecimal, type StockDelta } from './stock-levels';

describe('stock deltas', () => {
  it('adds decimals exactly', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('999999999999.999', '0.001')).toBe('1000000000000');
    expect(addDecimals('5', '2.5')).toBe('7.5');
  });
  it('sums lines of one item and warehouse and orders them by item', () => {
    const d = (itemId: bigint, quantity: string): StockDelta => ({ itemId, itemCode: `I${itemId}`, unit: 'pcs', warehouseId: 1n, warehouseCode: 'W', quantity, line: 0 });
    expect(groupDeltas([d(2n, '1'), d(1n, '2'), d(2n, '3')]).map((x) => [x.itemId, x.quantity])).toEqual([[1n, '2'], [2n, '4']]);
  });
  it('trims trailing zeros', () => {
    expect(trimDecimal('5.000')).toBe('5');
    expect(trimDecimal('0.000')).toBe('0');
    expect(trimDecimal('12')).toBe('12');
  });
});
