import { describe, expect, it } from 'vitest';
import { checkLineSerials, type LineItem } from './serial-rules';

const items = new Map<bigint, LineItem>([
  [1n, { id: 1n, code: 'ACME-1', trackSerials: true }],
  [2n, { id: 2n, code: 'CABLE', trackSerials: false }],
]);
const line = (itemId: bigint, quantity: string, serials: string[] = []) => ({
  itemId,
  quantity,
  unitPrice: '0',
  vatRate: undefined,
  serials,
});

describe('serial rules on document lines', () => {
  it('accepts a tracked line whose serial count equals its quantity', () => {
    expect(checkLineSerials([line(1n, '2', ['A', 'B'])], items)).toEqual([]);
  });
  it('refuses a count mismatch with the item and both numbers', () => {
    expect(checkLineSerials([line(1n, '5', ['A', 'B', 'C'])], items)[0].message).toBe(
      'Item ACME-1 needs 5 serial numbers, 3 entered.',
    );
  });
  it('refuses a fraction of a tracked item', () => {
    expect(checkLineSerials([line(1n, '1.5', ['A'])], items)[0]).toMatchObject({
      code: 'NOT_WHOLE',
      message: 'Item ACME-1: serial-tracked quantity must be a whole number.',
    });
  });
  it('refuses a serial entered twice, also across two lines of the same item, once per serial', () => {
    const problems = checkLineSerials(
      [line(1n, '3', ['SN-7', 'SN-8', 'SN-7']), line(1n, '2', ['SN-7', 'SN-9'])],
      items,
    );
    expect(problems).toEqual([
      { code: 'DUPLICATE_IN_DOCUMENT', line: 0, serial: 'SN-7', message: 'Serial SN-7 is entered twice on line 1.' },
      {
        code: 'DUPLICATE_IN_DOCUMENT',
        line: 1,
        serial: 'SN-7',
        message: 'Serial SN-7 is entered twice on lines 1 and 2.',
      },
    ]);
  });
  it('finds serials that only look different: case, width, invisible marks, look-alike letters', () => {
    for (const variant of ['sn-a7', 'ＳＮ-Ａ７', 'SN-A7\u200b', 'SN-\u0410 7'.replace(' ', '')]) {
      const [problem] = checkLineSerials([line(1n, '2', ['SN-A7', variant])], items);
      expect(problem, variant).toMatchObject({
        code: 'DUPLICATE_IN_DOCUMENT',
        serial: variant,
        message: `Serial ${variant} looks the same as SN-A7: they are one serial, entered twice on line 1.`,
      });
    }
  });
  it('keeps serials that read differently apart', () => {
    expect(checkLineSerials([line(1n, '2', ['SN-A7', 'SN-A8'])], items)).toEqual([]);
  });
  it('refuses serials on an item without tracking', () => {
    expect(checkLineSerials([line(2n, '1', ['X'])], items)[0].code).toBe('NOT_TRACKED');
  });
});
