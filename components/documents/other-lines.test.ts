import { describe, expect, it } from 'vitest';
import type { FormLine } from './form-values';
import { otherLinesOfLine } from './other-lines';

const line = (itemId: string, serials: string[]): FormLine => ({
  itemId,
  itemCode: `I-${itemId}`,
  itemName: 'Item',
  unit: 'pcs',
  trackSerials: true,
  quantity: String(serials.length),
  unitPrice: '1',
  vatRate: '21',
  serials,
});

describe('otherLinesOfLine', () => {
  it('finds the other lines of the same item holding a key, numbered from 1, by what the serial reads as', () => {
    const lines = [line('1', ['A-1', 'A-2']), line('2', ['A-1']), line('1', ['B-1']), line('1', ['a-1', 'A-1'])];
    const ofLine3 = otherLinesOfLine(lines, 2);
    expect(ofLine3('a-1')).toEqual([1, 4]); // line 2 is another item
    expect(ofLine3('b-1')).toEqual([]);
    expect(otherLinesOfLine(lines, 0)('a-1')).toEqual([4]);
  });
});
