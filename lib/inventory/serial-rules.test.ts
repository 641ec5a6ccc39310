import { describe, expect, it } from 'vitest';
import { checkLineSerials, type LineItem } from './serial-rules';

const items = new Map<bigint, LineItem>([
  [1n, { id: 1n, code: 'ACME-1', trackSerials: true }],
  [2n, { id: 2n, code: 'CABLE', trackSerials: false }],
]);
const line = (itemId: bigint, quantity: string, serials: string[] = []) => ({ itemId, quantity, unitPrice: '0', vatRate: undefined, serials });

describe('serial rules on document lines', () => {
  it('accepts a tracked line whose serial count equals its quantity', () => {
    expect(checkLineSerials([line(1n, '2', ['A', 'B'])], items)).toEqual([]);
  });
  it('refuses a count mismatch with the item and both numbers', () => {
    expect(checkLineSerials([line(1n, '5', ['A', 'B', 'C'])], items)[0].message).toBe('Item ACME-1 needs 5 serial numbers, 3 entered.');
  });
  it('refuses a fraction of a tracked item', () => {
    expect(checkLineSerials([line(1n, '1.5', ['A'])], items)[0]).toMatchObject({ code: 'NOT_WHOLE', message: 'Item ACME-1: serial-tracked quantity must be a whole number.' });
  });
  it('refuses a serial entered twice, also across two lines of the same item, once per serial', () => {
    const problems = checkLineSerials([line(1n, '3', ['SN-7', 'SN-8', 'SN-7']), line(1n, '2', ['SN-7', 'SN-9'])], items);
    expect(problems).toEqual([{ code: 'DUPLICATE_IN_DOCUMENT', line: 0, serial: 'SN-7', message: 'Serial SN-7 is entered twice.' },
      { code: 'DUPLICATE_IN_DOCUMENT', line: 1, serial: 'SN-7', message: 'Serial SN-7 is entered twice.' }]);
  });
  it('keeps serials case-sensitive: SN-a and SN-A are two serials', () => {
    expect(checkLineSerials([line(1n, '2', ['SN-a', 'SN-A'])], items)).toEqual([]);
  });
  it('refuses serials on an item without tracking', () => {
    expect(checkLineSerials([line(2n, '1', ['X'])], items)[0].code).toBe('NOT_TRACKED');
  });
});
